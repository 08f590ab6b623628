/**
 * Build-time layouts of the three views, and their measured quality.
 *
 * graphology standard-library style: `viewLayout(graph, options)` returns each shown node's
 * place as plain data and leaves the graph alone; `viewLayout.assign(graph, options)` writes
 * them: the map's into the nodes' `x`, `y`, another view's into `positions[view]`. Both round to
 * two decimals, so that graph.json stays small and rebuilds stay byte-identical.
 */
import type { InsightGraph } from "../graph/build";
import type { ViewName, ViewPositions } from "../graph/types";
import { DEFAULT_REGION_LAYOUT_OPTIONS, regionLayout, type RegionLayoutOptions } from "./regions";
import { viewGraph } from "./view";

export interface ViewLayoutOptions extends RegionLayoutOptions {
  /** The view to lay out (default "map"). */
  view: ViewName;
}

export const DEFAULT_VIEW_LAYOUT_OPTIONS: ViewLayoutOptions = { ...DEFAULT_REGION_LAYOUT_OPTIONS, view: "map" };

/** Every node `view` shows, with its place there, `[x, y]` (rounded to two decimals). */
export function viewLayout(graph: InsightGraph, options: Partial<ViewLayoutOptions> = {}): Record<string, [number, number]> {
  const settings = { ...DEFAULT_VIEW_LAYOUT_OPTIONS, ...options };
  const view = viewGraph(graph, settings.view);
  const { x, y } = regionLayout(view, settings);
  const places: Record<string, [number, number]> = {};
  view.nodes.forEach((node, i) => (places[node] = [round(x[i]!), round(y[i]!)]));
  return places;
}

/**
 * Writes `view`'s places: the map's as `x`, `y`; another view's as `positions[view]`, on exactly
 * the nodes the view shows (a node it does not show loses any place it had there).
 */
viewLayout.assign = function assign(graph: InsightGraph, options: Partial<ViewLayoutOptions> = {}): void {
  const view = options.view ?? DEFAULT_VIEW_LAYOUT_OPTIONS.view;
  const places = viewLayout(graph, options);
  // In place: copying every node's attributes (an article's text and insights included) for each
  // of the three views cost a sixth of the layout. Key order is kept as a copy would have it:
  // `x`, `y` where they were, `positions` last.
  graph.updateEachNodeAttributes((node, attributes) => {
    const place = places[node];
    if (view === "map") {
      if (place) [attributes.x, attributes.y] = place;
      return attributes;
    }
    const positions: ViewPositions = attributes.positions ?? {};
    if (place) positions[view] = place;
    else delete positions[view];
    delete attributes.positions;
    if (Object.keys(positions).length > 0) attributes.positions = positions;
    return attributes;
  });
};

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

export { regionLayout, groupIterations, DEFAULT_REGION_LAYOUT_OPTIONS, type RegionLayoutOptions, type Positions } from "./regions";
export { layoutQuality, regionShare, neighbourhoodShare, DEFAULT_QUALITY_OPTIONS, type QualityOptions, type RegionShare, type ViewQuality } from "./quality";
export { viewGraph, viewShows, adjacency, type ViewGraph, type Adjacency } from "./view";
export { nearestNeighbours } from "./neighbours";
