/**
 * The part of a graph a person is looking at, as a graph of its own, for exporting "the current
 * view". It keeps the given nodes, in the graph's order, and every edge between two of them (of
 * any kind, each with its key, direction and attributes), so the exports of a subgraph read like
 * those of a whole graph. Graph attributes are kept but `tours`: a tour names nodes the subgraph
 * may have left out. The communities' summaries stay those of the whole graph (a node's
 * `community` still names its region). Attributes are copied one level deep; nested values (a
 * mention's evidence) are shared with the graph, which an export only reads.
 */
import type Graph from "graphology";
import type { Attributes } from "graphology-types";

export function subgraph<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: Graph<N, E, G>,
  keep: ReadonlySet<string>,
): Graph<N, E, G> {
  const part = graph.nullCopy();
  const { tours: _tours, ...attributes } = graph.getAttributes();
  part.replaceAttributes(attributes as G);
  graph.forEachNode((node, nodeAttributes) => {
    if (keep.has(node)) part.addNode(node, { ...nodeAttributes });
  });
  graph.forEachEdge((edge, edgeAttributes, source, target, _s, _t, undirected) => {
    if (!keep.has(source) || !keep.has(target)) return;
    if (undirected) part.addUndirectedEdgeWithKey(edge, source, target, { ...edgeAttributes });
    else part.addDirectedEdgeWithKey(edge, source, target, { ...edgeAttributes });
  });
  return part;
}
