/**
 * The geometry of region hulls: the soft shape drawn behind a region's nodes. A convex hull of
 * the region's nodes without its stray few, then grown by a margin with rounded corners (the
 * hull's Minkowski sum with a disc, as a polygon), so that every node sits well inside and the
 * shape reads as an area, not as a net of lines. Pure and DOM-free: points in, points out.
 */

export type Point = readonly [number, number];

/**
 * The convex hull of `points` (Andrew's monotone chain), each corner once, without collinear
 * points, in the order that makes its signed area (shoelace, in the points' own axes) positive.
 * Fewer than three distinct points give those points.
 */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const distinct = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (distinct.length < 3) return distinct;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const chain = (ordered: readonly Point[]) => {
    const out: Point[] = [];
    for (const p of ordered) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...chain(distinct), ...chain([...distinct].reverse())];
  // All on one line: the two ends.
  return hull.length < 3 ? [distinct[0]!, distinct[distinct.length - 1]!] : hull;
}

/**
 * The `share` of `points` closest to their median point (per axis, so a few strays cannot pull
 * it): a region's outliers, pushed away by the layout, would stretch its hull over others'.
 * Small sets (fewer than `minCount`) are kept whole.
 */
export function withoutOutliers(points: readonly Point[], share = 0.9, minCount = 8): Point[] {
  if (points.length < minCount) return [...points];
  const median = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const cx = median(points.map((p) => p[0]));
  const cy = median(points.map((p) => p[1]));
  const keep = Math.max(minCount, Math.ceil(points.length * share));
  return [...points]
    .map((p) => ({ p, d: (p[0] - cx) ** 2 + (p[1] - cy) ** 2 }))
    .sort((a, b) => a.d - b.d)
    .slice(0, keep)
    .map(({ p }) => p);
}

/**
 * The outline of a convex `hull` (its corners in either turning order: a projection that flips
 * an axis reverses it) grown by `margin`: straight sides parallel to the hull's, `margin` away,
 * joined by circular arcs around its corners, each arc cut into steps of at most `step` radians.
 * One point gives a circle, two a capsule.
 */
export function roundedOutline(corners: readonly Point[], margin: number, step = Math.PI / 8): Point[] {
  if (corners.length === 0) return [];
  const hull = signedArea(corners) < 0 ? [...corners].reverse() : corners;
  const arc = (centre: Point, from: number, to: number, out: Point[]) => {
    const steps = Math.max(1, Math.ceil((to - from) / step));
    for (let i = 0; i <= steps; i++) {
      const angle = from + ((to - from) * i) / steps;
      out.push([centre[0] + margin * Math.cos(angle), centre[1] + margin * Math.sin(angle)]);
    }
  };
  if (hull.length === 1) {
    const circle: Point[] = [];
    arc(hull[0]!, 0, 2 * Math.PI - step, circle);
    return circle;
  }
  // The outward normal of a side from a to b, for a hull of positive signed area.
  const normalAngle = (a: Point, b: Point) => Math.atan2(-(b[0] - a[0]), b[1] - a[1]);
  const outline: Point[] = [];
  const n = hull.length;
  for (let i = 0; i < n; i++) {
    const previous = hull[(i - 1 + n) % n]!;
    const corner = hull[i]!;
    const next = hull[(i + 1) % n]!;
    const from = normalAngle(previous, corner);
    let to = normalAngle(corner, next);
    while (to < from) to += 2 * Math.PI;
    arc(corner, from, to, outline);
  }
  return outline;
}

/** The signed area of a polygon (shoelace), positive in `convexHull`'s order. */
function signedArea(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x, y] = polygon[i]!;
    const [nx, ny] = polygon[(i + 1) % polygon.length]!;
    sum += x * ny - nx * y;
  }
  return sum / 2;
}
