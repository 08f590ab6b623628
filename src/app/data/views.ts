/**
 * The three views of one graph (see the graph contract): the map of articles and concepts, the
 * concepts joined by co-occurrence, the articles joined by related edges. Which views a graph
 * offers, where a node stands in each, which edges each draws, and what a view lights. Pure;
 * the renderer reads positions through styles, the panels ask which views exist.
 */
import { VIEW_EDGES, VIEW_NAMES, type EdgeKind, type NodeAttributes, type ViewName } from "../../core/graph/types";
import type { AppGraph } from "./graph";
import type { FoundPath } from "./path";
import { emphasis, type Emphasis, type Selection } from "./scene";

export { VIEW_NAMES, type ViewName } from "../../core/graph/types";

/** How the view switch names each view. */
export const VIEW_LABELS: Readonly<Record<ViewName, string>> = { map: "Map", concepts: "Concepts", articles: "Articles" };

export function isViewName(value: unknown): value is ViewName {
  return typeof value === "string" && (VIEW_NAMES as readonly string[]).includes(value);
}

/** Where a node stands in `view`, or undefined when the view does not show it. */
export function viewPosition(attributes: Pick<NodeAttributes, "x" | "y" | "positions">, view: ViewName): readonly [number, number] | undefined {
  return view === "map" ? [attributes.x, attributes.y] : attributes.positions?.[view];
}

export function isInView(attributes: Pick<NodeAttributes, "x" | "y" | "positions">, view: ViewName): boolean {
  return view === "map" || attributes.positions?.[view] !== undefined;
}

export function isViewEdge(kind: EdgeKind, view: ViewName): boolean {
  return VIEW_EDGES[view].includes(kind);
}

/**
 * The views `graph` can show, in the switch's order: the map always; another view when the build
 * placed at least one node in it (files built before views place none, and offer only the map).
 */
export function availableViews(graph: AppGraph): ViewName[] {
  const placed = new Set<ViewName>(["map"]);
  graph.forEachNode((_node, attributes) => {
    for (const view of VIEW_NAMES) if (!placed.has(view) && isInView(attributes, view)) placed.add(view);
  });
  return VIEW_NAMES.filter((view) => placed.has(view));
}

/** The nodes `view` shows: every node on the map, the placed ones elsewhere. */
export function viewNodes(graph: AppGraph, view: ViewName): Set<string> {
  return new Set(graph.filterNodes((_node, attributes) => isInView(attributes, view)));
}

/** How a view's layout sits in its coordinates: where its middle is, and how large it is against the map. */
export interface ViewFrame {
  /** The middle of its extent. A node the view does not show is parked there, hidden: sigma
   * frames the extent of every node, so a node parked anywhere else would take space. */
  centre: [number, number];
  /**
   * Its extent's larger side over the map's. Sigma sizes nodes in graph units (its
   * `itemSizesReference: "positions"`), and the build sizes them for the map: a view laid out
   * twice as wide multiplies sizes by 2 so that nodes look the same size in every view.
   */
  scale: number;
}

/** Each view's frame (see `ViewFrame`); a view with no node placed gets the map's. */
export function viewFrames(graph: AppGraph): Record<ViewName, ViewFrame> {
  const bounds = Object.fromEntries(VIEW_NAMES.map((view) => [view, [Infinity, Infinity, -Infinity, -Infinity]])) as Record<ViewName, number[]>;
  graph.forEachNode((_node, attributes) => {
    for (const view of VIEW_NAMES) {
      const at = viewPosition(attributes, view);
      if (!at) continue;
      const box = bounds[view];
      box[0] = Math.min(box[0]!, at[0]);
      box[1] = Math.min(box[1]!, at[1]);
      box[2] = Math.max(box[2]!, at[0]);
      box[3] = Math.max(box[3]!, at[1]);
    }
  });
  const span = (view: ViewName) => {
    const [x0, y0, x1, y1] = bounds[view] as [number, number, number, number];
    return Number.isFinite(x0) ? Math.max(x1 - x0, y1 - y0) : 0;
  };
  const mapSpan = span("map");
  return Object.fromEntries(
    VIEW_NAMES.map((view) => {
      const [x0, y0, x1, y1] = bounds[view] as [number, number, number, number];
      if (!Number.isFinite(x0)) return [view, { centre: [0, 0], scale: 1 }];
      return [view, { centre: [(x0 + x1) / 2, (y0 + y1) / 2], scale: mapSpan > 0 && span(view) > 0 ? span(view) / mapSpan : 1 }];
    }),
  ) as Record<ViewName, ViewFrame>;
}

/** A node and its neighbours through the edges `view` draws, with those edges: what hovering lights. */
export function viewNeighbourhood(graph: AppGraph, view: ViewName, node: string): Emphasis {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (edge, attributes, source, target) => {
    if (!isViewEdge(attributes.kind, view)) return;
    nodes.add(source === node ? target : source);
    edges.add(edge);
  });
  return { nodes, edges, focus: new Set([node]) };
}

/**
 * What a selection, or else a found path, lights in `view`: on the map, the scene's emphasis as
 * it is (see data/scene). Another view keeps the nodes of it that it shows, adds the neighbours
 * of the chosen nodes through its own edges (an article's related articles, a concept's
 * co-occurring concepts; a path or a region adds none), and lights its edges between lit
 * nodes. A concept chosen in the articles view thus lights its articles and how they relate, an
 * article chosen there the articles related to it.
 */
export function viewEmphasis(graph: AppGraph, view: ViewName, selection: Selection, path: FoundPath | null): Emphasis {
  const lit = emphasis(graph, selection, path);
  if (view === "map" || lit.nodes.size === 0) return lit;
  const shows = (node: string) => isInView(graph.getNodeAttributes(node), view);
  const nodes = new Set([...lit.nodes].filter(shows));
  // A path is its steps and a region its nodes: only chosen nodes bring their neighbours.
  for (const chosen of selection.kind === "none" || selection.kind === "region" ? [] : lit.focus) {
    if (!shows(chosen)) continue;
    graph.forEachEdge(chosen, (_edge, attributes, source, target) => {
      if (isViewEdge(attributes.kind, view)) nodes.add(source === chosen ? target : source);
    });
  }
  const edges = new Set<string>();
  for (const node of nodes) {
    graph.forEachEdge(node, (edge, attributes, source, target) => {
      if (isViewEdge(attributes.kind, view) && nodes.has(source) && nodes.has(target)) edges.add(edge);
    });
  }
  return { nodes, edges, focus: new Set([...lit.focus].filter((node) => nodes.has(node))) };
}
