/**
 * The graph contract: what `npm run graph` writes to graph.json (graphology's serialization
 * format) and what the app reads. Later tools rely on these names; change them only on purpose.
 */
import type { EntityType, Evidence, EntryKind, Link } from "../types";

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
  /** ISO time of the build, only when SOURCE_DATE_EPOCH gives it (builds are byte-reproducible). */
  builtAt?: string;
  /** The input files (base names), in the order given. */
  inputs: string[];
  /** Section names in document order, each with its subsections in order. */
  sections: { name: string; subsections: string[] }[];
}

export const ARTICLE_PREFIX = "article:";
export const ENTITY_PREFIX = "entity:";
