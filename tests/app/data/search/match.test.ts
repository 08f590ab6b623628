import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { termByTermSearch, transpositions } from "../../../../src/app/data/search/match";

describe("transpositions", () => {
  it("gives every word one swap of neighbouring letters away", () => {
    expect(transpositions("kafak")).toEqual(["akfak", "kfaak", "kaafk", "kafka"]);
    expect(transpositions("epbf")).toContain("ebpf");
  });

  it("skips swaps of a letter with itself, which change nothing", () => {
    expect(transpositions("aabb")).toEqual(["abab"]);
  });

  it("leaves words under four letters alone, where a swap mostly makes another word", () => {
    expect(transpositions("pgo")).toEqual([]);
  });

  it("swaps letters, not UTF-16 halves", () => {
    expect(transpositions("a😀bc")).toEqual(["😀abc", "ab😀c", "a😀cb"]);
  });
});

describe("termByTermSearch", () => {
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ["text"],
    processTerm: (term) => term.toLowerCase(),
  });
  index.addAll([
    { id: "kafka", text: "kafka streams" },
    { id: "ebpf", text: "ebpf probes" },
    { id: "postgres", text: "postgres" },
    { id: "postgress", text: "postgress" },
  ]);
  const fuzzyFromFive = (term: string) => (term.length >= 5 ? 1 : false);
  const search = termByTermSearch(index, { minPrefix: 3, fuzzy: fuzzyFromFive, swaps: true });
  const found = (terms: string[]) => {
    const hits: Record<string, boolean> = {};
    search(terms).forEach((id, _score, typo) => (hits[id] = typo));
    return hits;
  };

  it("counts a swap of neighbouring letters as one edit, and as a typo", () => {
    expect(found(["kafak"])).toEqual({ kafka: true });
    expect(found(["epbf"])).toEqual({ ebpf: true });
  });

  it("says a word found as itself or, typing, as the start of one was no typo", () => {
    expect(found(["kafka"])).toEqual({ kafka: false });
    expect(found(["kaf"])).toEqual({ kafka: false });
    expect(found(["streams", "kafka"])).toEqual({ kafka: false });
  });

  it("marks a document found through a typo in a finished word too", () => {
    expect(found(["kafak", "streams"])).toEqual({ kafka: true });
  });

  it("tells a word that merely starts with a finished word from the word itself", () => {
    expect(found(["postgres"])).toEqual({ postgres: false, postgress: false });
    // Without prefixes (a finished word), "postgress" is one Levenshtein edit from "postgres".
    const finished = termByTermSearch(index, { minPrefix: 99, fuzzy: fuzzyFromFive, swaps: false });
    const hits: Record<string, boolean> = {};
    finished(["postgres"]).forEach((id, _score, typo) => (hits[id] = typo));
    expect(hits).toEqual({ postgres: false, postgress: true });
  });

  it("finds no swap when swaps are off", () => {
    const strict = termByTermSearch(index, { minPrefix: 3, fuzzy: () => false, swaps: false });
    let count = 0;
    strict(["epbf"]).forEach(() => count++);
    expect(count).toBe(0);
  });
});
