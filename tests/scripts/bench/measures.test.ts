/**
 * The frame benchmark's arithmetic: which drawn labels overlap, and where a Chrome CPU profile's
 * time went, function by function.
 */
import { describe, expect, it } from "vitest";
import { costByFunction, median, overlappingPairs, type CpuProfile, type LabelBox } from "../../../scripts/bench/measures";

const label = (key: string, left: number, top: number, right: number, bottom: number): LabelBox => ({ key, text: key, box: [left, top, right, bottom] });
const keys = (pairs: [LabelBox, LabelBox][]) => pairs.map(([a, b]) => [a.key, b.key].sort().join("+")).sort();

describe("median", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("overlappingPairs", () => {
  it("finds every pair of boxes that overlap, in any order of input", () => {
    const labels = [label("c", 50, 0, 120, 10), label("a", 0, 0, 60, 10), label("b", 55, 5, 70, 20), label("far", 500, 0, 600, 10)];
    expect(keys(overlappingPairs(labels))).toEqual(["a+b", "a+c", "b+c"]);
    expect(keys(overlappingPairs([...labels].reverse()))).toEqual(["a+b", "a+c", "b+c"]);
  });

  it("finds a box that overlaps one starting far to its left, past boxes that do not", () => {
    const long = label("long", 0, 0, 1000, 10);
    const between = label("between", 10, 50, 20, 60);
    const under = label("under", 900, 5, 950, 15);
    expect(keys(overlappingPairs([long, between, under]))).toEqual(["long+under"]);
  });

  it("does not count boxes that touch, or meet by half a pixel or less", () => {
    expect(overlappingPairs([label("a", 0, 0, 10, 10), label("b", 10, 0, 20, 10)])).toEqual([]);
    expect(overlappingPairs([label("a", 0, 0, 10, 10), label("b", 9.6, 0, 20, 10)])).toEqual([]);
    expect(overlappingPairs([label("a", 0, 0, 10, 10), label("b", 0, 9.5, 10, 20)])).toEqual([]);
    expect(overlappingPairs([label("a", 0, 0, 10, 10), label("b", 9, 9, 20, 20)])).toHaveLength(1);
  });

  it("does not count boxes side by side in one direction but apart in the other", () => {
    expect(overlappingPairs([label("a", 0, 0, 10, 10), label("b", 5, 30, 15, 40)])).toEqual([]);
  });
});

describe("costByFunction", () => {
  // (root) → boot → render → drawElements; boot → search; (root) → (garbage collector)
  const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 5] },
      { id: 2, callFrame: frame("boot", "http://127.0.0.1/app/assets/index-abc.js", 99), children: [3, 4] },
      { id: 3, callFrame: frame("render", "http://127.0.0.1/app/assets/index-abc.js", 9), children: [6] },
      { id: 4, callFrame: frame("", "http://127.0.0.1/app/assets/index-abc.js", 19) },
      { id: 5, callFrame: frame("(garbage collector)") },
      { id: 6, callFrame: frame("drawElements") },
    ],
    // Each sample lasts until the next: 1 ms, 2 ms, 3 ms, 4 ms; the last has no end and counts 0.
    samples: [6, 3, 4, 5, 6],
    timeDeltas: [0, 1000, 2000, 3000, 4000],
  };

  it("gives each sample's duration to its leaf as self time", () => {
    const costs = Object.fromEntries(costByFunction(profile).map((cost) => [cost.name, cost.self]));
    expect(costs).toEqual({
      "(garbage collector)": 4,
      "(anonymous) index-abc.js:20": 3,
      "render index-abc.js:10": 2,
      drawElements: 1,
      "boot index-abc.js:100": 0,
      "(root)": 0,
    });
  });

  it("gives it to the leaf and all its callers as total time, heaviest self time first", () => {
    const costs = costByFunction(profile);
    expect(costs.map((cost) => cost.name)[0]).toBe("(garbage collector)");
    const total = Object.fromEntries(costs.map((cost) => [cost.name, cost.total]));
    expect(total["boot index-abc.js:100"]).toBe(6);
    expect(total["render index-abc.js:10"]).toBe(3);
    expect(total["(root)"]).toBe(10);
  });

  it("counts a recursive function once per sample in its total", () => {
    const recursive: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("walk", "a.js", 0), children: [2] },
        { id: 2, callFrame: frame("walk", "a.js", 0) },
      ],
      samples: [2, 2],
      timeDeltas: [0, 5000],
    };
    expect(costByFunction(recursive)).toEqual([{ name: "walk a.js:1", self: 5, total: 5 }]);
  });
});
