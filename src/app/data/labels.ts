/**
 * Label placement without overlaps: given label boxes in screen space, keep the most important
 * ones that do not collide. Sigma's own label grid keeps the biggest nodes per grid cell, but
 * labels from neighbouring cells can still cross; this pass settles that. Pure and DOM-free.
 */

export interface LabelCandidate {
  key: string;
  /** Left, top, right, bottom of the label box, in pixels. */
  box: readonly [number, number, number, number];
  /** Higher goes first: chosen nodes, then lit ones, then bigger ones. */
  priority: number;
}

/** Cell size of the spatial hash, in pixels: about one short label. */
const CELL = 64;

/**
 * The candidates whose labels get room, greedily by priority (ties by key, so the result is
 * stable across frames). Boxes partly outside `bounds` are refused: a label cut at the edge
 * of the canvas helps no one.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  bounds: { width: number; height: number },
): Set<string> {
  const placed = new Set<string>();
  const cells = new Map<string, LabelCandidate["box"][]>();
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));
  for (const candidate of ordered) {
    const [left, top, right, bottom] = candidate.box;
    if (left < 0 || top < 0 || right > bounds.width || bottom > bounds.height) continue;
    const keys: string[] = [];
    for (let cx = Math.floor(left / CELL); cx <= Math.floor(right / CELL); cx++) {
      for (let cy = Math.floor(top / CELL); cy <= Math.floor(bottom / CELL); cy++) keys.push(`${cx},${cy}`);
    }
    const collides = keys.some((key) =>
      (cells.get(key) ?? []).some(([l, t, r, b]) => left < r && right > l && top < b && bottom > t),
    );
    if (collides) continue;
    placed.add(candidate.key);
    for (const key of keys) {
      const list = cells.get(key);
      if (list) list.push(candidate.box);
      else cells.set(key, [candidate.box]);
    }
  }
  return placed;
}

/** Width of a label in pixels, estimated from its length (sans-serif, semibold). */
export function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}
