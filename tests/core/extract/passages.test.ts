import { describe, expect, it } from "vitest";
import { MAX_PASSAGE, passages, type Passage } from "../../../src/core/extract/passages";

/** The passages' texts, after checking that they cover `text` exactly, in order, within the limit. */
function texts(text: string): string[] {
  const out: Passage[] = passages(text);
  expect(out[0]?.start).toBe(0);
  expect(out[out.length - 1]?.end).toBe(text.length);
  out.forEach((p, i) => {
    if (i > 0) expect(p.start).toBe(out[i - 1]?.end);
    expect(p.end - p.start).toBeGreaterThan(0);
    expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE);
  });
  return out.map((p) => text.slice(p.start, p.end));
}

describe("passages", () => {
  it("leaves a field of up to MAX_PASSAGE characters whole, as one sentence-opening passage", () => {
    expect(passages("")).toEqual([{ start: 0, end: 0, opensSentence: true }]);
    const full = "word ".repeat(MAX_PASSAGE / 5);
    expect(full.length).toBe(MAX_PASSAGE);
    expect(passages(full)).toEqual([{ start: 0, end: MAX_PASSAGE, opensSentence: true }]);
  });

  it("cuts a longer field after the last sentence end that fits, and the next passage opens a sentence", () => {
    const sentence = "Replicas lag behind the leader. ";
    const text = sentence.repeat(Math.ceil((2.5 * MAX_PASSAGE) / sentence.length));
    const parts = texts(text);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.startsWith("Replicas")).toBe(true);
    for (const part of parts.slice(0, -1)) expect(part.endsWith("leader. ")).toBe(true);
    expect(passages(text).every((p) => p.opensSentence)).toBe(true);
  });

  it("counts a full stop before closing quotes and brackets as a sentence end", () => {
    const sentence = 'It said "stop." ';
    const text = sentence.repeat(Math.ceil((1.5 * MAX_PASSAGE) / sentence.length));
    expect(texts(text)[0]?.endsWith('"stop." ')).toBe(true);
  });

  it("cuts at a line break, semicolon or comma before any other space, and that cut opens no sentence", () => {
    const clause = "one two three four five six seven, ";
    const text = clause.repeat(Math.ceil((1.5 * MAX_PASSAGE) / clause.length));
    expect(texts(text)[0]?.endsWith("seven, ")).toBe(true);
    expect(passages(text).map((p) => p.opensSentence)).toEqual([true, false]);
    const lines = "one two three four five six seven\n".repeat(200);
    expect(texts(lines)[0]?.endsWith("seven\n")).toBe(true);
  });

  it("cuts between words when nothing better is in reach, never inside one", () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `Heading Like ${i}`).join(" ");
    const parts = texts(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts.slice(0, -1)) expect(part.endsWith(" ")).toBe(true);
    expect(parts.join("")).toBe(text);
  });

  it("cuts a word longer than a passage, but never between the halves of a surrogate pair", () => {
    expect(texts("a".repeat(3 * MAX_PASSAGE)).map((p) => p.length)).toEqual([MAX_PASSAGE, MAX_PASSAGE, MAX_PASSAGE]);
    // "𝐀" is two UTF-16 code units; one letter first puts a pair across the limit.
    const astral = `a${"𝐀".repeat(MAX_PASSAGE)}`;
    const parts = texts(astral);
    expect(parts[0]?.length).toBe(MAX_PASSAGE - 1);
    for (const part of parts) {
      expect(part.charCodeAt(0) >= 0xdc00 && part.charCodeAt(0) <= 0xdfff, "starts with a low surrogate").toBe(false);
      expect(part.charCodeAt(part.length - 1) >= 0xd800 && part.charCodeAt(part.length - 1) <= 0xdbff, "ends with a high surrogate").toBe(false);
    }
  });

  it("keeps a run of spaces longer than a passage, cut into passages", () => {
    const text = `a${" ".repeat(3 * MAX_PASSAGE)}b`;
    expect(texts(text).join("")).toBe(text);
  });
});
