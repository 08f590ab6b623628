/** Views with a planted community structure, for the layout's tests. */
import { seededRandom } from "../../../src/core/random";
import type { ViewGraph } from "../../../src/core/layout/view";

/**
 * `communities` communities of `size` nodes each: a pair inside one community is linked with
 * probability `inside`, a pair across two with probability `across`. Node i is in community
 * floor(i / size); sizes alternate 3 and 6 (a concept's and an article's, roughly).
 */
export function plantedView(communities: number, size: number, inside = 0.3, across = 0.005, seed = 11): ViewGraph {
  const random = seededRandom(seed);
  const count = communities * size;
  const source: number[] = [];
  const target: number[] = [];
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const same = Math.floor(a / size) === Math.floor(b / size);
      if (random() < (same ? inside : across)) {
        source.push(a);
        target.push(b);
      }
    }
  }
  return {
    view: "map",
    nodes: Array.from({ length: count }, (_, i) => `n${i}`),
    community: Int32Array.from({ length: count }, (_, i) => Math.floor(i / size)),
    size: Float64Array.from({ length: count }, (_, i) => (i % 2 ? 3 : 6)),
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: new Float64Array(source.length).fill(1),
  };
}

/** `view` with extra nodes and edges appended (community, size, and the edges to them). */
export function withNodes(view: ViewGraph, added: { community: number; size: number; links: number[] }[]): ViewGraph {
  const first = view.nodes.length;
  const source = [...view.source];
  const target = [...view.target];
  added.forEach((node, i) => {
    for (const other of node.links) {
      source.push(first + i);
      target.push(other);
    }
  });
  return {
    ...view,
    nodes: [...view.nodes, ...added.map((_, i) => `extra${i}`)],
    community: Int32Array.from([...view.community, ...added.map((node) => node.community)]),
    size: Float64Array.from([...view.size, ...added.map((node) => node.size)]),
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: new Float64Array(source.length).fill(1),
  };
}
