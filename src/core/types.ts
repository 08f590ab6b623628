/**
 * Shared vocabulary of the pipeline: document → parse → extract → graph → app.
 * Pure data: no DOM, no file system.
 */

/** A bookmark proper, or a "See Also" pointer to another note. */
export type EntryKind = "bookmark" | "reference";

/** One entry of a reading list, as the parser finds it. */
export interface Entry {
  kind: EntryKind;
  /** Exactly as written in the document (trimmed). */
  title: string;
  /** The text after the title separator; "" when the entry has none. */
  description: string;
  /** Top-level section name; "" when the document has no sections. */
  section: string;
  /** Subsection name; "" when the entry sits directly under its section. */
  subsection: string;
  /** Repaired "Key insights" bullets, blocks merged, exact duplicates dropped, order kept. */
  insights: string[];
  /** A note that belongs to the entry, such as "(article unavailable — fetch failed)"; "" if none. */
  note: string;
  /** Organisation or person named in the title's trailing parentheses, e.g. "Netflix"; "" if none. */
  source: string;
  /** Link target when the format carries one (as written: the app decides whether it is safe to link). */
  url?: string;
  /** Further links of the item (a translation, a talk, the author's page), in reading order. */
  links?: Link[];
  /** Year of publication when the item states it plainly (`1979, [Paper](url), SIGMOD`). */
  year?: number;
  /** When the bookmark was added (browser exports' `ADD_DATE`), as an ISO 8601 date-time. */
  addedAt?: string;
  /** 1-based line of the document where the entry starts (for messages). */
  line: number;
  /**
   * The inputs (file base names) the entry came from, set when several inputs are merged
   * (`parse/merge`); absent straight out of a parser.
   */
  inputs?: string[];
}

/** A link as written in a document: its visible text and its target. */
export interface Link {
  text: string;
  url: string;
}

export interface Section {
  name: string;
  subsections: string[];
}

export interface ParsedDocument {
  /** The document's own title when it has one. */
  title: string;
  sections: Section[];
  entries: Entry[];
}

export type InputFormat = "text" | "markdown" | "html";

/** A problem in the input, located precisely enough for a one-line message. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "InputError";
  }
}

export type EntityType = "organization" | "technology" | "technique" | "person";
export const ENTITY_TYPES: readonly EntityType[] = ["organization", "technology", "technique", "person"];

/** The text fields of an entry that extraction reads. */
export type TextField = "title" | "description" | "insight";

/**
 * One place a mention was found: `index` is the bullet index for insights and 0 otherwise;
 * `start`/`end` are UTF-16 offsets into that field's text, end exclusive.
 */
export interface Evidence {
  field: TextField;
  index: number;
  start: number;
  end: number;
}

export interface Entity {
  /** `slug(name)`; unique within one extraction. */
  id: string;
  /** Canonical label. */
  name: string;
  type: EntityType;
  /** Other surface forms, as they occur in the text or in the lexicon. */
  aliases: string[];
}

export interface Mention {
  /** Index into the `entries` array that was given to the extractor. */
  entry: number;
  /** `Entity.id`. */
  entity: string;
  /** Every place it was found, in reading order. */
  evidence: Evidence[];
}

export interface Extraction {
  entities: Entity[];
  mentions: Mention[];
}

/** The text of a field of an entry, so evidence offsets can be resolved to words. */
export function fieldText(entry: Entry, field: TextField, index: number): string {
  switch (field) {
    case "title":
      return entry.title;
    case "description":
      return entry.description;
    case "insight":
      return entry.insights[index] ?? "";
  }
}
