import type { EntityType } from "../types";
import { caseKey, nameCaseKey, nameKey, pieceKey, pieces } from "./keys";

/** One named thing the extractor knows in advance. */
export interface LexiconTerm {
  /** Canonical label, e.g. "PostgreSQL". */
  name: string;
  type: EntityType;
  /** Other spellings: abbreviations, short forms, expansions ("Postgres", "PG"). */
  aliases?: string[];
  /**
   * For names that are also ordinary words or other things (Go, Swift, Spark, Ray): the term is
   * only recognised in an entry that also contains one of these words.
   */
  context?: string[];
  /** One-word forms must match with their case ("PG", "Go", "Notion"); phrases never need to. */
  caseSensitive?: boolean;
  /**
   * A concept word that names a technique only in some texts (replication, compaction): used
   * only when the extractor is asked for broad concepts.
   */
  broad?: boolean;
  /**
   * A product that is also the name of the company behind it (GitHub, Docker, Snowflake): the
   * text decides which one it means ("at GitHub", "(Snowflake)").
   */
  company?: boolean;
  /**
   * Where the term comes from: "curated" for reviewed terms, or the brand list taken whole
   * ("linguist", "simple-icons"), whose types and capitals the extractor does not trust.
   */
  source?: string;
  /**
   * For a reviewed term taken from a public catalogue: the catalogue's id, as recorded with its
   * licence in `data/lexicon/catalogues/` (e.g. "foldoc"). Such a term is reviewed, like a curated one.
   */
  catalogue?: string;
  /**
   * Canonical names of broader terms ("WAL archiving" → "write-ahead logging", "Raft" →
   * "consensus algorithm"): the graph links the concept to each by a `broader` edge.
   */
  broader?: string[];
}

export interface Lexicon {
  terms: LexiconTerm[];
  /**
   * Words and phrases that are never entities on their own even when a source lists them or a
   * discovery rule proposes them (generic nouns, units, metrics).
   */
  stopwords: string[];
  /** Short lower-case English words that a damaged export glues onto names ("ran", "at", "for"). */
  glueWords: string[];
}

/** A lexicon surface form, ready for lookups. */
export interface Form {
  term: LexiconTerm;
  /** The alias as written in the lexicon. */
  text: string;
  /** Case-preserving key, compared when the form is case-sensitive. */
  caseKey: string;
  caseSensitive: boolean;
  /**
   * A case-sensitive form that a headline-case or all-caps title may write in any case: a
   * reviewed concept word ("histogram", "consensus") kept case-sensitive only because it is also
   * ordinary English. Forms marked case-sensitive, acronyms and brands from bulk lists never are.
   */
  anyCaseInHeadline: boolean;
  /**
   * Word pieces of the form. Text may write a name in fewer pieces ("LSMtree" for "LSM tree")
   * but never in more: "time Stream" is not Timestream.
   */
  pieces: number;
}

export interface LexiconIndex {
  /** Lookup key → the forms that reduce to it (more than one when an alias is shared). */
  forms: Map<string, Form[]>;
  /** Longest form, in word pieces: the widest window the matcher must try. */
  maxPieces: number;
  /**
   * Every key made of a form's first pieces ("apache" for "Apache Kafka"), so the matcher stops
   * widening a window as soon as no form can start with it.
   */
  prefixes: Set<string>;
  stopwords: Set<string>;
  glueWords: Set<string>;
  /**
   * Surnames of the people the lexicon knows, each with its one person: lists of surnames
   * ("Bailis, Hellerstein, Stonebraker") name them. A surname two people share is left out.
   */
  surnames: Map<string, Form>;
}

// Short forms collide with ordinary words and with each other ("PG", "IO", "Go"), so the case
// in which they are written is part of their identity.
function looksCaseSensitive(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  if (letters.length <= 3) return true;
  // Acronyms (MVCC, WAL, DSQL): in lower case they are usually other words.
  return letters === letters.toUpperCase() && letters.length <= 5;
}

/** Terms from bulk sources (brand lists taken whole) carry no reviewed type: a brand may be a product or a company. */
export function isBulk(term: LexiconTerm): boolean {
  return term.source !== undefined && term.source !== "curated";
}

/** Whether reducing a form to its key drops a letter that has no ASCII decomposition (µ, ß, ł). */
function dropsLetters(text: string): boolean {
  // ASCII text has no such letter to lose (and most of the lexicon is ASCII).
  if (!/[^\x00-\x7F]/.test(text)) return false;
  return /[^\x00-\x7F]/.test(text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\p{L}]/gu, ""));
}

/**
 * Builds the lookup structure. `isCommonWord` tells whether a lower-case word is ordinary
 * English; single-word names that are (Notion, Signal, Bloom) become case-sensitive, and are
 * skipped entirely when they carry no context rule and come from a bulk source.
 */
export function indexLexicon(
  lexicon: Lexicon,
  isCommonWord: (word: string) => boolean,
  broadConcepts = true,
): LexiconIndex {
  const forms = new Map<string, Form[]>();
  const stopwords = new Set(lexicon.stopwords.map(nameKey));
  const prefixes = new Set<string>();
  let maxPieces = 1;
  for (const term of lexicon.terms) {
    if (term.broad && !broadConcepts) continue;
    const texts = [term.name, ...(term.aliases ?? [])];
    // One form per key and term; spellings that share the key ("multiversion …" and
    // "multi-version …") widen it to the most pieces any of them has.
    const seen = new Map<string, Form>();
    for (const text of texts) {
      // Each spelling is cut into pieces and reduced once: its key, its case key and its
      // prefixes are all made of these (nameKey and nameCaseKey, piece by piece).
      const caseKeys = pieces(text).map((part) => caseKey(part.text));
      const pieceKeys = caseKeys.map((k) => k.toLowerCase());
      const key = pieceKeys.join("");
      // One-letter keys ("A*" → "a") would match articles and initials; only a context rule
      // makes them safe (C, R).
      const same = seen.get(key);
      if (same) {
        same.pieces = Math.max(same.pieces, pieceKeys.length);
        maxPieces = Math.max(maxPieces, same.pieces);
        addPrefixes(prefixes, pieceKeys);
        continue;
      }
      if (key === "" || (key.length < 2 && !term.context)) continue;
      // An alias that loses a letter on the way to its key ("µops" → "ops") would match another word.
      if (text !== term.name && dropsLetters(text)) continue;
      const single = pieceKeys.length === 1;
      const common = single && isCommonWord(key);
      const bulk = isBulk(term);
      if (bulk && (stopwords.has(key) || (common && !term.context))) continue;
      const shapedLikeAcronym = looksCaseSensitive(text);
      const form: Form = {
        term,
        text,
        caseKey: caseKeys.join(""),
        // Bulk sources list brands, whose capitals are part of the name: "Temporal" the product,
        // "temporal" the adjective.
        // A reviewed term's case rule is for its one-word forms ("Raft", "HA"): a phrase such as
        // "continuous integration" is the same concept when a title writes it in Title Case.
        caseSensitive: (term.caseSensitive === true && single) || bulk || shapedLikeAcronym || common,
        anyCaseInHeadline: term.caseSensitive !== true && !bulk && !shapedLikeAcronym && text === text.toLowerCase(),
        pieces: pieceKeys.length,
      };
      seen.set(key, form);
      const list = forms.get(key);
      if (list) list.push(form);
      else forms.set(key, [form]);
      maxPieces = Math.max(maxPieces, pieceKeys.length);
      addPrefixes(prefixes, pieceKeys);
    }
  }
  return { forms, maxPieces, prefixes, stopwords, glueWords: new Set(lexicon.glueWords.map((w) => caseKey(w).toLowerCase())), surnames: surnamesOf(lexicon) };
}

/** Every key made of a form's first pieces, so the matcher knows when to stop widening. */
function addPrefixes(prefixes: Set<string>, pieceKeys: readonly string[]): void {
  let prefix = "";
  for (const key of pieceKeys) {
    prefix += key;
    prefixes.add(prefix);
  }
}

function surnamesOf(lexicon: Lexicon): Map<string, Form> {
  const found = new Map<string, Form | undefined>();
  for (const term of lexicon.terms) {
    if (term.type !== "person") continue;
    const last = pieces(term.name).pop();
    if (!last || pieces(term.name).length < 2 || !/^[A-Z][a-z]{2,}$/.test(last.text)) continue;
    const key = pieceKey(last.text);
    const form: Form = { term, text: last.text, caseKey: nameCaseKey(last.text), caseSensitive: true, anyCaseInHeadline: false, pieces: 1 };
    found.set(key, found.has(key) && found.get(key)?.term !== term ? undefined : form);
  }
  return new Map([...found].filter((entry): entry is [string, Form] => entry[1] !== undefined));
}
