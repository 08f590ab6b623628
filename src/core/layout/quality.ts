/**
 * How good a layout is, measured: do regions separate on the map, do map neighbours mean
 * something in the graph, and do node discs stay clear of each other. Pure and deterministic;
 * n log n (nearest neighbours through a k-d tree, overlaps through a grid sized to the discs).
 *
 * The region measure ("k-NN community share"): for a node i of community c, s(i) is the share
 * of its k nearest nodes on the map (Euclidean distance between positions, nodes of the same
 * view only, ties to the node listed first) that belong to c; the layout's figure is the mean of
 * s(i) over the nodes whose community has more than k nodes in the view, the only ones that can
 * score 1 (a community of two grey nodes cannot fill five neighbours, however it is placed).
 * 1 means every region is a separate patch; a layout that ignores communities scores about the
 * chance that a random neighbour shares one's community (0.1 or less on the bundled graph).
 * The same mean over every node of the view is reported beside it (`regionShareOfAll`).
 *
 * The neighbourhood measure: the share of a node's k nearest nodes on the map that are within
 * two hops of it in the view's graph (a neighbour, or a neighbour's neighbour), over the nodes
 * that have an edge. A layout that separated regions by scattering nodes at random within them
 * would keep the first figure and lose this one.
 */
import type { InsightGraph } from "../graph/build";
import { countOverlaps } from "../graph/overlap";
import type { ViewName } from "../graph/types";
import { nearestNeighbours } from "./neighbours";
import { adjacency, viewGraph, type ViewGraph } from "./view";

export interface QualityOptions {
  /** Nearest neighbours looked at per node (default 5). */
  neighbours: number;
}

export const DEFAULT_QUALITY_OPTIONS: QualityOptions = { neighbours: 5 };

export interface RegionShare {
  /** Mean k-NN community share over the nodes of communities of more than k nodes (0–1; NaN when there are none). */
  share: number;
  /** Nodes that mean is over. */
  measured: number;
  /** The same mean over every node (0–1; NaN for no nodes). */
  shareOfAll: number;
}

/** The k-NN community share of points `x`, `y` whose communities are `community` (see the module's comment). */
export function regionShare(
  x: Float64Array,
  y: Float64Array,
  community: Int32Array,
  options: Partial<QualityOptions> = {},
): RegionShare {
  const { neighbours: k } = { ...DEFAULT_QUALITY_OPTIONS, ...options };
  const count = x.length;
  if (community.length !== count) throw new RangeError("x, y and community must have the same length");
  const members = new Map<number, number>();
  for (const c of community) members.set(c, (members.get(c) ?? 0) + 1);
  const nearest = nearestNeighbours(x, y, k);
  let sum = 0;
  let sumOfAll = 0;
  let measured = 0;
  for (let i = 0; i < count; i++) {
    let same = 0;
    for (let j = 0; j < k; j++) {
      const other = nearest[i * k + j]!;
      if (other >= 0 && community[other] === community[i]) same++;
    }
    sumOfAll += same / k;
    if (members.get(community[i]!)! > k) {
      sum += same / k;
      measured++;
    }
  }
  return { share: measured > 0 ? sum / measured : NaN, measured, shareOfAll: count > 0 ? sumOfAll / count : NaN };
}

/**
 * The share of each node's k nearest points that are within two hops of it in the graph given
 * by `view`'s edges, averaged over the nodes with at least one edge (NaN when none has).
 */
export function neighbourhoodShare(
  x: Float64Array,
  y: Float64Array,
  view: Pick<ViewGraph, "nodes" | "source" | "target" | "weight">,
  options: Partial<QualityOptions> = {},
): number {
  const { neighbours: k } = { ...DEFAULT_QUALITY_OPTIONS, ...options };
  const count = x.length;
  const { start, neighbours } = adjacency(view);
  const nearest = nearestNeighbours(x, y, k);
  // mark[j] === i + 1 while node i's neighbours are being looked at: j is one of them.
  const mark = new Int32Array(count);
  let sum = 0;
  let measured = 0;
  for (let i = 0; i < count; i++) {
    if (start[i] === start[i + 1]) continue;
    for (let p = start[i]!; p < start[i + 1]!; p++) mark[neighbours[p]!] = i + 1;
    let near = 0;
    for (let j = 0; j < k; j++) {
      const other = nearest[i * k + j]!;
      if (other < 0) continue;
      if (mark[other] === i + 1) {
        near++;
        continue;
      }
      for (let p = start[other]!; p < start[other + 1]!; p++) {
        if (mark[neighbours[p]!] === i + 1) {
          near++;
          break;
        }
      }
    }
    sum += near / k;
    measured++;
  }
  return measured > 0 ? sum / measured : NaN;
}

export interface ViewQuality {
  view: ViewName;
  nodes: number;
  edges: number;
  /** The k-NN community share (see `regionShare`); target ≥ 0.7. */
  regionShare: number;
  /** Nodes `regionShare` is over: those of communities of more than k nodes in the view. */
  measured: number;
  regionShareOfAll: number;
  /** Share of map neighbours within two hops in the graph (see `neighbourhoodShare`). */
  neighbourhood: number;
  /** Pairs of nodes whose discs (radius: the node's size) overlap; target 0. */
  overlaps: number;
}

/**
 * The quality of `view`'s layout in `graph`: positions are the nodes' `x`, `y` for the map and
 * their `positions[view]` for the other views; a node the view shows without a place there is an error.
 */
export function layoutQuality(graph: InsightGraph, view: ViewName, options: Partial<QualityOptions> = {}): ViewQuality {
  const shown = viewGraph(graph, view);
  const count = shown.nodes.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  shown.nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    const place = view === "map" ? [attributes.x, attributes.y] : attributes.positions?.[view];
    if (place === undefined || !Number.isFinite(place[0]) || !Number.isFinite(place[1])) {
      throw new RangeError(`node ${node} has no place in the ${view} view`);
    }
    x[i] = place[0]!;
    y[i] = place[1]!;
  });
  const regions = regionShare(x, y, shown.community, options);
  return {
    view,
    nodes: count,
    edges: shown.source.length,
    regionShare: regions.share,
    measured: regions.measured,
    regionShareOfAll: regions.shareOfAll,
    neighbourhood: neighbourhoodShare(x, y, shown, options),
    overlaps: countOverlaps(x, y, shown.size),
  };
}
