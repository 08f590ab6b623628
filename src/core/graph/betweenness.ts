/**
 * Betweenness centrality of an unweighted undirected graph (Brandes 2001: a breadth-first search
 * from every node, then each node's dependencies summed back up the search), normalised by
 * (n − 1)(n − 2) as graphology-metrics normalises it.
 *
 * It gives the very numbers of graphology-metrics' `betweenness(graph, { getEdgeWeight: null })`,
 * bit for bit: nodes are numbered and neighbours listed as its index lists them (`graph.nodes()`,
 * `graph.outboundNeighbors(node)`), the searches run in that order, predecessors are listed in
 * the order the search finds them, path counts wrap at 2³² as its `Uint32Array` does, and so every
 * floating-point sum takes its terms in the same order. What differs is memory: graphology
 * allocates a fresh predecessor list for every node at every source (n² arrays: 1.1 million on
 * the bundled list, most of its cost and of the garbage the build makes there); here the
 * predecessors of a node sit in its neighbours' slots of one typed array, reused by every search.
 */
import type Graph from "graphology";

/** Each node's normalised betweenness; every node of `graph` has one. */
export function betweenness(graph: Graph): Record<string, number> {
  const nodes = graph.nodes();
  const order = nodes.length;
  const ids = new Map(nodes.map((node, i) => [node, i]));
  // Compressed adjacency: the neighbours of node i are adjacency[starts[i] .. starts[i + 1]).
  const starts = new Uint32Array(order + 1);
  const neighbours: number[] = [];
  nodes.forEach((node, i) => {
    starts[i] = neighbours.length;
    for (const neighbour of graph.outboundNeighbors(node)) neighbours.push(ids.get(neighbour)!);
  });
  starts[order] = neighbours.length;
  const adjacency = Uint32Array.from(neighbours);

  const distance = new Int32Array(order).fill(-1);
  const paths = new Uint32Array(order);
  const dependency = new Float64Array(order);
  const centrality = new Float64Array(order);
  // A node's predecessors on shortest paths from the source are among its neighbours, so they
  // are listed in the same slots as the neighbours: predecessors[starts[w] ..] for node w.
  const predecessors = new Uint32Array(adjacency.length);
  const predecessorCount = new Uint32Array(order);
  // The search's queue: the nodes in the order they are reached, which read backwards is the
  // order in which dependencies are summed.
  const reached = new Uint32Array(order);

  for (let source = 0; source < order; source++) {
    let head = 0;
    let tail = 0;
    reached[tail++] = source;
    distance[source] = 0;
    paths[source] = 1;
    while (head < tail) {
      const v = reached[head++]!;
      const next = distance[v]! + 1;
      for (let j = starts[v]!; j < starts[v + 1]!; j++) {
        const w = adjacency[j]!;
        if (distance[w] === -1) {
          reached[tail++] = w;
          distance[w] = next;
        }
        if (distance[w] === next) {
          paths[w]! += paths[v]!;
          predecessors[starts[w]! + predecessorCount[w]!++] = v;
        }
      }
    }
    for (let k = tail - 1; k >= 0; k--) {
      const w = reached[k]!;
      const coefficient = (1 + dependency[w]!) / paths[w]!;
      for (let j = starts[w]!, end = j + predecessorCount[w]!; j < end; j++) {
        const v = predecessors[j]!;
        dependency[v]! += paths[v]! * coefficient;
      }
      if (w !== source) centrality[w]! += dependency[w]!;
    }
    // Only the nodes this search reached were touched.
    for (let k = 0; k < tail; k++) {
      const v = reached[k]!;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
      predecessorCount[v] = 0;
    }
  }

  // With two nodes or fewer no node lies between others, and graphology leaves the sums unscaled.
  if (order > 2) {
    const scale = 1 / ((order - 1) * (order - 2));
    for (let i = 0; i < order; i++) centrality[i]! *= scale;
  }
  const values: Record<string, number> = {};
  nodes.forEach((node, i) => (values[node] = centrality[i]!));
  return values;
}
