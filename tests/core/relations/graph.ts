/**
 * Graphs of mentions written as data, for the relation tests: each article with the concepts it
 * names. Keys are `article:<name>` and `entity:<name>`; nodes are added in the order given, so a
 * test can build the same graph in another order.
 */
import Graph from "graphology";
import type { InsightGraph } from "../../../src/core/graph/build";
import { broaderKey, mentionKey } from "../../../src/core/graph/types";

export type Mentions = Record<string, readonly string[]>;

export function mentionGraph(articles: Mentions, options: { reverse?: boolean; broader?: [string, string][] } = {}): InsightGraph {
  const graph: InsightGraph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ name: "test", inputs: ["test"], sections: [] });
  const names = Object.keys(articles);
  if (options.reverse) names.reverse();
  const position = { x: 0, y: 0, size: 1, color: "#000" };
  for (const name of names) {
    graph.addNode(`article:${name}`, {
      kind: "article",
      label: name,
      description: "",
      section: "",
      subsection: "",
      insights: [],
      note: "",
      source: "",
      inputs: ["test"],
      entryKind: "bookmark",
      ...position,
    });
  }
  for (const name of names) {
    const concepts = [...articles[name]!];
    if (options.reverse) concepts.reverse();
    for (const concept of concepts) {
      const key = `entity:${concept}`;
      if (!graph.hasNode(key)) {
        graph.addNode(key, { kind: "entity", type: "technique", label: concept, aliases: [], articleCount: 0, ...position });
      }
      graph.addDirectedEdgeWithKey(mentionKey(`article:${name}`, key), `article:${name}`, key, { kind: "mentions", weight: 1, evidence: [] });
    }
  }
  for (const [narrower, broader] of options.broader ?? []) {
    for (const concept of [narrower, broader]) {
      if (!graph.hasNode(`entity:${concept}`)) {
        graph.addNode(`entity:${concept}`, { kind: "entity", type: "technique", label: concept, aliases: [], articleCount: 0, ...position });
      }
    }
    const [source, target] = [`entity:${narrower}`, `entity:${broader}`];
    graph.addDirectedEdgeWithKey(broaderKey(source, target), source, target, { kind: "broader", weight: 1, origin: "lexicon" });
  }
  return graph;
}

/** `count` articles named `<prefix>0`, `<prefix>1`, … each naming `concepts`. */
export function many(prefix: string, count: number, concepts: readonly string[]): Mentions {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, concepts]));
}
