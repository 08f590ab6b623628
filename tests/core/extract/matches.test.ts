import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allMatches } from "../../../src/core/extract/matches";

/** What a match says: where, what, and each group. */
const said = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => ({ index: m.index, groups: [...m] }));

const PATTERNS = [/[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu, /\bby\s+(\p{Lu}\w*)/gu, /(a*)/g, /x*/gu, /(?:)/gu, /\b/g];

describe("allMatches", () => {
  it("lists the matches matchAll lists, empty ones and astral characters included", () => {
    const texts = ["", "written by Jane and by Bob", "aaa b aa", "😀x😀", "io_uring’s I/O", "\u{1F600}"];
    for (const pattern of PATTERNS) for (const text of texts) expect(said(allMatches(text, pattern))).toEqual(said(text.matchAll(pattern)));
  });

  it("agrees with matchAll on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        for (const pattern of PATTERNS) expect(said(allMatches(text, pattern))).toEqual(said(text.matchAll(pattern)));
      }),
    );
  });

  it("leaves the pattern ready for its next use, and refuses a pattern that is not global", () => {
    const pattern = /o/g;
    allMatches("foo", pattern);
    expect(pattern.lastIndex).toBe(0);
    expect(() => allMatches("foo", /o/)).toThrow(TypeError);
  });
});
