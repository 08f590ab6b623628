/**
 * The map's regions: the communities the build found (graph attribute `communities`, node
 * attribute `community`; see the graph contract), read for the legend and for colouring by
 * region. A graph built before communities has none, and then colours stay by type.
 */
import type { CommunitySummary, NodeAttributes } from "../../core/graph/types";
import type { AppGraph } from "./graph";

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
