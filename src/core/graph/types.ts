/**
 * The graph contract: what `npm run graph` writes to graph.json (graphology's serialization
 * format) and what the app reads. Later tools rely on these names; change them only on purpose.
 */
import type { EntityType, Evidence, EntryKind, Link } from "../types";
import type { Tour } from "../tours/types";

export interface ArticleNodeAttributes {
  kind: "article";
  /** The title, exactly as in the document. */
  label: string;
  description: string;
  section: string;
  subsection: string;
  insights: string[];
  note: string;
  source: string;
  url?: string;
  /** Further links of the item (`{ text, url }`), as written; only http(s) and mailto ones are ever linked. */
  links?: Link[];
  /** Year of publication, when the item states it. */
  year?: number;
  /** When the bookmark was added (browser exports), ISO 8601. */
  addedAt?: string;
  /** The input files (base names) the article came from; several when inputs share it. */
  inputs: string[];
  /** "reference" for See Also pointers, "bookmark" otherwise. */
  entryKind: EntryKind;
  /** Its community's number (see `CommunitySummary`); absent only in files built before communities. */
  community?: number;
  /** Label priority on the map, 0–1 (see `importance`): the higher, the earlier its label shows. */
  importance?: number;
  /** Its place in the articles view (absent in files built before views). `x`, `y` are the map's. */
  positions?: ViewPositions;
  x: number;
  y: number;
  size: number;
  color: string;
}

/**
 * A node's place in the views other than the map ("concepts", "articles"), as `[x, y]`; a node
 * has a place in a view exactly when the view shows it. The map's place is the node's `x`, `y`.
 */
export type ViewPositions = Partial<Record<Exclude<ViewName, "map">, [number, number]>>;

/**
 * The three views of one graph: the map of articles and concepts joined by mentions (default),
 * the concepts joined by co-occurrence, the articles joined by related edges.
 */
export type ViewName = "map" | "concepts" | "articles";

export const VIEW_NAMES: readonly ViewName[] = ["map", "concepts", "articles"];

export interface EntityNodeAttributes {
  kind: "entity";
  type: EntityType;
  /** Canonical name. */
  label: string;
  aliases: string[];
  /**
   * Number of articles that mention it (its mention in-degree). 0 for a grouping concept: a
   * broader lexicon term no article names, kept because several concepts of the graph fall under it.
   */
  articleCount: number;
  /** Its community's number (see `CommunitySummary`); absent only in files built before communities. */
  community?: number;
  /** Label priority on the map, 0–1 (see `importance`): the higher, the earlier its label shows. */
  importance?: number;
  /** Its place in the concepts view (absent in files built before views). `x`, `y` are the map's. */
  positions?: ViewPositions;
  x: number;
  y: number;
  size: number;
  color: string;
}

export type NodeAttributes = ArticleNodeAttributes | EntityNodeAttributes;

/** A mention: article → entity. */
export interface MentionEdgeAttributes {
  kind: "mentions";
  /** Number of mentions (the length of `evidence`). */
  weight: number;
  evidence: Evidence[];
}

/**
 * Narrower concept → broader concept ("WAL archiving" → "write-ahead logging"): the narrower
 * one is a kind (or a part) of the broader one. The relations form no cycle.
 */
export interface BroaderEdgeAttributes {
  kind: "broader";
  /** Always 1: one relation. Present on every edge so that weight-reading tools see a number. */
  weight: number;
  /** Why it holds: a lexicon term's `broader` field, or the head rule ("range partitioning" → partitioning). */
  origin: "lexicon" | "head";
}

/**
 * Two articles that share specific vocabulary (undirected): the cosine of their TF-IDF vectors
 * of concepts, so a concept few articles name counts for more than a hub. Each article keeps its
 * k strongest; the edge is kept when either end keeps it.
 */
export interface RelatedEdgeAttributes {
  kind: "related";
  /** Cosine similarity, 0–1, rounded to 3 decimals. */
  weight: number;
  /** Keys of the concept nodes both articles mention, those that weigh most first (at most 5). */
  shared: string[];
}

/**
 * Two concepts that articles name together (undirected), kept only when they do so
 * significantly more often than their frequencies would make chance (so hubs do not join everything).
 */
export interface CooccursEdgeAttributes {
  kind: "cooccurs";
  /** Articles that mention both. */
  weight: number;
  /** How far above chance the pair co-occurs (see `core/relations`), rounded to 3 decimals. */
  score: number;
}

/** Every kind of edge; code that reads edges asks for the kinds it means (see `EDGE_KINDS`). */
export type EdgeAttributes = MentionEdgeAttributes | BroaderEdgeAttributes | RelatedEdgeAttributes | CooccursEdgeAttributes;

export type EdgeKind = EdgeAttributes["kind"];

export const EDGE_KINDS: readonly EdgeKind[] = ["mentions", "broader", "related", "cooccurs"];

/** The kinds of edge each view draws (and lays out by). */
export const VIEW_EDGES: Readonly<Record<ViewName, readonly EdgeKind[]>> = {
  map: ["mentions", "broader"],
  concepts: ["cooccurs", "broader"],
  articles: ["related"],
};

export function isMentionEdge(attributes: EdgeAttributes): attributes is MentionEdgeAttributes {
  return attributes.kind === "mentions";
}

export function isBroaderEdge(attributes: EdgeAttributes): attributes is BroaderEdgeAttributes {
  return attributes.kind === "broader";
}

/** Key of a mention edge. */
export function mentionKey(article: string, entity: string): string {
  return `${article}->${entity}`;
}

/** Key of a broader edge: the kind is in the key, so later entity → entity kinds cannot collide. */
export function broaderKey(narrower: string, broader: string): string {
  return `${narrower}-broader->${broader}`;
}

/**
 * Key of a related or co-occurrence edge. These are undirected edges of the (mixed) graph, so a
 * concept pair can hold a directed broader edge and an undirected co-occurrence at once; the two
 * ends are written in sorted order, so either way round gives the same key.
 */
export function undirectedKey(kind: "related" | "cooccurs", a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `${first}<-${kind}->${second}`;
}

export function isRelatedEdge(attributes: EdgeAttributes): attributes is RelatedEdgeAttributes {
  return attributes.kind === "related";
}

export function isCooccursEdge(attributes: EdgeAttributes): attributes is CooccursEdgeAttributes {
  return attributes.kind === "cooccurs";
}

export interface GraphAttributes {
  /** Name of the input document, for display. */
  name: string;
  /** ISO time of the build, only when SOURCE_DATE_EPOCH gives it (builds are byte-reproducible). */
  builtAt?: string;
  /** The input files (base names), in the order given. */
  inputs: string[];
  /** Section names in document order, each with its subsections in order. */
  sections: { name: string; subsections: string[] }[];
  /**
   * The communities of the article–concept graph, by number (`id` is the index), largest first
   * (see `core/communities`). Absent only in files built before communities, which the app still opens.
   */
  communities?: CommunitySummary[];
  /**
   * The tours written for this graph (`data/tours/*.json` for the bundled document), each
   * checked by the build against the tour schema and against this graph; absent when none.
   */
  tours?: Tour[];
}

/** A community (a region of the map): the articles and concepts Louvain grouped by their mentions. */
export interface CommunitySummary {
  /** Its number: 0 for the largest, ties broken by the smallest node key; every node's `community`. */
  id: number;
  /** Its most characteristic concepts' labels ("PostgreSQL · MVCC · vacuum"); unique in the graph. */
  name: string;
  /** Its nodes, articles and concepts. */
  size: number;
  /** One colour of a categorical scheme by number; a neutral one shared by small communities. */
  color: string;
  /** Keys of its most characteristic concept nodes, most characteristic first; the name is made of the first ones. */
  concepts: string[];
}

export const ARTICLE_PREFIX = "article:";
export const ENTITY_PREFIX = "entity:";
