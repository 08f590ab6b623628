import { describe, expect, it } from "vitest";
import { bestGroupFirst, compareRanked, matchKind, TopHits, type Ranked } from "../../../../src/app/data/search/rank";

describe("matchKind", () => {
  it("is exact when the whole name was typed, else prefix, else fuzzy", () => {
    expect(matchKind(true, false)).toBe("exact");
    expect(matchKind(false, false)).toBe("prefix");
    expect(matchKind(false, true)).toBe("fuzzy");
  });
});

describe("compareRanked", () => {
  it("puts exact before prefix before fuzzy, whatever the scores", () => {
    const hits: Ranked[] = [
      { match: "fuzzy", score: 100 },
      { match: "exact", score: 1 },
      { match: "prefix", score: 50 },
    ];
    expect(hits.sort(compareRanked).map((h) => h.match)).toEqual(["exact", "prefix", "fuzzy"]);
  });

  it("orders by score within a kind", () => {
    expect(compareRanked({ match: "prefix", score: 2 }, { match: "prefix", score: 1 })).toBeLessThan(0);
  });
});

describe("TopHits", () => {
  it("keeps the best few, ranked, and counts them all", () => {
    const top = new TopHits<string>(2);
    top.offer("big fuzzy", 90, "fuzzy");
    top.offer("small prefix", 3, "prefix");
    top.offer("exact", 1, "exact");
    top.offer("bigger prefix", 5, "prefix");
    expect(top.best.map((h) => h.value)).toEqual(["exact", "bigger prefix"]);
    expect(top.total).toBe(4);
  });

  it("lets the first offered win a tie", () => {
    const top = new TopHits<string>(1);
    top.offer("first", 1);
    top.offer("second", 1);
    expect(top.best.map((h) => h.value)).toEqual(["first"]);
  });
});

describe("bestGroupFirst", () => {
  const group = (name: string, ...hits: Ranked[]) => ({ name, hits });

  it("leads with the group of the best match, whatever order the groups came in", () => {
    const ordered = bestGroupFirst([
      group("technologies", { match: "fuzzy", score: 9 }),
      group("techniques", { match: "exact", score: 2 }),
      group("articles", { match: "prefix", score: 5 }),
    ]);
    expect(ordered.map((g) => g.name)).toEqual(["techniques", "articles", "technologies"]);
  });

  it("keeps the given order between groups whose best ranks alike, and empty groups last", () => {
    const ordered = bestGroupFirst([
      group("empty"),
      group("technologies", { match: "prefix", score: 3 }),
      group("articles", { match: "prefix", score: 3 }),
    ]);
    expect(ordered.map((g) => g.name)).toEqual(["technologies", "articles", "empty"]);
  });
});
