import { describe, expect, it } from "vitest";
import { shorten } from "../../../src/app/data/text";

describe("shorten", () => {
  it("leaves short text alone", () => {
    expect(shorten("Ladybird Adopts Rust", 36)).toBe("Ladybird Adopts Rust");
  });

  it("cuts long text at a word boundary, within the limit, with an ellipsis", () => {
    const cut = shorten("Automating RDS Postgres to Aurora Postgres Migration (Netflix)", 36);
    expect(cut).toBe("Automating RDS Postgres to Aurora…");
    expect(cut.length).toBeLessThanOrEqual(36);
  });

  it("drops dangling punctuation before the ellipsis", () => {
    expect(shorten("Compiler Engineering in Practice -- Part 1 -- Practical", 36)).toBe(
      "Compiler Engineering in Practice…",
    );
  });

  it("cuts inside a very long word rather than returning almost nothing", () => {
    expect(shorten("Supercalifragilisticexpialidocious-and-more-words", 20)).toHaveLength(20);
  });
});
