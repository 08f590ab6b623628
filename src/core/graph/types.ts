/**
 * The graph contract: what `npm run graph` writes to graph.json (graphology's serialization
 * format) and what the app reads. Later tools rely on these names; change them only on purpose.
 */
import type { EntityType, Evidence, EntryKind } from "../types";

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
  /** "reference" for See Also pointers, "bookmark" otherwise. */
  entryKind: EntryKind;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EntityNodeAttributes {
  kind: "entity";
  type: EntityType;
  /** Canonical name. */
  label: string;
  aliases: string[];
  /** Number of articles that mention it (its degree). */
  articleCount: number;
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

export type EdgeAttributes = MentionEdgeAttributes;

export interface GraphAttributes {
  /** Name of the input document, for display. */
  name: string;
  /** ISO time of the build. */
  builtAt: string;
  /** Section names in document order, each with its subsections in order. */
  sections: { name: string; subsections: string[] }[];
}

export const ARTICLE_PREFIX = "article:";
export const ENTITY_PREFIX = "entity:";
