/**
 * What the map emphasises for a given state: the nodes and edges to light, and the few whose
 * labels must show. Pure; the renderer turns it into sigma node and edge states.
 */
import type { AppGraph } from "./graph";
import { articlesMatching, type MatchMode } from "./articles";
import { isBroaderEdge, mentioningArticles } from "./graph";
import { includedNarrower } from "./hierarchy";
import type { FoundPath } from "./path";

export type Selection =
  | { kind: "none" }
  | {
      kind: "concepts";
      ids: string[];
      match: MatchMode;
      /**
       * `false` when the person turned "Include narrower concepts" off; absent means the
       * default, on for a single concept that has narrower ones (see data/hierarchy).
       */
      narrower?: boolean;
    }
  | { kind: "article"; id: string }
  /** A region (community) of the graph, by its number in this graph's `communities`. */
  | { kind: "region"; community: number };

export interface Emphasis {
  /** Nodes drawn in colour while the rest fades; empty means nothing is emphasised. */
  nodes: Set<string>;
  edges: Set<string>;
  /** Nodes whose labels always show (the chosen ones). */
  focus: Set<string>;
}

export const NO_EMPHASIS: Emphasis = { nodes: new Set(), edges: new Set(), focus: new Set() };

/**
 * The selection shows when there is one; otherwise a found path does. A path is asked for by
 * letting go of the selection (see `showPath`), and a node chosen from it shows over it.
 */
export function emphasis(graph: AppGraph, selection: Selection, path: FoundPath | null): Emphasis {
  if (path && selection.kind === "none") {
    const nodes = new Set(path.steps.map((s) => s.id));
    return { nodes, edges: new Set(path.edges), focus: nodes };
  }
  switch (selection.kind) {
    case "none":
      return NO_EMPHASIS;
    case "concepts": {
      const nodes = new Set(selection.ids);
      const edges = new Set<string>();
      for (const match of articlesMatching(graph, selection.ids, selection.match)) {
        nodes.add(match.id);
        for (const concept of match.matched) {
          const edge = graph.edge(match.id, concept);
          if (edge !== undefined) edges.add(edge);
        }
      }
      // The concepts below the chosen one, when their articles are included: each with its
      // articles, and the broader edges that join it to the chosen one.
      const narrower = includedNarrower(graph, selection);
      for (const concept of narrower) {
        nodes.add(concept);
        for (const article of mentioningArticles(graph, concept)) {
          nodes.add(article);
          edges.add(graph.edge(article, concept)!);
        }
      }
      for (const concept of narrower) {
        graph.forEachOutEdge(concept, (edge, attributes, _source, target) => {
          if (isBroaderEdge(attributes) && nodes.has(target)) edges.add(edge);
        });
      }
      return { nodes, edges, focus: new Set(selection.ids) };
    }
    case "article": {
      const nodes = new Set([selection.id]);
      const edges = new Set<string>();
      graph.forEachOutEdge(selection.id, (edge, _attributes, _source, target) => {
        nodes.add(target);
        edges.add(edge);
      });
      return { nodes, edges, focus: new Set([selection.id]) };
    }
    case "region":
      return regionEmphasis(graph, selection.community);
  }
}

/**
 * A region lights its nodes and the edges between them; the concepts that name it (the first
 * of its characteristic concepts) keep their labels. A number the graph does not have lights nothing.
 */
function regionEmphasis(graph: AppGraph, community: number): Emphasis {
  const nodes = new Set(graph.filterNodes((_node, attributes) => attributes.community === community));
  if (nodes.size === 0) return NO_EMPHASIS;
  const edges = new Set<string>();
  for (const node of nodes) {
    graph.forEachOutEdge(node, (edge, _attributes, _source, target) => {
      if (nodes.has(target)) edges.add(edge);
    });
  }
  const naming = graph.getAttribute("communities")?.[community]?.concepts ?? [];
  const focus = new Set(naming.filter((key) => nodes.has(key)).slice(0, 3));
  return { nodes, edges, focus };
}
