/**
 * The lexicon's hierarchy as data: every `broader` names a term the lexicon knows, and the
 * relations form no cycle (a concept is never, through others, broader than itself).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../../../scripts/lib/lexicon";
import type { LexiconTerm } from "../../../src/core/extract/lexicon";
import { slug } from "../../../src/core/slug";

describe("the lexicon's broader terms", () => {
  let terms: LexiconTerm[];
  beforeAll(async () => {
    terms = (await loadLexicon()).terms;
  });

  it("are given for a few hundred terms", () => {
    expect(terms.filter((t) => t.broader?.length).length).toBeGreaterThan(300);
  });

  it("each name a term of the lexicon, not the term itself", () => {
    const names = new Set(terms.map((t) => slug(t.name)));
    const unknown = terms.flatMap((t) => (t.broader ?? []).filter((b) => !names.has(slug(b)) || slug(b) === slug(t.name)).map((b) => `${t.name} → ${b}`));
    expect(unknown).toEqual([]);
  });

  it("never lead back to where they started", () => {
    const up = new Map(terms.map((t) => [slug(t.name), (t.broader ?? []).map(slug)]));
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "visiting") {
        cycles.push([...path, node].join(" → "));
        return;
      }
      state.set(node, "visiting");
      for (const next of up.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of up.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
