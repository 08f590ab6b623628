import { describe, expect, it } from "vitest";
import { nearestNeighbours } from "../../../src/core/layout/neighbours";
import { seededRandom } from "../../../src/core/random";

/** The k nearest by brute force, ties to the lower index. */
function bruteForce(x: Float64Array, y: Float64Array, k: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const others = [...x.keys()].filter((j) => j !== i);
    others.sort((a, b) => Math.hypot(x[a]! - x[i]!, y[a]! - y[i]!) - Math.hypot(x[b]! - x[i]!, y[b]! - y[i]!) || a - b);
    for (let j = 0; j < k; j++) result.push(others[j] ?? -1);
  }
  return result;
}

describe("nearestNeighbours", () => {
  it("finds every point's k nearest others, nearest first, as brute force does", () => {
    const random = seededRandom(3);
    const x = Float64Array.from({ length: 300 }, () => random() * 100);
    const y = Float64Array.from({ length: 300 }, () => random() * 100);
    expect([...nearestNeighbours(x, y, 5)]).toEqual(bruteForce(x, y, 5));
  });

  it("breaks ties by index, even among points stacked at one spot or on a lattice", () => {
    const lattice = Array.from({ length: 49 }, (_, i) => [i % 7, Math.floor(i / 7)] as const);
    const stacked = [...lattice, [3, 3] as const, [3, 3] as const];
    const x = Float64Array.from(stacked, (p) => p[0]);
    const y = Float64Array.from(stacked, (p) => p[1]);
    expect([...nearestNeighbours(x, y, 6)]).toEqual(bruteForce(x, y, 6));
  });

  it("pads with -1 when there are fewer than k other points, and refuses a bad k", () => {
    expect([...nearestNeighbours(Float64Array.of(0, 1), Float64Array.of(0, 0), 3)]).toEqual([1, -1, -1, 0, -1, -1]);
    expect([...nearestNeighbours(new Float64Array(0), new Float64Array(0), 2)]).toEqual([]);
    expect(() => nearestNeighbours(new Float64Array(1), new Float64Array(1), 0)).toThrow(RangeError);
  });
});
