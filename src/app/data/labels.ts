/**
 * Label placement without overlaps: given where each label could go in screen space (right of
 * its node, else left), keep the most important labels that fit. Sigma's own label grid keeps
 * the biggest nodes per grid cell, but labels from neighbouring cells can still cross, and a
 * label on the right of a node near the right edge is cut; this pass settles both. Pure and
 * DOM-free.
 */

/** Left, top, right, bottom of a label box, in pixels. */
export type Box = readonly [number, number, number, number];

export interface LabelCandidate {
  key: string;
  /** Where the label may go, in order of preference. */
  boxes: readonly Box[];
  /** Higher goes first: chosen nodes, then lit ones, then bigger ones. */
  priority: number;
  /** The node's own square on screen: no other label may cover it. */
  node?: Box;
  /**
   * The label shows whatever happens (a chosen node): it takes the first place that is on
   * screen and free, else the first on screen, else the first, and others keep clear of it.
   */
  mustShow?: boolean;
}

/** Cell size of the spatial hash, in pixels: about one short label. */
const CELL = 64;

/**
 * Which candidates' labels get room, and where: the index of the box each one takes. Greedy by
 * priority (ties by key, so the result is stable across frames). A box partly outside `bounds`
 * is never chosen for an optional label: a label cut at the edge of the canvas helps no one.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  bounds: { width: number; height: number },
): Map<string, number> {
  const placed = new Map<string, number>();
  const cells = new Map<string, Box[]>();
  const cellsOf = ([left, top, right, bottom]: Box) => {
    const keys: string[] = [];
    for (let cx = Math.floor(left / CELL); cx <= Math.floor(right / CELL); cx++) {
      for (let cy = Math.floor(top / CELL); cy <= Math.floor(bottom / CELL); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  const onScreen = ([left, top, right, bottom]: Box) =>
    left >= 0 && top >= 0 && right <= bounds.width && bottom <= bounds.height;
  const free = (box: Box) => {
    const [left, top, right, bottom] = box;
    return !cellsOf(box).some((key) =>
      (cells.get(key) ?? []).some(([l, t, r, b]) => left < r && right > l && top < b && bottom > t),
    );
  };

  const occupy = (box: Box) => {
    for (const key of cellsOf(box)) {
      const list = cells.get(key);
      if (list) list.push(box);
      else cells.set(key, [box]);
    }
  };
  // Labels keep off the nodes they would hide; a node's own labels sit beside it, clear of it.
  for (const candidate of candidates) if (candidate.node) occupy(candidate.node);

  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));
  for (const candidate of ordered) {
    let chosen = candidate.boxes.findIndex((box) => onScreen(box) && free(box));
    if (chosen < 0 && candidate.mustShow) chosen = Math.max(0, candidate.boxes.findIndex(onScreen));
    const box = candidate.boxes[chosen];
    if (!box) continue;
    placed.set(candidate.key, chosen);
    occupy(box);
  }
  return placed;
}

/**
 * The places a label of `width` × `height` pixels can take beside a node at (`x`, `y`) of
 * `radius` pixels, `gap` pixels away from it: on the right, else on the left.
 */
export function labelBoxes(x: number, y: number, radius: number, gap: number, width: number, height: number): [Box, Box] {
  const top = y - height / 2;
  const bottom = y + height / 2;
  return [
    [x + radius + gap, top, x + radius + gap + width, bottom],
    [x - radius - gap - width, top, x - radius - gap, bottom],
  ];
}
