import fc from "fast-check";
import Graph from "graphology";
import graphologyBetweenness from "graphology-metrics/centrality/betweenness";
import { describe, expect, it } from "vitest";
import { betweenness } from "../../../src/core/graph/betweenness";

/** An undirected graph of `order` nodes, keyed as graph.json keys them, with these edges. */
function graphOf(order: number, edges: ReadonlyArray<readonly [number, number]>): Graph {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  // Integer-like keys too: graphology lists them first among a node's neighbours.
  for (let i = 0; i < order; i++) graph.addNode(i % 3 === 0 ? String(order - i) : `node:${i}`);
  const keys = graph.nodes();
  for (const [a, b] of edges) if (a !== b) graph.mergeEdge(keys[a]!, keys[b]!);
  return graph;
}

const reference = (graph: Graph) => graphologyBetweenness(graph, { getEdgeWeight: null, normalized: true });

describe("betweenness", () => {
  it("is the share of the ordered pairs of other nodes whose shortest paths run through a node", () => {
    // A path a–b–c–d: b lies between a and c and between a and d, either way: 4 of the 6 ordered pairs of a, c, d.
    const path = graphOf(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const values = Object.values(betweenness(path));
    expect(values.sort()).toEqual([0, 0, 4 / 6, 4 / 6]);
    // A star: the centre lies on every path between two leaves.
    const star = graphOf(5, [0, 1, 2, 3].map((leaf) => [4, leaf] as const));
    expect(betweenness(star)[star.nodes()[4]!]).toBe(1);
  });

  it("gives graphology-metrics' numbers bit for bit, on any graph (disconnected, tied, with many equal paths)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((order) =>
          fc.tuple(
            fc.constant(order),
            fc.array(fc.tuple(fc.nat(order - 1), fc.nat(order - 1)), { maxLength: order * 3 }),
          ),
        ),
        ([order, edges]) => {
          const graph = graphOf(order, edges);
          const ours = betweenness(graph);
          const theirs = reference(graph);
          expect(Object.keys(ours)).toEqual(Object.keys(theirs));
          for (const node of graph.nodes()) expect(Object.is(ours[node], theirs[node])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same numbers on a grid, where path counts and sums grow large", () => {
    const side = 12;
    const edges: Array<[number, number]> = [];
    for (let r = 0; r < side; r++)
      for (let c = 0; c < side; c++) {
        if (c + 1 < side) edges.push([r * side + c, r * side + c + 1]);
        if (r + 1 < side) edges.push([r * side + c, (r + 1) * side + c]);
      }
    const grid = graphOf(side * side, edges);
    const ours = betweenness(grid);
    const theirs = reference(grid);
    for (const node of grid.nodes()) expect(Object.is(ours[node], theirs[node])).toBe(true);
  });
});
