/**
 * Label placement without overlaps: given where each label could go in screen space (right of
 * its node, else left), keep the most important labels that fit. Sigma's own label grid keeps
 * the biggest nodes per grid cell, but labels from neighbouring cells can still cross, and a
 * label on the right of a node near the right edge is cut; this pass settles both. Pure and
 * DOM-free.
 */
import type { NodeAttributes, ViewName } from "../../core/graph/types";

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
 * `taken`: boxes something else already draws there (region names), which labels keep off.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  bounds: { width: number; height: number },
  taken: readonly Box[] = [],
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
  for (const box of taken) occupy(box);

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

/**
 * How far to move `box` so that it lies within `bounds` (0, 0 to width, height): by as little as
 * will do, along each axis; a box larger than the bounds keeps its left or top edge inside. A
 * name centred near the edge of the screen is thus read whole rather than cut.
 */
export function shiftInside([left, top, right, bottom]: Box, bounds: { width: number; height: number }): [number, number] {
  const along = (low: number, high: number, size: number) => (low < 0 ? -low : high > size ? Math.max(size - high, -low) : 0);
  return [along(left, right, bounds.width), along(top, bottom, bounds.height)];
}

/** How many pairs of `boxes` overlap (touching edges do not count): 0 on a map that reads. */
export function countOverlaps(boxes: readonly Box[]): number {
  let overlaps = 0;
  const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < sorted.length; i++) {
    const [, top, right, bottom] = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]![0] < right; j++) {
      const [, t, , b] = sorted[j]!;
      if (top < b && t < bottom) overlaps += 1;
    }
  }
  return overlaps;
}

/**
 * Article titles are long: where concepts share the screen, titles would crowd out the concepts
 * that tie articles together, so they wait until the camera is zoomed in this much (or are lit).
 */
export const ARTICLE_TITLES_FROM_ZOOM = 1.5;

/**
 * Whether a node's label waits for the camera to come closer before it may be placed: an
 * article's title in a view that shows concepts too (the map; the concepts view shows no
 * article), until zoomed in `ARTICLE_TITLES_FROM_ZOOM` times. The articles view shows no
 * concept: its titles are all it can name, so they compete by importance from the first frame.
 */
export function waitsForZoom(kind: NodeAttributes["kind"], view: ViewName, zoom: number): boolean {
  return kind === "article" && view !== "articles" && zoom < ARTICLE_TITLES_FROM_ZOOM;
}

/** A node that may get a label: where it is (graph coordinates of the view) and how much it matters. */
export interface LabelPoint {
  key: string;
  x: number;
  y: number;
  /** Higher is labelled first (the node's importance, 0–1). */
  priority: number;
  /**
   * The view does not show it (a concept in the articles view, parked hidden at the middle): the
   * index remembers its place, to notice a new layout, but never offers it, so it takes no room
   * from the nodes shown around that spot.
   */
  absent?: boolean;
}

/** Left, top (smaller y), right, bottom (larger y) of an area in the index's coordinates. */
export type Area = Box;

export interface LabelIndexOptions {
  /** Nodes a cell keeps at each level but the last: the most important of the cell (default 8). */
  perCell: number;
  /** Deepest level (2^depth cells a side); cells there keep every node (default 16). */
  maxDepth: number;
}

const DEFAULT_INDEX_OPTIONS: LabelIndexOptions = { perCell: 8, maxDepth: 16 };

/**
 * Which nodes deserve a label in a part of the map, without looking at the rest of it: a pyramid
 * of grids over the layout (a quadtree), built once per layout, as map tiles are. Level `l` cuts
 * the layout into 2^l × 2^l cells and each cell keeps only its `perCell` most important nodes; a
 * cell that holds more is cut again at the next level, one that holds all its nodes stands for
 * its area at every finer level. A query picks the finest level whose cells are at least
 * `minCell` wide, so the work is bounded by how many such cells cover the area (by the screen,
 * not by the graph), and zooming in, to finer levels, reveals more.
 */
export interface LabelIndex {
  /** Nodes it can offer (those the view shows). */
  readonly size: number;
  /** Levels built (the last one complete). */
  readonly levels: number;
  /** The indexed place of `key`, to tell whether the layout has moved since. */
  position(key: string): readonly [number, number] | undefined;
  /**
   * The nodes worth a label in `area`, most important first within each cell: every cell of the
   * chosen level that meets `area` gives its kept nodes (so a few just outside the area too).
   */
  query(area: Area, minCell: number): string[];
}

export function createLabelIndex(points: readonly LabelPoint[], options: Partial<LabelIndexOptions> = {}): LabelIndex {
  const { perCell, maxDepth } = { ...DEFAULT_INDEX_OPTIONS, ...options };
  const positions = new Map(points.map((p) => [p.key, [p.x, p.y] as const]));
  const shown = points.filter((p) => !p.absent);
  const sorted = [...shown].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of shown) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  // A square over the layout, so cells are square at every level.
  const span = shown.length === 0 ? 1 : Math.max(maxX - minX, maxY - minY) || 1;
  const cellOf = (coordinate: number, origin: number, side: number) =>
    Math.min(side - 1, Math.max(0, Math.floor(((coordinate - origin) / span) * side)));

  // Level by level, only the cells that overflowed are cut again: a cell that holds all its
  // nodes stands for its whole area at every finer level, so the work is about n, not n × levels.
  const levels: Map<number, string[]>[] = [];
  const overflowed: Set<number>[] = [];
  let active = sorted;
  for (let depth = 0; depth <= maxDepth && active.length > 0; depth++) {
    const side = 2 ** depth;
    const last = depth === maxDepth;
    const cells = new Map<number, string[]>();
    const full = new Set<number>();
    const idOf = ({ x, y }: LabelPoint) => cellOf(y, minY, side) * side + cellOf(x, minX, side);
    for (const point of active) {
      const id = idOf(point);
      const cell = cells.get(id);
      if (!cell) cells.set(id, [point.key]);
      else if (last || cell.length < perCell) cell.push(point.key);
      else full.add(id);
    }
    levels.push(cells);
    overflowed.push(full);
    active = active.filter((point) => full.has(idOf(point)));
  }

  /** The kept nodes of cell (cx, cy) at `depth`, or of the ancestor that holds all of its nodes. */
  const cellAt = (depth: number, cx: number, cy: number): { level: number; id: number } | null => {
    for (let level = depth; level >= 0; level--) {
      const shift = depth - level;
      const side = 2 ** level;
      const id = (cy >> shift) * side + (cx >> shift);
      // An overflowed ancestor was cut again: a cell missing below it is empty.
      if (level < depth && overflowed[level]!.has(id)) return null;
      if (levels[level]!.has(id)) return { level, id };
    }
    return null;
  };

  return {
    size: shown.length,
    levels: levels.length,
    position: (key) => positions.get(key),
    query([left, top, right, bottom], minCell) {
      if (shown.length === 0 || right < minX || left > minX + span || bottom < minY || top > minY + span) return [];
      const finest = Math.floor(Math.log2(span / Math.max(minCell, Number.MIN_VALUE)));
      const depth = Math.max(0, Math.min(levels.length - 1, finest));
      const side = 2 ** depth;
      const keys: string[] = [];
      const taken = new Set<string>();
      for (let cy = cellOf(top, minY, side); cy <= cellOf(bottom, minY, side); cy++) {
        for (let cx = cellOf(left, minX, side); cx <= cellOf(right, minX, side); cx++) {
          const found = cellAt(depth, cx, cy);
          if (!found || taken.has(`${found.level}:${found.id}`)) continue;
          taken.add(`${found.level}:${found.id}`);
          keys.push(...levels[found.level]!.get(found.id)!);
        }
      }
      return keys;
    },
  };
}
