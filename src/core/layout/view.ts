/**
 * A view of the graph as the layout sees it: the nodes the view shows and the edges it draws
 * between them, as plain arrays indexed by node (graph order), with each node's community and
 * drawn size. Layout and quality measures work on this, not on graphology, so that their inner
 * loops read typed arrays.
 */
import type { InsightGraph } from "../graph/build";
import { VIEW_EDGES, type NodeAttributes, type ViewName } from "../graph/types";

export interface ViewGraph {
  view: ViewName;
  /** Keys of the nodes the view shows, in graph order. */
  nodes: string[];
  /** Each node's community number (`community`), -1 when it has none. */
  community: Int32Array;
  /** Each node's drawn size (radius, in layout units). */
  size: Float64Array;
  /** The view's edges between its nodes, as indices into `nodes`; an edge's ends are unordered. */
  source: Int32Array;
  target: Int32Array;
  /**
   * Each edge's weight: 1 for a mention (each article–concept pair counts once, as for
   * communities: how often an article repeats a name says more about its length than its
   * topic), the `weight` attribute otherwise (a related edge's cosine, a co-occurrence's articles).
   */
  weight: Float64Array;
}

/**
 * Whether `view` shows a node: the map shows every node, the concepts view the concepts, the
 * articles view the articles (a node without an edge of the view too: it still is one of them).
 */
export function viewShows(view: ViewName, attributes: NodeAttributes): boolean {
  if (view === "concepts") return attributes.kind === "entity";
  if (view === "articles") return attributes.kind === "article";
  return true;
}

/** The nodes and edges of `view` in `graph`. */
export function viewGraph(graph: InsightGraph, view: ViewName): ViewGraph {
  const index = new Map<string, number>();
  const nodes: string[] = [];
  const community: number[] = [];
  const size: number[] = [];
  graph.forEachNode((node, attributes) => {
    if (!viewShows(view, attributes)) return;
    index.set(node, nodes.length);
    nodes.push(node);
    community.push(attributes.community ?? -1);
    size.push(attributes.size || 1);
  });
  const kinds = new Set(VIEW_EDGES[view]);
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  graph.forEachEdge((_edge, attributes, from, to) => {
    if (!kinds.has(attributes.kind)) return;
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined || a === b) return;
    source.push(a);
    target.push(b);
    weight.push(attributes.kind !== "mentions" && Number.isFinite(attributes.weight) && attributes.weight > 0 ? attributes.weight : 1);
  });
  return {
    view,
    nodes,
    community: Int32Array.from(community),
    size: Float64Array.from(size),
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: Float64Array.from(weight),
  };
}

/**
 * Each node's neighbours in the view (indices) and the weights of the edges to them, as
 * compressed rows: node i's are at `start[i]` … `start[i + 1] - 1` of `neighbours` and `weights`.
 */
export interface Adjacency {
  start: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
}

export function adjacency(view: Pick<ViewGraph, "nodes" | "source" | "target" | "weight">): Adjacency {
  const count = view.nodes.length;
  const start = new Int32Array(count + 1);
  for (let e = 0; e < view.source.length; e++) {
    start[view.source[e]! + 1]!++;
    start[view.target[e]! + 1]!++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const neighbours = new Int32Array(start[count]!);
  const weights = new Float64Array(start[count]!);
  const filled = start.slice(0, count);
  for (let e = 0; e < view.source.length; e++) {
    const a = view.source[e]!;
    const b = view.target[e]!;
    weights[filled[a]!] = view.weight[e]!;
    neighbours[filled[a]!++] = b;
    weights[filled[b]!] = view.weight[e]!;
    neighbours[filled[b]!++] = a;
  }
  return { start, neighbours, weights };
}
