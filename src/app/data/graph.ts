/**
 * The graph as the app holds it, and how graph.json becomes one. DOM-free: the loader takes
 * the text of the file, so the same checks run in Node tests and in the browser.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import {
  EDGE_KINDS,
  isMentionEdge,
  type ArticleNodeAttributes,
  type EdgeAttributes,
  type EdgeKind,
  type EntityNodeAttributes,
  type GraphAttributes,
  type MentionEdgeAttributes,
  type NodeAttributes,
} from "../../core/graph/types";
import { ENTITY_TYPES, type Evidence } from "../../core/types";

export { isBroaderEdge, isMentionEdge } from "../../core/graph/types";

export type AppGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Why a graph file could not be used, phrased for the person looking at the page. */
export class GraphLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphLoadError";
  }
}

/** How much of graph.json has arrived; `total` when the server said (Content-Length). */
export interface LoadProgress {
  received: number;
  total?: number;
}

/**
 * Reads the response to graph.json into a graph: refuses a missing file or an HTTP error in
 * words, reads the body as a stream so that `onProgress` can report the bytes received (a large
 * graph takes seconds to arrive), then checks it with `parseGraph`.
 */
export async function readGraphResponse(response: Response, onProgress?: (progress: LoadProgress) => void): Promise<AppGraph> {
  if (response.status === 404) throw new GraphLoadError("graph.json is missing (run npm run graph)");
  if (!response.ok) throw new GraphLoadError(`graph.json could not be fetched (HTTP ${response.status})`);
  return parseGraph(await readText(response, onProgress));
}

async function readText(response: Response, onProgress?: (progress: LoadProgress) => void): Promise<string> {
  const body = response.body;
  if (!body || !onProgress) return response.text();
  // Content-Length counts the bytes on the wire: with a Content-Encoding those are compressed,
  // and the stream yields more than that, so no percentage is given.
  const length = Number(response.headers.get("Content-Length"));
  const encoded = (response.headers.get("Content-Encoding") ?? "identity") !== "identity";
  let total = !encoded && Number.isSafeInteger(length) && length > 0 ? length : undefined;
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  const reader = body.getReader();
  onProgress({ received, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (total !== undefined && received > total) total = undefined;
      parts.push(decoder.decode(value, { stream: true }));
      onProgress({ received, total });
    }
  } catch {
    throw new GraphLoadError(`graph.json could not be read to the end (the connection broke after ${received} bytes)`);
  }
  parts.push(decoder.decode());
  return parts.join("");
}

// ---------------------------------------------------------------------------------------------
// What the app relies on in graph.json: each field with the check it must pass, so that a
// damaged file is reported by node (or edge) and field instead of failing deep in a panel.

type Check = { test: (value: unknown) => boolean; expected: string };

/**
 * A table of checks as a list, made once: a graph of 10,000 articles holds about 100,000 edges and
 * as many evidence spans, and the checks run for each one before the first frame.
 */
type Checks = readonly (readonly [field: string, check: Check])[];
const checks = (fields: Record<string, Check>): Checks => Object.entries(fields);

const text: Check = { test: (v) => typeof v === "string", expected: "text" };
const number: Check = { test: (v) => typeof v === "number" && Number.isFinite(v), expected: "a number" };
const texts: Check = { test: (v) => Array.isArray(v) && v.every((item) => typeof item === "string"), expected: "a list of texts" };
const oneOf = (...values: readonly string[]): Check => ({
  test: (v) => typeof v === "string" && values.includes(v),
  expected: values.map((value) => `"${value}"`).join(" or "),
});
const listOf = (fields: Record<string, Check>, expected: string): Check => {
  const each = checks(fields);
  return {
    test: (v) => Array.isArray(v) && v.every((item) => isObject(item) && each.every(([key, check]) => check.test(item[key]))),
    expected,
  };
};

const POSITION = { x: number, y: number, size: number, color: text };
const point: Check = { test: (v) => Array.isArray(v) && v.length === 2 && v.every((c) => number.test(c)), expected: "a point [x, y]" };
/** A node's places in the other views: an object whose fields, each optional, are points. */
const viewPositions: Check = {
  test: (v) => isObject(v) && Object.entries(v).every(([view, place]) => (view === "concepts" || view === "articles") && point.test(place)),
  expected: 'places in the "concepts" or "articles" view, each a point [x, y]',
};
/** Fields of any node that files built before them lack, checked when present. */
const NODE_OPTIONAL: Record<string, Check> = { community: number, importance: number, positions: viewPositions };

const ARTICLE_FIELDS = checks({
  label: text,
  description: text,
  section: text,
  subsection: text,
  insights: texts,
  note: text,
  source: text,
  entryKind: oneOf("bookmark", "reference"),
  ...POSITION,
});
/** Fields an article may lack (older files, formats without links or dates), checked when present. */
const ARTICLE_OPTIONAL = checks({
  url: text,
  links: listOf({ text, url: text }, "a list of { text, url }"),
  year: number,
  addedAt: text,
  inputs: texts,
  ...NODE_OPTIONAL,
});
const ENTITY_FIELDS = checks({
  label: text,
  type: oneOf(...ENTITY_TYPES),
  aliases: texts,
  articleCount: number,
  ...POSITION,
});
/** Fields a concept may lack (files built before communities, importance or views), checked when present. */
const ENTITY_OPTIONAL = checks(NODE_OPTIONAL);
/**
 * Each kind of edge: its fields, the kinds of node it joins (the panels rely on a mention
 * leaving an article and a broader relation joining two concepts), and whether it is undirected
 * (related articles and co-occurring concepts are; a graph holding them is mixed).
 */
const EDGE_RULES: Record<
  EdgeKind,
  { fields: Checks; source: NodeAttributes["kind"]; target: NodeAttributes["kind"]; undirected: boolean }
> = {
  mentions: {
    fields: checks({
      weight: number,
      evidence: listOf(
        { field: oneOf("title", "description", "insight"), index: number, start: number, end: number },
        "a list of { field, index, start, end }",
      ),
    }),
    source: "article",
    target: "entity",
    undirected: false,
  },
  broader: { fields: checks({ weight: number, origin: oneOf("lexicon", "head") }), source: "entity", target: "entity", undirected: false },
  related: { fields: checks({ weight: number, shared: texts }), source: "article", target: "article", undirected: true },
  cooccurs: { fields: checks({ weight: number, score: number }), source: "entity", target: "entity", undirected: true },
};
const EDGE_KIND = oneOf(...EDGE_KINDS);

/** The graph's own attributes: all optional for the app, checked when present. */
const COMMUNITIES = listOf({ id: number, name: text, size: number, color: text, concepts: texts }, "a list of { id, name, size, color, concepts }");
const GRAPH_OPTIONAL = checks({
  name: text,
  inputs: texts,
  sections: listOf({ name: text, subsections: texts }, "a list of { name, subsections }"),
  communities: COMMUNITIES,
});

/** A node key or an edge as the message names it; keys come from documents and may be long. */
function named(key: unknown): string {
  const raw = typeof key === "string" ? key : JSON.stringify(key) ?? String(key);
  return `"${raw.length > 80 ? `${raw.slice(0, 79)}…` : raw}"`;
}

/**
 * What is wrong with the fields of one node, edge or graph. `what` names it in the message, built
 * only when there is something to say: naming every sound edge would cost more than checking it.
 */
function fieldProblems(what: () => string, attributes: Record<string, unknown>, required: Checks, optional: Checks = []): readonly string[] {
  let problems: string[] | undefined;
  const problem = (message: string) => (problems ??= []).push(`${what()} ${message}`);
  for (const [field, check] of required) {
    const value = attributes[field];
    if (value === undefined || value === null) problem(`has no ${field}`);
    else if (!check.test(value)) problem(`has a ${field} that is not ${check.expected}`);
  }
  for (const [field, check] of optional) {
    const value = attributes[field];
    if (value !== undefined && !check.test(value)) problem(`has a ${field} that is not ${check.expected}`);
  }
  return problems ?? NO_PROBLEMS;
}

const NO_PROBLEMS: readonly string[] = Object.freeze([]) as readonly string[];

/** Every way the data falls short of the contract, in file order. */
function graphProblems(attributes: unknown, nodes: unknown[], edges: unknown[]): string[] {
  const problems: string[] = [];
  if (attributes !== undefined && !isObject(attributes)) problems.push("the graph's attributes are not an object");
  else if (attributes) problems.push(...fieldProblems(() => "the graph", attributes, [], GRAPH_OPTIONAL));
  const keys = new Map<string, unknown>();
  nodes.forEach((node, index) => {
    if (!isObject(node) || typeof node.key !== "string") {
      problems.push(`node ${index + 1} has no key`);
      return;
    }
    const key = node.key;
    const what = () => `node ${named(key)}`;
    if (keys.has(key)) problems.push(`${what()} is listed twice`);
    const attributes = node.attributes;
    keys.set(key, isObject(attributes) ? attributes.kind : undefined);
    if (!isObject(attributes)) problems.push(`${what()} has no attributes`);
    else if (attributes.kind === "article") problems.push(...fieldProblems(what, attributes, ARTICLE_FIELDS, ARTICLE_OPTIONAL));
    else if (attributes.kind === "entity") problems.push(...fieldProblems(what, attributes, ENTITY_FIELDS, ENTITY_OPTIONAL));
    else problems.push(`${what()} has no kind ("article" or "entity")`);
  });
  if (attributes === undefined || isObject(attributes)) problems.push(...communityProblems(attributes?.communities, nodes, keys));
  edges.forEach((edge, index) => {
    if (!isObject(edge)) {
      problems.push(`edge ${index + 1} is not an edge`);
      return;
    }
    const what = () => `edge ${index + 1} (${named(edge.source)} ${edge.undirected === true ? "—" : "→"} ${named(edge.target)})`;
    for (const end of ["source", "target"] as const) {
      if (typeof edge[end] !== "string") problems.push(`${what()} has no ${end}`);
      else if (!keys.has(edge[end])) problems.push(`${what()} joins a node that is not in the graph: ${named(edge[end])}`);
    }
    if (!isObject(edge.attributes)) {
      problems.push(`${what()} has no attributes`);
      return;
    }
    const kind = edge.attributes.kind;
    if (!EDGE_KIND.test(kind)) {
      problems.push(kind === undefined ? `${what()} has no kind (${EDGE_KIND.expected})` : `${what()} has a kind that is not ${EDGE_KIND.expected}`);
      return;
    }
    const rule = EDGE_RULES[kind as EdgeKind];
    problems.push(...fieldProblems(what, edge.attributes, rule.fields));
    for (const end of ["source", "target"] as const) {
      const wanted = rule[end];
      const endKind = typeof edge[end] === "string" ? keys.get(edge[end]) : undefined;
      if (endKind !== undefined && endKind !== wanted) problems.push(`${what()} is a "${kind}" edge whose ${end} is not an ${wanted}`);
    }
    if ((edge.undirected === true) !== rule.undirected) {
      problems.push(`${what()} is a "${kind}" edge that is ${rule.undirected ? "not undirected" : "undirected"}`);
    }
    const shared = edge.attributes.shared;
    if (kind === "related" && texts.test(shared)) {
      for (const concept of shared as string[]) {
        if (keys.get(concept) !== "entity") problems.push(`${what()} shares a concept that is not in the graph: ${named(concept)}`);
      }
    }
  });
  return problems;
}

/**
 * Communities hold together: when the graph lists them (numbered 0, 1, 2… in order), every node
 * belongs to a listed one and every concept a community names is a concept of the graph; when it
 * lists none (a file built before communities), no node claims one. The shapes themselves are
 * checked with the other fields.
 */
function communityProblems(communities: unknown, nodes: unknown[], kinds: ReadonlyMap<string, unknown>): string[] {
  if (communities !== undefined && !COMMUNITIES.test(communities)) return [];
  const listed = communities as GraphAttributes["communities"];
  const problems: string[] = [];
  listed?.forEach((community, index) => {
    if (community.id !== index) problems.push(`the graph's community ${index + 1} is numbered ${community.id}, not ${index}`);
    for (const concept of community.concepts) {
      if (kinds.get(concept) !== "entity") problems.push(`the graph's community ${index} names a concept that is not in the graph: ${named(concept)}`);
    }
  });
  for (const node of nodes) {
    if (!isObject(node) || typeof node.key !== "string" || !isObject(node.attributes)) continue;
    const community = node.attributes.community;
    const what = `node ${named(node.key)}`;
    if (listed === undefined) {
      if (community !== undefined) problems.push(`${what} has a community, but the graph lists none`);
    } else if (community === undefined || community === null) problems.push(`${what} has no community`);
    else if (typeof community === "number" && !(Number.isInteger(community) && community >= 0 && community < listed.length)) {
      problems.push(`${what} has a community that the graph does not list: ${community}`);
    }
  }
  return problems;
}

/** Where a graph's text came from, for messages: its name, and what makes a good one again. */
export interface GraphOrigin {
  /** "graph.json", or how the page names a graph it keeps ("the graph of my-list.md"). */
  name: string;
  /** What to do about a damaged one ("run npm run graph"). */
  remedy: string;
}

const BUNDLED: GraphOrigin = { name: "graph.json", remedy: "run npm run graph" };

/**
 * Parses and checks the text of graph.json (or of a graph built in the page and kept in the
 * browser: `origin` names it). Every field the app reads is checked (see the tables above), so
 * that a damaged file is reported in words, naming the node or edge and the field, instead of
 * surfacing as a blank canvas or an exception deep in sigma. An empty graph is refused too:
 * there would be nothing to draw.
 */
export function parseGraph(text: string, origin: GraphOrigin = BUNDLED): AppGraph {
  const { name, remedy } = origin;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GraphLoadError(`${name} is not valid JSON (${remedy})`);
  }
  if (!isObject(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw new GraphLoadError(`${name} is not a graph (expected nodes and edges; ${remedy})`);
  }
  if (data.nodes.length === 0) {
    throw new GraphLoadError(`the graph is empty: ${name} has no articles and no concepts (build it from a reading list with entries)`);
  }
  const problems = graphProblems(data.attributes, data.nodes, data.edges);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? "problem" : "problems"})` : "";
    throw new GraphLoadError(`${name} is damaged: ${problems[0]}${more}`);
  }
  // Mixed, so that one graph holds directed mentions and broader relations beside undirected
  // related and co-occurrence edges; a file built before those holds only directed edges.
  const graph: AppGraph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  try {
    graph.import(data as unknown as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
  } catch (error) {
    throw new GraphLoadError(`${name} could not be read: ${(error as Error).message}`);
  }
  return graph;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

/** The mention of `entity` in `article`, if the article mentions it. */
export function mentionEdge(graph: AppGraph, article: string, entity: string): MentionEdgeAttributes | undefined {
  const edge = graph.edge(article, entity);
  if (edge === undefined) return undefined;
  const attributes = graph.getEdgeAttributes(edge);
  return isMentionEdge(attributes) ? attributes : undefined;
}

/** Where `article` mentions `entity` (none when it does not). */
export function evidenceOf(graph: AppGraph, article: string, entity: string): Evidence[] {
  return mentionEdge(graph, article, entity)?.evidence ?? [];
}

/** The articles that mention `entity`: its mention in-edges' sources, whatever other edges it has. */
export function mentioningArticles(graph: AppGraph, entity: string): string[] {
  const articles: string[] = [];
  graph.forEachInEdge(entity, (_edge, attributes, source) => {
    if (isMentionEdge(attributes)) articles.push(source);
  });
  return articles;
}

/** The concepts `article` mentions. */
export function mentionedConcepts(graph: AppGraph, article: string): string[] {
  const concepts: string[] = [];
  graph.forEachOutEdge(article, (_edge, attributes, _source, target) => {
    if (isMentionEdge(attributes)) concepts.push(target);
  });
  return concepts;
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
