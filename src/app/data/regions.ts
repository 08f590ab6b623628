/**
 * The map's regions: the communities the build found (graph attribute `communities`, node
 * attribute `community`; see the graph contract), read for the legend and for colouring by
 * region. A graph built before communities has none, and then colours stay by type.
 */
import type { CommunitySummary, NodeAttributes } from "../../core/graph/types";
import type { AppGraph } from "./graph";
import { viewPosition, type ViewName } from "./views";

/** What the map is coloured by: concept type (the build's colours) or region. */
export type ColorBy = "type" | "region";

export function regionsOf(graph: AppGraph): readonly CommunitySummary[] {
  return graph.getAttribute("communities") ?? [];
}

/** A node's colour under `colorBy`: its region's, or the colour the build gave it. */
export function nodeColour(regions: readonly CommunitySummary[], colorBy: ColorBy, attributes: Partial<NodeAttributes>): string {
  const fallback = attributes.color ?? "#5f6b7a";
  if (colorBy === "type" || attributes.community === undefined) return fallback;
  return regions[attributes.community]?.color ?? fallback;
}

/** The regions a legend names: the largest, each of at least `minSize` nodes, at most `limit`. */
export function namedRegions(regions: readonly CommunitySummary[], limit = 12, minSize = 3): { shown: CommunitySummary[]; others: number } {
  const large = regions.filter((r) => r.size >= minSize);
  const shown = large.slice(0, limit);
  return { shown, others: regions.length - shown.length };
}

/** Where a region's name goes in a view: the mean position of its nodes there, in graph coordinates. */
export interface RegionCentre {
  id: number;
  name: string;
  color: string;
  size: number;
  x: number;
  y: number;
}

/**
 * The centres of the named regions (see `namedRegions`) in `view`, largest first: each the mean
 * of its nodes' places in that view (see data/views), so a name stands among the nodes it names
 * whichever view is drawn. A region the view shows none of has no centre there.
 */
export function regionCentres(graph: AppGraph, view: ViewName = "map", limit = 12, minSize = 3): RegionCentre[] {
  const { shown } = namedRegions(regionsOf(graph), limit, minSize);
  const sums = new Map(shown.map((r) => [r.id, { x: 0, y: 0, n: 0 }]));
  graph.forEachNode((_node, attributes) => {
    const sum = attributes.community === undefined ? undefined : sums.get(attributes.community);
    const at = sum && viewPosition(attributes, view);
    if (!sum || !at) return;
    sum.x += at[0];
    sum.y += at[1];
    sum.n += 1;
  });
  return shown.flatMap((r) => {
    const sum = sums.get(r.id)!;
    return sum.n === 0 ? [] : [{ id: r.id, name: r.name, color: r.color, size: r.size, x: sum.x / sum.n, y: sum.y / sum.n }];
  });
}
