/**
 * What the extractor knows about one entity while it reads the document: every sighting, the
 * names it was written under and the types the rules voted for. Drafts become entities at the end.
 */
import type { EntityType, Evidence } from "../types";
import type { LexiconTerm } from "./lexicon";

export interface Sighting {
  entry: number;
  evidence: Evidence;
}

/** What is known about one entity while the document is read. */
export interface Draft {
  key: string;
  term?: LexiconTerm;
  names: Map<string, number>;
  types: Map<EntityType, number>;
  aliases: Set<string>;
  sightings: Sighting[];
  strong: boolean;
  articles: Set<number>;
  /** The expansion an acronym was defined by, which beats the acronym as a label. */
  defined?: string;
}

export function draftFor(drafts: Map<string, Draft>, key: string, term?: LexiconTerm): Draft {
  let draft = drafts.get(key);
  if (!draft) {
    draft = { key, term, names: new Map(), types: new Map(), aliases: new Set(), sightings: [], strong: false, articles: new Set() };
    drafts.set(key, draft);
  }
  return draft;
}

export function record(draft: Draft, entry: number, evidence: Evidence, surface: string): void {
  draft.sightings.push({ entry, evidence });
  draft.articles.add(entry);
  const name = surface.replace(/['’]s$/i, "");
  draft.names.set(name, (draft.names.get(name) ?? 0) + 1);
}

export function mostFrequent<T>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Moves everything known of `other` into `draft`: the two were one entity under two names. */
export function absorb(draft: Draft, other: Draft): void {
  draft.sightings.push(...other.sightings);
  for (const entry of other.articles) draft.articles.add(entry);
  for (const [name, count] of other.names) draft.names.set(name, (draft.names.get(name) ?? 0) + count);
  for (const [type, votes] of other.types) draft.types.set(type, (draft.types.get(type) ?? 0) + votes);
  for (const alias of other.aliases) draft.aliases.add(alias);
  draft.strong ||= other.strong;
  draft.defined ??= other.defined;
}
