import nlp from "compromise";
import type { EntityType } from "../types";
import type { LexiconIndex } from "./lexicon";

/** compromise tags for the entity types it does not know. */
const TAGS = {
  Technology: { isA: "Noun" },
  Technique: { isA: "Noun" },
};

const TAG_OF: Record<EntityType, string> = {
  technology: "Technology",
  technique: "Technique",
  organization: "Organization",
  person: "Person",
};

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[] | undefined> };
}

const registered = new WeakSet<LexiconIndex>();

/**
 * Registers the lexicon with compromise as a plugin: every unambiguous form becomes a frozen
 * word (multi-word forms too), so the tagger keeps "Bloom filter" or "write-ahead log" whole
 * and never re-tags them as verbs or adjectives. Case-sensitive and context-dependent forms
 * are left out, since compromise's lexicon is case-blind. compromise has one global model,
 * so an index is registered once, however many extractors share it.
 */
export function registerLexicon(index: LexiconIndex): void {
  if (registered.has(index)) return;
  registered.add(index);
  const frozen: Record<string, string> = {};
  for (const forms of index.forms.values()) {
    const [form, ...others] = forms;
    if (!form || others.length > 0 || form.caseSensitive || form.term.context) continue;
    const word = form.text
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .replace(/[-/]+/g, " ")
      .replace(/[^\p{L}\p{N}_ +#.']/gu, "")
      .trim();
    if (word !== "") frozen[word] = TAG_OF[form.term.type];
  }
  nlp.plugin({ tags: TAGS, frozen });
}

/** Whether a lower-case word is ordinary English as far as compromise's lexicon knows. */
export function isCommonWord(word: string): boolean {
  const tag = (nlp.model() as CompromiseModel).one.lexicon[word];
  if (tag === undefined) return false;
  const tags = Array.isArray(tag) ? tag : [tag];
  // compromise lists names of people and places too; those are not ordinary words.
  return !tags.some((t) => /Name|Place|City|Country|Organization|ProperNoun/.test(t));
}
