/**
 * Community-aware layout of one view: every region (community) is laid out on its own and the
 * regions are then packed side by side, linked regions near each other, so that a region is a
 * patch of the map rather than a colour spread through a hairball.
 *
 * 1. Groups. A community with at least `minRegion` nodes in the view is a region; the others'
 *    nodes ("loose": grey communities, a concept whose community is mostly articles) are placed
 *    last, next to what they connect to. Loose nodes that reach no region through the view's
 *    edges (isolated nodes, little islands) form one more group, laid out like a region.
 * 2. A group of at most `maxGroup` nodes is laid out by ForceAtlas2 over its own edges, from a
 *    seeded start, with exact repulsion: quadratic in the group, not in the graph. A larger one
 *    is split by Louvain over its own edges (its sub-topics), the parts laid out in turn and
 *    packed as below; a packed group of at most `maxSmoothed` nodes then gets ForceAtlas2 passes
 *    as a whole, from the packed places, which join its parts into one patch (the bundled
 *    graph's regions are all of that size). Passes are rationed by group size
 *    (`groupIterations`), so the cost is about the same per node whatever the graph's size:
 *    linear in all (ForceAtlas2 over the whole graph costs n² a pass, or n log n with a large
 *    constant through Barnes–Hut, and a whole graph needs hundreds of passes).
 *    Every laid-out group is scaled so that its nodes' discs cover `coverage` of its disc: every
 *    region is as dense as any other, whatever ForceAtlas2's own scale.
 * 3. Packing. The parts of a group are laid out as a small graph (one node a part, edges
 *    weighted by the view's edges between parts) by ForceAtlas2, then drawn together until
 *    their discs, `gap` apart, touch (`compact`). Each part is then turned (and mirrored if that
 *    does better) so that its nodes linked to other parts face them: a bridge between two
 *    regions sits on the side where they meet.
 * 4. Loose nodes, nearest first, go to the mean place of their placed neighbours (weighted), and
 *    overlap removal (`separateDiscs`, linear) makes room for them and clears any disc overlap.
 *
 * Deterministic: every random choice comes from one seeded generator consumed in a fixed order.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { separateDiscs } from "../graph/overlap";
import { seededRandom } from "../random";
import { adjacency, type Adjacency, type ViewGraph } from "./view";

export interface RegionLayoutOptions {
  seed: number;
  /** Nodes a community needs in the view to be a region (default 3: smaller ones are grey on the map). */
  minRegion: number;
  /** Largest group ForceAtlas2 lays out from a seeded start; larger ones are split and packed (default 60). */
  maxGroup: number;
  /** Largest packed group that then gets ForceAtlas2 passes as a whole, from its packed places (default 400). */
  maxSmoothed: number;
  /** ForceAtlas2 passes for a group of `size` nodes (default `groupIterations`). */
  iterations: (size: number) => number;
  /** Share of a laid-out group's disc that its nodes' discs cover (default 0.3). */
  coverage: number;
  /** Room between two regions, in typical disc diameters (default 3): regions read apart. */
  regionGap: number;
  /** Room between two parts of a split group, in typical disc diameters (default 1). */
  partGap: number;
  /** A node's disc is its drawn size times this (default 1.1), plus `margin` between two discs (default 1). */
  discRatio: number;
  margin: number;
  /** Passes of the final overlap removal at most (default 100). */
  overlapPasses: number;
}

/**
 * A pass of exact repulsion over a group of n nodes costs n² / 2 pairs and about 12 pairs' worth
 * of work per node besides (gravity, attraction, moves: measured 0.3 µs a node against 25 ns a
 * pair), so passes × (n + PASS_OVERHEAD) is held to PASS_BUDGET: the work per node is the same
 * (about 75 µs) in every group, and the layout's cost grows linearly with the graph.
 */
const PASS_BUDGET = 6000;
const PASS_OVERHEAD = 24;
const MIN_PASSES = 40;
const MAX_PASSES = 400;

/**
 * ForceAtlas2 passes for a group of `size` nodes: about 70 for the largest groups laid out from a
 * seeded start (`maxGroup`, 60 nodes), which is enough to settle so small a group, up to 400
 * for a handful of nodes; a packed group of 400 smoothed as a whole gets the floor of 40, enough
 * to join parts that start in place.
 */
export function groupIterations(size: number): number {
  return Math.max(MIN_PASSES, Math.min(MAX_PASSES, Math.round(PASS_BUDGET / (size + PASS_OVERHEAD))));
}

export const DEFAULT_REGION_LAYOUT_OPTIONS: RegionLayoutOptions = {
  seed: 42,
  minRegion: 3,
  maxGroup: 60,
  maxSmoothed: 200,
  iterations: groupIterations,
  coverage: 0.3,
  regionGap: 3,
  partGap: 1,
  discRatio: 1.1,
  margin: 1,
  overlapPasses: 100,
};

export interface Positions {
  x: Float64Array;
  y: Float64Array;
}

/** A laid-out group: its nodes (indices into the view) at `x`, `y` about (0, 0), within `radius`. */
interface Placed {
  members: number[];
  x: Float64Array;
  y: Float64Array;
  radius: number;
  /** Layout units per ForceAtlas2 unit: how much the force layout's picture was scaled to fit. */
  scale: number;
}

/** Positions for the nodes of `view` (in its node order). */
export function regionLayout(view: ViewGraph, options: Partial<RegionLayoutOptions> = {}): Positions {
  const settings = { ...DEFAULT_REGION_LAYOUT_OPTIONS, ...options };
  const count = view.nodes.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  if (count === 0) return { x, y };

  const random = seededRandom(settings.seed);
  const links = adjacency(view);
  const disc = Float64Array.from(view.size, (size) => size * settings.discRatio);
  // Each disc reaches half the margin further, so two of them keep the whole margin between them.
  const reach = Float64Array.from(disc, (r) => r + settings.margin / 2);
  const unit = typicalDiameter(reach);
  const context: Context = { settings, random, links, reach, owner: new Int32Array(count).fill(-1) };

  const { regions, loose } = regionsOf(view, settings.minRegion);
  const { reached, stranded } = reachFrom(regions, loose, links);
  const groups = regions.map((members) => layoutGroup(members, context));
  if (stranded.length > 0) groups.push(layoutGroup(stranded, context));
  const map = pack(groups, settings.regionGap * unit, context);
  map.members.forEach((node, i) => {
    x[node] = map.x[i]!;
    y[node] = map.y[i]!;
  });

  placeNearNeighbours(reached, links, x, y, unit, random);
  separateDiscs(x, y, disc, { margin: settings.margin, maxIterations: settings.overlapPasses, seed: settings.seed });
  return { x, y };
}

interface Context {
  settings: RegionLayoutOptions;
  random: () => number;
  links: Adjacency;
  reach: Float64Array;
  /** Scratch: the part of the group being packed that holds each node, -1 outside it. */
  owner: Int32Array;
}

/**
 * The regions (node lists in view order, by community number) and the loose nodes: those of
 * communities with fewer than `minRegion` nodes in the view, or of none.
 */
function regionsOf(view: ViewGraph, minRegion: number): { regions: number[][]; loose: number[] } {
  const byCommunity = new Map<number, number[]>();
  view.community.forEach((community, node) => {
    if (community < 0) return;
    const members = byCommunity.get(community);
    if (members) members.push(node);
    else byCommunity.set(community, [node]);
  });
  const regions: number[][] = [];
  const loose: number[] = [];
  for (const community of [...byCommunity.keys()].sort((a, b) => a - b)) {
    const members = byCommunity.get(community)!;
    if (members.length >= minRegion) regions.push(members);
  }
  const inRegion = new Uint8Array(view.nodes.length);
  for (const members of regions) for (const node of members) inRegion[node] = 1;
  inRegion.forEach((is, node) => {
    if (!is) loose.push(node);
  });
  return { regions, loose };
}

/**
 * The loose nodes that reach a region through the view's edges, nearest first (breadth-first
 * from the regions), and those that reach none (isolated nodes, islands of loose nodes).
 */
function reachFrom(regions: number[][], loose: number[], links: Adjacency): { reached: number[]; stranded: number[] } {
  const isLoose = new Uint8Array(links.start.length - 1);
  for (const node of loose) isLoose[node] = 1;
  const seen = new Uint8Array(isLoose.length);
  const reached: number[] = [];
  const visit = (node: number) => {
    for (let p = links.start[node]!; p < links.start[node + 1]!; p++) {
      const next = links.neighbours[p]!;
      if (isLoose[next] && !seen[next]) {
        seen[next] = 1;
        reached.push(next);
      }
    }
  };
  for (const members of regions) for (const node of members) visit(node);
  for (let i = 0; i < reached.length; i++) visit(reached[i]!);
  return { reached, stranded: loose.filter((node) => !seen[node]) };
}

/**
 * Lays out a group: whole by ForceAtlas2 when small enough (or indivisible), else split into
 * parts that are laid out in turn and packed, then smoothed as a whole when small enough.
 */
function layoutGroup(members: number[], context: Context): Placed {
  const { maxGroup, maxSmoothed, partGap } = context.settings;
  if (members.length <= maxGroup) return forceGroup(members, context);
  const { parts, unlinked } = split(members, context);
  if (parts.length === 1 && unlinked.length === 0) return forceGroup(members, context);
  const placed = parts.map((part) => layoutGroup(part, context));
  if (unlinked.length > 0) placed.push(sunflowerGroup(unlinked, context));
  if (placed.length === 1) return placed[0]!;
  const packed = pack(placed, partGap * typicalDiameter(Float64Array.from(members, (node) => context.reach[node]!)), context);
  return members.length > maxSmoothed ? packed : forceGroup(packed.members, context, packed);
}

/** Louvain parts smaller than this are gathered into bins (see `split`). */
const MIN_PART = 3;

/**
 * A group's parts: Louvain's communities over the group's own edges (seeded), largest first
 * (ties: the one with the first node first). Nodes with no edge in the group are not in any
 * part but listed apart (`unlinked`: one sunflower holds them, whatever their number); the
 * smallest parts (an isolated pair, a triangle's worth) are gathered, in view order, into bins
 * of up to `maxGroup` nodes, laid out like a part: hundreds of tiny parts packed one by one would
 * cost a packing of hundreds of discs and read as confetti.
 */
function split(members: number[], { links, random, owner, settings }: Context): { parts: number[][]; unlinked: number[] } {
  const graph = new Graph({ type: "undirected" });
  members.forEach((node, i) => {
    owner[node] = i;
    graph.addNode(i);
  });
  members.forEach((node, i) => {
    for (let p = links.start[node]!; p < links.start[node + 1]!; p++) {
      const j = owner[links.neighbours[p]!]!;
      if (j > i) addWeight(graph, i, j, links.weights[p]!);
    }
  });
  for (const node of members) owner[node] = -1;
  const unlinked = members.filter((_, i) => graph.degree(i) === 0);
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) graph.dropNode(node);
  });
  const communities = graph.size > 0 ? louvain(graph, { rng: seededRandom(Math.floor(random() * 2 ** 32)), getEdgeWeight: "weight" }) : {};
  const byLabel = new Map<number, number[]>();
  members.forEach((node, i) => {
    const label = communities[i];
    if (label === undefined) return;
    const part = byLabel.get(label);
    if (part) part.push(node);
    else byLabel.set(label, [node]);
  });
  const parts: number[][] = [];
  const bins: number[][] = [];
  const ordered = [...byLabel.values()].sort((a, b) => a[0]! - b[0]!);
  for (const part of ordered) {
    if (part.length >= MIN_PART) {
      parts.push(part);
      continue;
    }
    const bin = bins.at(-1);
    if (bin && bin.length + part.length <= settings.maxGroup) bin.push(...part);
    else bins.push([...part]);
  }
  parts.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  return { parts: [...parts, ...bins], unlinked };
}

/** ForceAtlas2 settings shared by groups and packings (see `forceGroup`). */
function forceSettings(order: number) {
  return {
    ...forceAtlas2.inferSettings(order),
    // Hubs such as "PostgreSQL" would otherwise pull every article into one knot.
    outboundAttractionDistribution: true,
    // Strong, weak gravity keeps loosely attached nodes near the group instead of flung out,
    // so the group's disc is filled evenly.
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 5,
  };
}

/**
 * A group laid out by ForceAtlas2 over its own edges, centred and scaled to the group's density.
 * It starts from a seeded disc, or from `start`: a packed group's places, taken back to
 * ForceAtlas2's units (by the parts' mean scale) so that the passes refine the picture rather
 * than first shrink or blow it up. A group with no edge among its nodes (an island of isolated
 * nodes) is a sunflower (Vogel's spiral, in view order) instead: even, compact, and free.
 */
function forceGroup(members: number[], context: Context, start?: Placed): Placed {
  const { links, owner, random, reach, settings } = context;
  const size = members.length;
  let x: Float64Array = new Float64Array(size);
  let y: Float64Array = new Float64Array(size);
  const graph = new Graph({ type: "undirected" });
  const spread = Math.sqrt(size) * 10;
  members.forEach((node, i) => {
    owner[node] = i;
    if (start) {
      graph.addNode(i, { x: start.x[i]! / start.scale, y: start.y[i]! / start.scale });
      return;
    }
    const angle = random() * 2 * Math.PI;
    const r = spread * Math.sqrt(random());
    graph.addNode(i, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  members.forEach((node, i) => {
    for (let p = links.start[node]!; p < links.start[node + 1]!; p++) {
      const j = owner[links.neighbours[p]!]!;
      if (j > i) addWeight(graph, i, j, links.weights[p]!);
    }
  });
  for (const node of members) owner[node] = -1;

  if (graph.size > 0) {
    forceAtlas2.assign(graph, { iterations: settings.iterations(size), getEdgeWeight: "weight", settings: forceSettings(size) });
    graph.forEachNode((node, attributes) => {
      x[Number(node)] = attributes.x as number;
      y[Number(node)] = attributes.y as number;
    });
  } else {
    ({ x, y } = sunflower(size));
  }
  const groupReach = Float64Array.from(members, (node) => reach[node]!);
  return fitted(members, x, y, groupReach, settings.coverage);
}

/** Nodes with no edge among them, as a sunflower scaled to the group's density. */
function sunflowerGroup(members: number[], { reach, settings }: Context): Placed {
  const { x, y } = sunflower(members.length);
  return fitted(members, x, y, Float64Array.from(members, (node) => reach[node]!), settings.coverage);
}

/** Vogel's spiral: `count` points, evenly spread over a disc, one unit apart about. */
function sunflower(count: number): Positions {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = Math.sqrt(i + 0.5);
    x[i] = r * Math.cos(i * golden);
    y[i] = r * Math.sin(i * golden);
  }
  return { x, y };
}

/**
 * Centres points on their mean and scales them so that discs of radius `reach` cover `coverage`
 * of the disc holding 90% of them (the farthest tenth can be stragglers); the group's radius is
 * then the farthest disc's outer edge.
 */
function fitted(members: number[], x: Float64Array, y: Float64Array, reach: Float64Array, coverage: number): Placed {
  const count = members.length;
  const [cx, cy] = centroid(x, y);
  const distances = Float64Array.from(x, (xi, i) => Math.hypot(xi - cx, y[i]! - cy));
  const extent = Float64Array.from(distances).sort()[Math.floor((count - 1) * 0.9)]!;
  let covered = 0;
  for (let i = 0; i < count; i++) covered += reach[i]! * reach[i]!;
  const scale = extent > 0 ? Math.sqrt(covered / coverage) / extent : 0;
  let radius = 0;
  for (let i = 0; i < count; i++) {
    x[i] = (x[i]! - cx) * scale;
    y[i] = (y[i]! - cy) * scale;
    radius = Math.max(radius, distances[i]! * scale + reach[i]!);
  }
  return { members, x, y, radius, scale };
}

/**
 * Packs laid-out parts into one group: ForceAtlas2 arranges the parts by the view's edges
 * between them, the arrangement is scaled to the parts' sizes (their discs, radius plus half the
 * gap, covering half of it) and compacted until the discs touch without overlapping, and each
 * part is turned to face the parts it links to.
 */
function pack(parts: Placed[], gap: number, context: Context): Placed {
  if (parts.length === 1) return parts[0]!;
  const { links, owner, random, settings } = context;
  parts.forEach((part, p) => {
    for (const node of part.members) owner[node] = p;
  });
  // The parts' graph: an edge between two parts weighs the view's edges between them.
  const graph = new Graph({ type: "undirected" });
  const spread = Math.sqrt(parts.length) * 10;
  parts.forEach((_, p) => {
    const angle = random() * 2 * Math.PI;
    const r = spread * Math.sqrt(random());
    graph.addNode(p, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  parts.forEach((part, p) => {
    for (const node of part.members) {
      for (let e = links.start[node]!; e < links.start[node + 1]!; e++) {
        const q = owner[links.neighbours[e]!]!;
        if (q > p) addWeight(graph, p, q, links.weights[e]!);
      }
    }
  });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, { iterations: settings.iterations(parts.length), getEdgeWeight: "weight", settings: forceSettings(parts.length) });
  }
  const centreX = Float64Array.from(parts, (_, p) => graph.getNodeAttribute(p, "x") as number);
  const centreY = Float64Array.from(parts, (_, p) => graph.getNodeAttribute(p, "y") as number);
  const radius = Float64Array.from(parts, (part) => part.radius + gap / 2);
  const arranged = fitted(
    parts.map((_, p) => p),
    centreX,
    centreY,
    radius,
    PACKING_START_COVERAGE,
  );
  compact(arranged.x, arranged.y, radius, Math.floor(random() * 2 ** 32));

  const members: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  parts.forEach((part, p) => {
    const turn = facing(part, p, arranged.x, arranged.y, links, owner);
    part.members.forEach((node, i) => {
      members.push(node);
      xs.push(arranged.x[p]! + turn.xx * part.x[i]! + turn.xy * part.y[i]!);
      ys.push(arranged.y[p]! + turn.yx * part.x[i]! + turn.yy * part.y[i]!);
    });
  });
  for (const part of parts) for (const node of part.members) owner[node] = -1;
  let outer = 0;
  parts.forEach((part, p) => (outer = Math.max(outer, Math.hypot(arranged.x[p]!, arranged.y[p]!) + part.radius)));
  const scale = parts.reduce((sum, part) => sum + part.scale * part.members.length, 0) / members.length;
  return { members, x: Float64Array.from(xs), y: Float64Array.from(ys), radius: outer, scale };
}

/** How much of the arrangement's disc the parts' discs cover before `compact` (loose: few overlaps to undo). */
const PACKING_START_COVERAGE = 0.5;

/** Rounds of `compact`, and the scale each applies before discs are pushed apart again. */
const COMPACTION_ROUNDS = 12;
const COMPACTION_SCALE = 0.85;

/**
 * Packs discs (in place) without changing their arrangement: the discs are pushed apart, then,
 * round after round, drawn towards their centre by a uniform scale and pushed apart again. A
 * force layout leaves parts with few links (islands of a sparse reading list) far out on a wide
 * rim; the rounds close those gaps, while the order in which parts sit around each other, which
 * the links decided, stays.
 */
function compact(x: Float64Array, y: Float64Array, radius: Float64Array, seed: number): void {
  const count = x.length;
  separateDiscs(x, y, radius, { margin: 0, maxIterations: 500, seed });
  for (let round = 0; round < COMPACTION_ROUNDS; round++) {
    const [cx, cy] = centroid(x, y);
    for (let i = 0; i < count; i++) {
      x[i] = cx + (x[i]! - cx) * COMPACTION_SCALE;
      y[i] = cy + (y[i]! - cy) * COMPACTION_SCALE;
    }
    separateDiscs(x, y, radius, { margin: 0, maxIterations: 500, seed: seed + round + 1 });
  }
}

/** A linear map of the plane: (x, y) → (xx·x + xy·y, yx·x + yy·y). */
interface Turn {
  xx: number;
  xy: number;
  yx: number;
  yy: number;
}

/**
 * The rotation, or rotation after a mirror, that best turns part `p`'s linked nodes towards the
 * parts they link to: it maximises Σ w · (T p_i) · d, over each edge from a node i of the part
 * (at p_i about its centre) to another part, d the unit vector towards that part's centre. For a
 * rotation by θ the sum is A cos θ + B sin θ, largest at θ = atan2(B, A), so no search is needed.
 */
function facing(part: Placed, p: number, centreX: Float64Array, centreY: Float64Array, links: Adjacency, owner: Int32Array): Turn {
  let a = 0;
  let b = 0;
  let mirroredA = 0;
  let mirroredB = 0;
  part.members.forEach((node, i) => {
    const px = part.x[i]!;
    const py = part.y[i]!;
    for (let e = links.start[node]!; e < links.start[node + 1]!; e++) {
      const q = owner[links.neighbours[e]!]!;
      if (q < 0 || q === p) continue;
      const dx = centreX[q]! - centreX[p]!;
      const dy = centreY[q]! - centreY[p]!;
      const length = Math.hypot(dx, dy);
      if (length === 0) continue;
      const w = links.weights[e]! / length;
      a += w * (px * dx + py * dy);
      b += w * (px * dy - py * dx);
      mirroredA += w * (px * dx - py * dy);
      mirroredB += w * (px * dy + py * dx);
    }
  });
  if (Math.hypot(mirroredA, mirroredB) > Math.hypot(a, b)) {
    const angle = Math.atan2(mirroredB, mirroredA);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    // Mirror (y → −y), then rotate.
    return { xx: cos, xy: sin, yx: sin, yy: -cos };
  }
  const angle = Math.atan2(b, a);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return { xx: cos, xy: -sin, yx: sin, yy: cos };
}

/**
 * Places each node (in the order given) at the mean place of its already placed neighbours,
 * weighted by the edges, plus a seeded nudge under one disc across, so that two nodes with the
 * same neighbours do not land on the same spot. The order must put every node after one of its
 * neighbours (breadth-first from the placed nodes does).
 */
function placeNearNeighbours(order: number[], links: Adjacency, x: Float64Array, y: Float64Array, unit: number, random: () => number): void {
  const placed = new Uint8Array(x.length).fill(1);
  for (const node of order) placed[node] = 0;
  for (const node of order) {
    let sx = 0;
    let sy = 0;
    let total = 0;
    for (let p = links.start[node]!; p < links.start[node + 1]!; p++) {
      const other = links.neighbours[p]!;
      if (!placed[other]) continue;
      sx += links.weights[p]! * x[other]!;
      sy += links.weights[p]! * y[other]!;
      total += links.weights[p]!;
    }
    const angle = random() * 2 * Math.PI;
    const nudge = unit * random();
    x[node] = sx / total + nudge * Math.cos(angle);
    y[node] = sy / total + nudge * Math.sin(angle);
    placed[node] = 1;
  }
}

/** Adds `weight` to the undirected edge a–b, which it creates when missing. */
function addWeight(graph: Graph, a: number, b: number, weight: number): void {
  const edge = graph.edge(a, b);
  if (edge === undefined) graph.addEdge(a, b, { weight });
  else graph.setEdgeAttribute(edge, "weight", (graph.getEdgeAttribute(edge, "weight") as number) + weight);
}

/** The diameter of a typical disc (the 90th percentile of `reach`, doubled). */
function typicalDiameter(reach: Float64Array): number {
  if (reach.length === 0) return 1;
  const sorted = Float64Array.from(reach).sort();
  return 2 * sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
}

/** The mean of the points (`x`, `y` of one length, at least one). */
function centroid(x: Float64Array, y: Float64Array): [number, number] {
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < x.length; i++) {
    cx += x[i]!;
    cy += y[i]!;
  }
  return [cx / x.length, cy / x.length];
}
