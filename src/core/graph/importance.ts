/**
 * Label priority: which labels the map shows first. A concept matters by how many articles name
 * it and by how much it bridges (betweenness centrality on the mention graph: a concept on many
 * shortest paths ties otherwise separate groups of articles together); an article by how many
 * concepts it names and by how many related articles it has.
 *
 * The measures live on very different scales (a count of articles, a fraction of shortest
 * paths), so each becomes a percentile rank within its kind of node (ties share their mid rank),
 * and a node's importance is the mean of its two ranks: 0–1, rounded to 3 decimals. Ranks of
 * articles and of concepts are each spread over 0–1, so the most important article and the most
 * important concept stand level.
 *
 * Betweenness (Brandes: a breadth-first search from every node, O(nm)) is computed only when the
 * nodes times the mention edges stay within `maxBetweennessWork` (10⁷ by default: 0.3–0.4 s of
 * CPU, measured on 1,500 nodes and 7,000 mentions with `./betweenness`, graphology-metrics'
 * numbers without its garbage; the bundled list, 1,063 nodes and 1,307 mentions, is a seventh of that). Above it, a concept's bridging is the number of distinct communities its articles belong to
 * (when the graph has communities; else its article count again), a linear stand-in that
 * rewards the same thing: joining regions.
 *
 * graphology standard-library style: `importance(graph, options)` returns each node's value;
 * `importance.assign(graph, options)` writes the `importance` node attribute.
 */
import Graph from "graphology";
import { betweenness } from "./betweenness";
import type { InsightGraph } from "./build";
import { isMentionEdge, isRelatedEdge } from "./types";

export interface ImportanceOptions {
  /** Most nodes × mention edges on which betweenness is computed (default 10⁷; see above). */
  maxBetweennessWork: number;
}

export const DEFAULT_IMPORTANCE_OPTIONS: ImportanceOptions = { maxBetweennessWork: 1e7 };

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Each node's importance, 0–1. */
export function importance(graph: InsightGraph, options: Partial<ImportanceOptions> = {}): Record<string, number> {
  const { maxBetweennessWork } = { ...DEFAULT_IMPORTANCE_OPTIONS, ...options };
  const mentionsOut = new Map<string, number>();
  const mentionsIn = new Map<string, number>();
  const relatedDegree = new Map<string, number>();
  const bump = (counts: Map<string, number>, node: string) => counts.set(node, (counts.get(node) ?? 0) + 1);
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (isMentionEdge(attributes)) {
      bump(mentionsOut, source);
      bump(mentionsIn, target);
    } else if (isRelatedEdge(attributes)) {
      bump(relatedDegree, source);
      bump(relatedDegree, target);
    }
  });
  let mentions = 0;
  for (const count of mentionsOut.values()) mentions += count;
  const bridging = graph.order * mentions <= maxBetweennessWork ? mentionBetweenness(graph) : communitySpread(graph);

  const articles: string[] = [];
  const concepts: string[] = [];
  graph.forEachNode((node, attributes) => (attributes.kind === "article" ? articles : concepts).push(node));
  const result: Record<string, number> = {};
  const combine = (nodes: string[], first: (node: string) => number, second: (node: string) => number) => {
    const a = percentileRanks(nodes.map(first));
    const b = percentileRanks(nodes.map(second));
    nodes.forEach((node, i) => (result[node] = round3((a[i]! + b[i]!) / 2)));
  };
  combine(articles, (node) => mentionsOut.get(node) ?? 0, (node) => relatedDegree.get(node) ?? 0);
  combine(concepts, (node) => mentionsIn.get(node) ?? 0, (node) => bridging(node) ?? mentionsIn.get(node) ?? 0);
  return result;
}

/** Writes each node's `importance`; returns the values too. */
importance.assign = function assign(graph: InsightGraph, options: Partial<ImportanceOptions> = {}): Record<string, number> {
  const values = importance(graph, options);
  graph.forEachNode((node) => graph.setNodeAttribute(node, "importance", values[node]!));
  return values;
};

/**
 * Each value's percentile rank among `values`, 0–1: the share of the others it exceeds, ties
 * counting half (so equal values get equal ranks). A lone value ranks 1.
 */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [1];
  const order = values.map((value, i) => ({ value, i })).sort((x, y) => x.value - y.value);
  const ranks = new Array<number>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && order[end + 1]!.value === order[start]!.value) end++;
    const mid = (start + end) / 2 / (n - 1);
    for (let i = start; i <= end; i++) ranks[order[i]!.i] = mid;
    start = end + 1;
  }
  return ranks;
}

/** Betweenness on the undirected mention graph (mentions only: what articles wrote). */
function mentionBetweenness(graph: InsightGraph): (node: string) => number | undefined {
  const mentions = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  graph.forEachNode((node) => mentions.addNode(node));
  graph.forEachEdge((edge, attributes, source, target) => {
    if (isMentionEdge(attributes)) mentions.addEdgeWithKey(edge, source, target);
  });
  const values = betweenness(mentions);
  return (node) => values[node];
}

/** The number of distinct communities among the articles naming each concept; none without communities. */
function communitySpread(graph: InsightGraph): (node: string) => number | undefined {
  if (graph.getAttribute("communities") === undefined) return () => undefined;
  const spread = new Map<string, Set<number>>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!isMentionEdge(attributes)) return;
    const community = graph.getNodeAttribute(source, "community");
    if (community === undefined) return;
    let set = spread.get(target);
    if (!set) spread.set(target, (set = new Set()));
    set.add(community);
  });
  return (node) => spread.get(node)?.size ?? 0;
}
