/**
 * "How is X connected to Y?": the shortest chain of articles and concepts between two nodes,
 * with the evidence for every hop. Mentions are directed (article → concept) in the file, but
 * a connection reads both ways, so the search runs on an undirected copy of the structure.
 * Only mentions make hops: every hop is then words an article wrote, quoted under it; a
 * broader relation comes from the lexicon or a name, not from the reading list.
 */
import Graph, { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import type { NodeAttributes } from "../../core/graph/types";
import { isArticle, isMentionEdge, type AppGraph } from "./graph";
import { quotableEvidence } from "./articles";
import { quoteEvidence, type Quote } from "./quote";

export interface PathStep {
  id: string;
  label: string;
  kind: NodeAttributes["kind"];
  /** How this step is linked to the previous one (absent on the first step). */
  via?: { edge: string; quote: Quote };
}

export interface FoundPath {
  steps: PathStep[];
  /** Keys of the edges along the path, in order. */
  edges: string[];
}

const undirectedCopies = new WeakMap<AppGraph, Graph>();

function undirected(graph: AppGraph): Graph {
  let copy = undirectedCopies.get(graph);
  if (!copy) {
    copy = new UndirectedGraph();
    graph.forEachNode((node) => copy!.addNode(node));
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (isMentionEdge(attributes) && !copy!.hasEdge(source, target)) copy!.addEdge(source, target);
    });
    undirectedCopies.set(graph, copy);
  }
  return copy;
}

/** The shortest path from `from` to `to`, or null when they are not connected (or unknown). */
export function findPath(graph: AppGraph, from: string, to: string): FoundPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const nodes = from === to ? [from] : bidirectional(undirected(graph), from, to);
  if (!nodes) return null;
  const steps: PathStep[] = [];
  const edges: string[] = [];
  nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    const step: PathStep = { id: node, label: attributes.label, kind: attributes.kind };
    const previous = nodes[i - 1];
    if (previous !== undefined) {
      const edge = graph.edge(previous, node) ?? graph.edge(node, previous);
      if (edge === undefined) throw new Error(`no edge between ${previous} and ${node}`);
      const edgeAttributes = graph.getEdgeAttributes(edge);
      const articleAttrs = graph.getNodeAttributes(graph.source(edge));
      const evidence = isMentionEdge(edgeAttributes) ? quotableEvidence(edgeAttributes.evidence) : undefined;
      if (isArticle(articleAttrs) && evidence) {
        step.via = { edge, quote: quoteEvidence(articleAttrs, evidence) };
      }
      edges.push(edge);
    }
    steps.push(step);
  });
  return { steps, edges };
}
