/**
 * The graph as the app holds it, and how graph.json becomes one. DOM-free: the loader takes
 * the text of the file, so the same checks run in Node tests and in the browser.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type {
  ArticleNodeAttributes,
  EdgeAttributes,
  EntityNodeAttributes,
  GraphAttributes,
  NodeAttributes,
} from "../../core/graph/types";

export type AppGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Why a graph file could not be used, phrased for the person looking at the page. */
export class GraphLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphLoadError";
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses and checks the text of graph.json. Only what the app relies on is checked (every
 * node has a kind and a label, every edge joins two known nodes), so that a broken file is
 * reported in words instead of surfacing as a blank canvas or an exception deep in sigma.
 */
export function parseGraph(text: string): AppGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GraphLoadError("graph.json is not valid JSON (run npm run graph)");
  }
  if (!isObject(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw new GraphLoadError("graph.json is not a graph (expected nodes and edges; run npm run graph)");
  }
  for (const node of data.nodes as unknown[]) {
    const attributes = isObject(node) ? node.attributes : undefined;
    if (!isObject(node) || typeof node.key !== "string" || !isObject(attributes)) {
      throw new GraphLoadError("graph.json has a node without key or attributes");
    }
    if ((attributes.kind !== "article" && attributes.kind !== "entity") || typeof attributes.label !== "string") {
      throw new GraphLoadError(`graph.json node ${node.key} has no kind or label`);
    }
    if (typeof attributes.x !== "number" || typeof attributes.y !== "number") {
      throw new GraphLoadError(`graph.json node ${node.key} has no position`);
    }
  }
  const graph: AppGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  try {
    graph.import(data as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
  } catch (error) {
    throw new GraphLoadError(`graph.json could not be read: ${(error as Error).message}`);
  }
  graph.forEachEdge((edge, attributes) => {
    if (!Array.isArray(attributes.evidence)) {
      throw new GraphLoadError(`graph.json edge ${edge} has no evidence`);
    }
  });
  return graph;
}

export function isArticle(attributes: NodeAttributes): attributes is ArticleNodeAttributes {
  return attributes.kind === "article";
}

export function isEntity(attributes: NodeAttributes): attributes is EntityNodeAttributes {
  return attributes.kind === "entity";
}

export function articleAttributes(graph: AppGraph, id: string): ArticleNodeAttributes {
  const attributes = graph.getNodeAttributes(id);
  if (!isArticle(attributes)) throw new TypeError(`${id} is not an article`);
  return attributes;
}

export function entityAttributes(graph: AppGraph, id: string): EntityNodeAttributes {
  const attributes = graph.getNodeAttributes(id);
  if (!isEntity(attributes)) throw new TypeError(`${id} is not an entity`);
  return attributes;
}

export function hasEntity(graph: AppGraph, id: string): boolean {
  return graph.hasNode(id) && isEntity(graph.getNodeAttributes(id));
}

export function hasArticle(graph: AppGraph, id: string): boolean {
  return graph.hasNode(id) && isArticle(graph.getNodeAttributes(id));
}

/** "Section › Subsection", or just the section. */
export function sectionPath(article: Pick<ArticleNodeAttributes, "section" | "subsection">): string {
  return [article.section, article.subsection].filter(Boolean).join(" › ");
}
