import { describe, expect, it } from "vitest";
import { convexHull, roundedOutline, withoutOutliers, type Point } from "../../../src/app/data/hulls";

const signedArea = (polygon: readonly Point[]) =>
  polygon.reduce((sum, [x, y], i) => {
    const [nx, ny] = polygon[(i + 1) % polygon.length]!;
    return sum + x * ny - nx * y;
  }, 0) / 2;

/** Distance from `p` to the segment a–b. */
const toSegment = (p: Point, a: Point, b: Point) => {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
};

/** Whether `p` lies inside the convex polygon (positive signed area), edges included. */
const inside = (p: Point, polygon: readonly Point[]) =>
  polygon.every((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= -1e-9;
  });

describe("convexHull", () => {
  it("keeps the corners of a cloud, each once, with a positive signed area", () => {
    const points: Point[] = [[0, 0], [10, 0], [10, 10], [0, 10], [5, 5], [3, 7], [10, 5], [0, 0]];
    const hull = convexHull(points);
    expect(new Set(hull.map(String))).toEqual(new Set(["0,0", "10,0", "10,10", "0,10"]));
    expect(hull).toHaveLength(4);
    expect(signedArea(hull)).toBe(100);
    for (const p of points) expect(inside(p, hull)).toBe(true);
  });

  it("gives one or two points back, and the ends of points on a line", () => {
    expect(convexHull([])).toEqual([]);
    expect(convexHull([[1, 2], [1, 2]])).toEqual([[1, 2]]);
    expect(convexHull([[0, 0], [2, 2], [1, 1], [3, 3]])).toEqual([[0, 0], [3, 3]]);
  });
});

describe("withoutOutliers", () => {
  it("drops the strays farthest from the median, not the core", () => {
    const core: Point[] = Array.from({ length: 18 }, (_, i) => [i % 6, Math.floor(i / 6)]);
    const strays: Point[] = [[100, 100], [-80, 3]];
    const kept = withoutOutliers([...core, ...strays], 0.9);
    expect(kept).toHaveLength(18);
    expect(kept).not.toContainEqual([100, 100]);
    expect(kept).not.toContainEqual([-80, 3]);
  });

  it("keeps small regions whole", () => {
    const few: Point[] = [[0, 0], [1, 0], [50, 50]];
    expect(withoutOutliers(few)).toEqual(few);
  });
});

describe("roundedOutline", () => {
  it("keeps every node of the hull at least the margin inside, and no point much farther out", () => {
    const hull = convexHull([[0, 0], [100, 0], [100, 60], [0, 60], [50, 90]]);
    const outline = roundedOutline(hull, 12, Math.PI / 16);
    expect(signedArea(outline)).toBeGreaterThan(signedArea(hull));
    for (const corner of hull) {
      const nearest = Math.min(...outline.map((p, i) => toSegment(corner, p, outline[(i + 1) % outline.length]!)));
      expect(nearest).toBeGreaterThanOrEqual(12 * Math.cos(Math.PI / 32) - 1e-9);
      expect(inside(corner, outline)).toBe(true);
    }
    for (const p of outline) {
      const fromHull = Math.min(...hull.map((a, i) => toSegment(p, a, hull[(i + 1) % hull.length]!)));
      expect(fromHull).toBeCloseTo(12, 6);
    }
  });

  it("grows the hull outwards whichever way its corners turn (a projection that flips y reverses them)", () => {
    const flipped = convexHull([[0, 0], [100, 0], [100, 60], [0, 60]]).map(([x, y]) => [x, -y] as const);
    const outline = roundedOutline(flipped, 10);
    expect(Math.min(...outline.map((p) => p[0]))).toBeCloseTo(-10, 9);
    expect(Math.min(...outline.map((p) => p[1]))).toBeCloseTo(-70, 9);
  });

  it("draws a circle round a single node and a capsule round two", () => {
    const circle = roundedOutline([[5, 5]], 10);
    expect(circle.length).toBeGreaterThan(8);
    for (const [x, y] of circle) expect(Math.hypot(x - 5, y - 5)).toBeCloseTo(10, 9);
    const capsule = roundedOutline(convexHull([[0, 0], [40, 0]]), 10);
    expect(Math.min(...capsule.map((p) => p[0]))).toBeCloseTo(-10, 9);
    expect(Math.max(...capsule.map((p) => p[0]))).toBeCloseTo(50, 9);
    expect(Math.max(...capsule.map((p) => Math.abs(p[1])))).toBeCloseTo(10, 9);
    expect(roundedOutline([], 10)).toEqual([]);
  });
});
