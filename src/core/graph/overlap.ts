/**
 * Overlap removal: moves discs apart until no two overlap, in time linear in their number.
 *
 * Why not graphology-layout-noverlap: its grid is a fixed number of cells (20×20 by default)
 * however many nodes there are, so a cell holds order/400 nodes and every pass compares each
 * pair in a cell, which is quadratic in the graph's size; every candidate pair also becomes a
 * string key in a Set (`a§b`), which is what took a 10 MB document to gigabytes; and two nodes
 * at the same spot are parted by `Math.random()`, so a build is not reproducible. Its `gridSize`
 * could be raised with the order, but a grid spread over the bounding box of a force layout
 * (dense cores, sparse rim) still piles the core into few cells.
 *
 * Here the grid's cells are sized to the discs (about one typical disc across), so a cell holds
 * a handful of discs wherever they are, and the grid has at most a few cells per disc; a pair
 * is examined once, in the cell that holds the lower corner of the two discs' box overlap (no
 * set of pairs); discs at one spot part in a seeded direction.
 */
import { seededRandom } from "../random";

export interface OverlapOptions {
  /** Gap kept between two discs, in layout units. */
  margin: number;
  /** Passes at most; the work stops as soon as a pass finds no overlap. */
  maxIterations: number;
  /** Seeds the directions in which discs at exactly the same spot are parted. */
  seed: number;
}

export interface OverlapReport {
  /** Passes run. */
  iterations: number;
  /** Overlapping pairs the last pass found (0 once the discs are apart). */
  overlaps: number;
}

const DEFAULTS: OverlapOptions = { margin: 1, maxIterations: 100, seed: 1 };

/**
 * Overlaps shallower than this share of the two reaches are not overlaps: a pair pushed exactly
 * into contact can come out a rounding error short of it, and would be "overlapping" for ever.
 */
const TOLERANCE = 1e-3;
/**
 * A pair is pushed half as far again as its overlap. Pushed exactly into contact, neighbours in a
 * crowd push each other back into overlap every pass and the count creeps down for hundreds of
 * passes (measured on a 7,700-node graph: 556 pairs still overlapping after 100 passes); with
 * the extra room it is 184, and the bundled graph is clear in 6 passes (10 when pushed 1.2 times).
 */
const OVERSHOOT = 1.5;

/** A grid of at most this many cells per disc, however spread out the discs are. */
const MAX_CELLS_PER_DISC = 4;

/**
 * Moves the discs (centres `x`, `y`, radii `radius`, all the same length) in place until no two
 * overlap (keeping `margin` between them) or `maxIterations` passes have run. A pass moves both
 * discs of each overlapping pair apart along the line of their centres (OVERSHOOT times the
 * overlap between them), the larger disc by less (shares in inverse proportion to area), so hubs
 * stay where the force layout put them and small discs make room around them; the moves of one
 * pass are summed and applied together, so the result does not depend on the order pairs are met.
 */
export function separateDiscs(
  x: Float64Array,
  y: Float64Array,
  radius: Float64Array,
  options: Partial<OverlapOptions> = {},
): OverlapReport {
  const { margin, maxIterations, seed } = { ...DEFAULTS, ...options };
  const count = x.length;
  if (y.length !== count || radius.length !== count) throw new RangeError("x, y and radius must have the same length");
  const random = seededRandom(seed);
  // Each disc grows by half the margin, so two of them keep the whole margin between them.
  const reach = Float64Array.from(radius, (r) => Math.max(0, r) + margin / 2);
  const cellSide = typicalDiameter(reach);
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);

  let overlaps = 0;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    dx.fill(0);
    dy.fill(0);
    overlaps = forEachOverlap(x, y, reach, cellSide, (a, b, ex, ey, distance) => {
      let ux: number;
      let uy: number;
      if (distance > 0) {
        ux = ex / distance;
        uy = ey / distance;
      } else {
        const angle = random() * 2 * Math.PI;
        ux = Math.cos(angle);
        uy = Math.sin(angle);
      }
      const push = (reach[a]! + reach[b]! - distance) * OVERSHOOT;
      const areaA = reach[a]! * reach[a]!;
      const areaB = reach[b]! * reach[b]!;
      const shareA = areaB / (areaA + areaB);
      dx[a]! -= ux * push * shareA;
      dy[a]! -= uy * push * shareA;
      dx[b]! += ux * push * (1 - shareA);
      dy[b]! += uy * push * (1 - shareA);
    });
    if (overlaps === 0) break;
    for (let i = 0; i < count; i++) {
      x[i]! += dx[i]!;
      y[i]! += dy[i]!;
    }
  }
  return { iterations, overlaps };
}

/**
 * The pairs of discs that overlap (closer than their radii plus `margin`), counted once each, in
 * time linear in the number of discs (the grid `separateDiscs` uses). The discs are not moved.
 */
export function countOverlaps(x: Float64Array, y: Float64Array, radius: Float64Array, margin = 0): number {
  const count = x.length;
  if (y.length !== count || radius.length !== count) throw new RangeError("x, y and radius must have the same length");
  const reach = Float64Array.from(radius, (r) => Math.max(0, r) + margin / 2);
  return forEachOverlap(x, y, reach, typicalDiameter(reach), () => {});
}

/**
 * Calls `visit` once for every pair of discs (centres `x`, `y`, radii `reach`) that overlap by
 * more than TOLERANCE, with the vector from a to b and its length; returns how many there were.
 * A pair is examined in the one cell that holds the lower corner of the two discs' box overlap,
 * so no pair comes twice and no set of pairs is kept.
 */
function forEachOverlap(
  x: Float64Array,
  y: Float64Array,
  reach: Float64Array,
  cellSide: number,
  visit: (a: number, b: number, ex: number, ey: number, distance: number) => void,
): number {
  if (x.length === 0) return 0;
  const { columns, rows, side, left, bottom, start, members } = buildGrid(x, y, reach, cellSide);
  let overlaps = 0;
  for (let cell = 0; cell < columns * rows; cell++) {
    const column = cell % columns;
    const row = (cell - column) / columns;
    for (let p = start[cell]!; p < start[cell + 1]!; p++) {
      const a = members[p]!;
      for (let q = p + 1; q < start[cell + 1]!; q++) {
        const b = members[q]!;
        const ex = x[b]! - x[a]!;
        const ey = y[b]! - y[a]!;
        const squared = ex * ex + ey * ey;
        const apart = (reach[a]! + reach[b]!) * (1 - TOLERANCE);
        if (squared >= apart * apart) continue;
        // The pair shares every cell its boxes' overlap touches: handle it in the first one.
        const cornerX = Math.max(x[a]! - reach[a]!, x[b]! - reach[b]!);
        const cornerY = Math.max(y[a]! - reach[a]!, y[b]! - reach[b]!);
        if (cellOf(cornerX, left, side, columns) !== column || cellOf(cornerY, bottom, side, rows) !== row) continue;
        overlaps++;
        visit(a, b, ex, ey, Math.sqrt(squared));
      }
    }
  }
  return overlaps;
}

interface Grid {
  columns: number;
  rows: number;
  side: number;
  left: number;
  bottom: number;
  /** Members of cell c are members[start[c]] … members[start[c + 1] - 1], in disc order. */
  start: Int32Array;
  members: Int32Array;
}

/**
 * A uniform grid over the discs' bounding box; a disc is listed in every cell its bounding box
 * touches. Cells are `preferredSide` wide unless that would make more than MAX_CELLS_PER_DISC
 * cells per disc (discs spread far apart), in which case they widen: sparse regions then share
 * cells, dense ones never hold more discs per cell than their density allows.
 * Filled by counting sort: two passes over the discs, no per-cell arrays.
 */
function buildGrid(x: Float64Array, y: Float64Array, reach: Float64Array, preferredSide: number): Grid {
  const count = x.length;
  let left = Infinity;
  let bottom = Infinity;
  let right = -Infinity;
  let top = -Infinity;
  for (let i = 0; i < count; i++) {
    left = Math.min(left, x[i]! - reach[i]!);
    right = Math.max(right, x[i]! + reach[i]!);
    bottom = Math.min(bottom, y[i]! - reach[i]!);
    top = Math.max(top, y[i]! + reach[i]!);
  }
  const width = Math.max(right - left, Number.MIN_VALUE);
  const height = Math.max(top - bottom, Number.MIN_VALUE);
  const maxCells = MAX_CELLS_PER_DISC * count + 1;
  let side = Math.max(preferredSide, Number.MIN_VALUE);
  if ((width / side) * (height / side) > maxCells) side = Math.sqrt((width * height) / maxCells);
  const columns = Math.min(maxCells, Math.max(1, Math.ceil(width / side)));
  const rows = Math.min(maxCells, Math.max(1, Math.ceil(height / side)));

  const start = new Int32Array(columns * rows + 1);
  const forEachCell = (i: number, visit: (cell: number) => void) => {
    const c0 = cellOf(x[i]! - reach[i]!, left, side, columns);
    const c1 = cellOf(x[i]! + reach[i]!, left, side, columns);
    const r0 = cellOf(y[i]! - reach[i]!, bottom, side, rows);
    const r1 = cellOf(y[i]! + reach[i]!, bottom, side, rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * columns + c);
  };
  for (let i = 0; i < count; i++) forEachCell(i, (cell) => start[cell + 1]!++);
  for (let cell = 0; cell < columns * rows; cell++) start[cell + 1]! += start[cell]!;
  const members = new Int32Array(start[columns * rows]!);
  const filled = start.slice(0, columns * rows);
  for (let i = 0; i < count; i++) forEachCell(i, (cell) => (members[filled[cell]!++] = i));
  return { columns, rows, side, left, bottom, start, members };
}

function cellOf(value: number, origin: number, side: number, cells: number): number {
  return Math.min(cells - 1, Math.max(0, Math.floor((value - origin) / side)));
}

/**
 * The diameter of a typical disc (the 90th percentile): cells that wide hold a few discs where
 * discs touch, and only the rare larger discs (hubs) span more than four cells.
 */
function typicalDiameter(reach: Float64Array): number {
  if (reach.length === 0) return 1;
  const sorted = Float64Array.from(reach).sort();
  return 2 * sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
}
