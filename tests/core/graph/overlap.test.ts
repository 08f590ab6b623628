import { describe, expect, it } from "vitest";
import { countOverlaps, separateDiscs } from "../../../src/core/graph/overlap";
import { seededRandom } from "../../../src/core/random";

function discs(points: Array<[x: number, y: number, r: number]>) {
  return {
    x: Float64Array.from(points, (p) => p[0]),
    y: Float64Array.from(points, (p) => p[1]),
    radius: Float64Array.from(points, (p) => p[2]),
  };
}

/** Pairs closer than their radii plus the margin allow (checked pair by pair, independently of the grid). */
function overlappingPairs(d: ReturnType<typeof discs>, margin: number): number {
  let count = 0;
  for (let i = 0; i < d.x.length; i++) {
    for (let j = i + 1; j < d.x.length; j++) {
      const need = (d.radius[i]! + d.radius[j]! + margin) * (1 - 1e-3);
      if (Math.hypot(d.x[i]! - d.x[j]!, d.y[i]! - d.y[j]!) < need) count++;
    }
  }
  return count;
}

function crowd(count: number, spread: number, seed: number) {
  const random = seededRandom(seed);
  return discs(Array.from({ length: count }, () => [random() * spread, random() * spread, 1 + random() * 4] as [number, number, number]));
}

describe("separateDiscs", () => {
  it("leaves discs that are already apart where they are", () => {
    const d = discs([[0, 0, 2], [10, 0, 2], [0, 10, 3]]);
    const report = separateDiscs(d.x, d.y, d.radius, { margin: 1 });
    expect(report).toEqual({ iterations: 1, overlaps: 0 });
    expect([...d.x, ...d.y]).toEqual([0, 10, 0, 0, 0, 10]);
  });

  it("parts a crowd of discs until no two overlap, keeping the margin between them", () => {
    const d = crowd(600, 200, 3);
    expect(overlappingPairs(d, 2)).toBeGreaterThan(500);
    const report = separateDiscs(d.x, d.y, d.radius, { margin: 2, maxIterations: 200 });
    expect(report.overlaps).toBe(0);
    expect(overlappingPairs(d, 2)).toBe(0);
  });

  it("parts discs that sit at exactly the same spot, the same way for the same seed", () => {
    const run = (seed: number) => {
      const d = discs([[5, 5, 1], [5, 5, 1], [5, 5, 1]]);
      separateDiscs(d.x, d.y, d.radius, { margin: 0, seed });
      return d;
    };
    const first = run(9);
    expect(overlappingPairs(first, 0)).toBe(0);
    expect(run(9)).toEqual(first);
    expect(run(10)).not.toEqual(first);
  });

  it("moves the larger of two overlapping discs less, along the line of their centres", () => {
    const d = discs([[0, 0, 10], [5, 0, 2]]);
    separateDiscs(d.x, d.y, d.radius, { margin: 0 });
    expect(Math.abs(d.x[0]!)).toBeLessThan(Math.abs(d.x[1]! - 5));
    expect(d.x[0]!).toBeLessThan(0);
    expect(d.x[1]!).toBeGreaterThan(5);
    expect([d.y[0], d.y[1]]).toEqual([0, 0]);
  });

  it("stops after maxIterations and reports the overlaps left", () => {
    const d = crowd(100, 5, 4);
    const report = separateDiscs(d.x, d.y, d.radius, { margin: 1, maxIterations: 1 });
    expect(report.iterations).toBe(1);
    expect(report.overlaps).toBeGreaterThan(0);
  });

  it("finds every overlapping pair however the discs are spread (a far outlier widens the grid's cells)", () => {
    const d = discs([[0, 0, 1], [1, 0, 1], [1e6, 1e6, 1], [1e6 + 0.5, 1e6, 1]]);
    expect(separateDiscs(d.x, d.y, d.radius, { margin: 0 }).overlaps).toBe(0);
    expect(overlappingPairs(d, 0)).toBe(0);
  });

  it("accepts no discs, and refuses arrays of different lengths", () => {
    expect(separateDiscs(new Float64Array(0), new Float64Array(0), new Float64Array(0))).toEqual({ iterations: 1, overlaps: 0 });
    expect(() => separateDiscs(new Float64Array(2), new Float64Array(2), new Float64Array(1))).toThrow(RangeError);
  });
});

describe("countOverlaps", () => {
  it("counts each overlapping pair once, as a pair-by-pair check does, and moves nothing", () => {
    const d = crowd(400, 150, 7);
    const before = [...d.x];
    expect(countOverlaps(d.x, d.y, d.radius, 2)).toBe(overlappingPairs(d, 2));
    expect(countOverlaps(d.x, d.y, d.radius)).toBe(overlappingPairs(d, 0));
    expect([...d.x]).toEqual(before);
    expect(countOverlaps(new Float64Array(0), new Float64Array(0), new Float64Array(0))).toBe(0);
  });
});
