import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slug } from "../../src/core/slug";

describe("slug", () => {
  it.each([
    ["C++", "cplusplus"],
    ["C#", "csharp"],
    ["io_uring", "io-uring"],
    ["Little's Law", "littles-law"],
    ["Little’s Law", "littles-law"],
    ["Crème Brûlée", "creme-brulee"],
    ["Nguyễn Quốc Bình", "nguyen-quoc-binh"],
    ["  PostgreSQL 16 -- WAL  ", "postgresql-16-wal"],
    ["Node.js", "node-js"],
    ["", ""],
    ["—", ""],
  ])("%s → %s", (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  it("makes lower-case words joined by single hyphens, or nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(slug(text)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(slug(slug(text))).toBe(slug(text));
      }),
    );
  });
});
