/**
 * FOLDOC, the Free On-line Dictionary of Computing: its articles read as terms, and the rules
 * that select the vocabulary of the field from it and type each term.
 *
 * An article opens with its headwords as FOLDOC spells them (case is meaningful there: "hash
 * table" is a common noun, "Display PostScript" a name), one a line, often a name and its
 * acronym ("Multi-Version Concurrency Control" / "MVCC"). The definition follows, indented,
 * and usually says what the term is in angle brackets: "<algorithm>", "<database, networking>".
 * An article may hold several numbered senses ("1. <file system> ... 2. <networking> ..."),
 * and often ends with the date it was last revised, "(2018-05-22)".
 */
import type { EntityType } from "../../src/core/types";
import { nameKey } from "../../src/core/extract/keys";
import type { DictArticle } from "./dictd";

export interface FoldocSense {
  /** The sense's category tags, lower case ("algorithm", "operating system"); empty if untagged. */
  tags: string[];
  text: string;
}

export interface FoldocArticle {
  /** Headwords as spelt in the article, in order. */
  names: string[];
  senses: FoldocSense[];
  /** Date of the last revision, "YYYY-MM-DD", when the article gives one. */
  revised?: string;
}

const SENSE_START = /^ {2,}(\d+)\.\s/;
// A definition may open with a pronunciation (/fee"ch*r/) or a gloss ("(Or "hashing")") before its tags.
const TAGS = /^(?:\/[^/\n]*\/\s*)?(?:\([^)\n]*\)\s*)?<([^>\n]+)>/;
const REVISED = /\((\d{4}-\d{2}-\d{2})\)\s*$/;

export function parseFoldocArticle(article: DictArticle): FoldocArticle {
  const lines = article.text.replace(/\r/g, "").split("\n");
  const names: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] as string).trim() !== ""; i += 1) {
    const line = lines[i] as string;
    if (/^\s/.test(line)) break;
    names.push(line.trim());
  }
  const body = lines.slice(i);
  const senses: FoldocSense[] = [];
  let current: string[] = [];
  const close = () => {
    const text = current.join("\n").replace(/\s+/g, " ").trim();
    if (text !== "") {
      const unnumbered = text.replace(/^\d+\.\s+/, "");
      const tags = TAGS.exec(unnumbered)?.[1];
      senses.push({ tags: tags ? tags.split(",").map((t) => t.trim().toLowerCase()).filter((t) => t !== "") : [], text: unnumbered });
    }
    current = [];
  };
  for (const line of body) {
    if (SENSE_START.test(line)) close();
    current.push(line);
  }
  close();
  const revised = REVISED.exec(article.text.trimEnd())?.[1];
  // The trailing date is a paragraph of its own, not part of the last sense's words.
  const last = senses[senses.length - 1];
  if (last && revised) last.text = last.text.replace(REVISED, "").trim();
  if (last && last.text === "") senses.pop();
  return revised ? { names, senses, revised } : { names, senses };
}

/**
 * What FOLDOC's categories say about the field. A term is considered only if one of its tags
 * is a FIELD tag, and only if none of its tags is an OFF_FIELD one: jargon, humour, people,
 * companies, hardware and history are what make FOLDOC broad, and none of them is vocabulary
 * a reader of today's technical articles would search by.
 */
export const FIELD_TAGS: ReadonlySet<string> = new Set([
  "algorithm",
  "artificial intelligence",
  "compiler",
  "complexity",
  "compression",
  "concurrency",
  "cryptography",
  "data",
  "database",
  "file format",
  "file system",
  "functional programming",
  "logic programming",
  "memory management",
  "networking",
  "object-oriented",
  "operating system",
  "parallel",
  "programming",
  "protocol",
  "routing",
  "security",
  "software",
  "standard",
  "storage",
  "types",
  "web",
]);

export const OFF_FIELD_TAGS: ReadonlySet<string> = new Set([
  "abuse",
  "audio",
  "benchmark",
  "body",
  "business",
  "character",
  "chat",
  "company",
  "computer",
  "convention",
  "education",
  "electronics",
  "exclamation",
  "games",
  "hardware",
  "history",
  "human language",
  "humour",
  "integrated circuit",
  "jargon",
  "job",
  "legal",
  "marketing",
  "medical",
  "music",
  "person",
  "philosophy",
  "printer",
  "processor",
  "publication",
  "recreation",
  "spelling",
  "unit",
  "video",
]);

/** Tags whose terms are methods, algorithms and concepts whatever their case ("Dijkstra's algorithm"). */
const TECHNIQUE_TAGS: ReadonlySet<string> = new Set([
  "algorithm",
  "artificial intelligence",
  "complexity",
  "compression",
  "concurrency",
  "cryptography",
  "functional programming",
  "logic programming",
  "memory management",
  "object-oriented",
  "parallel",
  "reduction",
  "theory",
  "types",
]);

/** Tags under which a common noun is a concept of the field ("relational algebra", "stable sort"). */
const CONCEPT_TAGS: ReadonlySet<string> = new Set([...TECHNIQUE_TAGS, "compiler", "database", "routing"]);

/**
 * FOLDOC capitalises the expansion of an acronym ("Forward Error Correction"), so there a
 * capital does not make a product: a name whose last word names a method is a technique,
 * unless its tags say it is a product ("Web Distributed Authoring and Versioning" is a protocol).
 * An algorithm is one whatever its tags.
 */
const METHOD_HEAD = /\b(?:\w+ing|analysis|algebra|calculus|control|correction|design|model|pattern|principle)$/i;
const ALGORITHM_HEAD = /\b(?:algorithm|search|sort)$/i;
/** Tags of things released or published, never of methods: "database" or "storage" name both. */
const RELEASED_TAGS: ReadonlySet<string> = new Set(["application", "file format", "library", "product", "project", "protocol", "software", "standard", "tool", "web"]);

/**
 * A phrase whose last word names a process or a discipline ("dead code elimination", "reference
 * counting", "lexical analysis") names a method even under a broad tag; one whose last word
 * names a thing ("text file", "child process") does not.
 */
const PROCESS_HEAD = /\s\S*(?:[^r]ing|tion|sion|ment|ism|sis|ance|ence|sort|search)$/;

/** Tags whose proper names are products, formats and protocols ("Kerberos", "HTTP/2"). */
const PRODUCT_TAGS: ReadonlySet<string> = new Set([
  "application",
  "database",
  "library",
  "product",
  "project",
  "tool",
  "file format",
  "file system",
  "operating system",
  "protocol",
  "software",
  "standard",
  "storage",
  "web",
]);

/**
 * Words that say an article is about the past: a product of the seventies or a language of one
 * paper is not what today's texts name, and its short name is usually a word ("INSIGHT").
 */
const HISTORIC = /\b(?:obsolete|defunct|discontinued|no longer (?:used|supported|developed|maintained)|historical|was an? (?:early|experimental))\b/i;
const OLD_YEAR = /\b19[4-8]\d\b/;

export interface Judged {
  name: string;
  type: EntityType;
  aliases: string[];
  /** Set for a one-word name, whose capitals are what tells it from a word ("BeOS", "beos"). */
  caseSensitive?: true;
}

/** Why a FOLDOC article was not taken, for the refresh's summary. */
export type Refusal =
  | "untagged"
  | "off-field"
  | "ambiguous"
  | "name-shape"
  | "acronym-only"
  | "common-word"
  | "historic"
  | "language"
  | "unreferenced"
  | "everyday-phrase"
  | "ordinary-phrase";

export interface Selection {
  judged?: Judged;
  refusal?: Refusal;
}

/** An acronym as FOLDOC writes one beside its expansion: capitals and digits, maybe one lower-case letter ("IPsec" is not). */
export function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, "");
  return /^[A-Z0-9][A-Z0-9&/+-]*[A-Z0-9+]?$/.test(name.replace(/\s/g, "")) && letters.length >= 2 && letters === letters.toUpperCase();
}

/** Whether FOLDOC writes a name as a common noun ("hash table"), not as a name ("Firefox", "B-tree"). */
function isLowerCase(name: string): boolean {
  return name === name.toLowerCase();
}

/** Names FOLDOC spells that cannot be a term of running text (markup, several clauses, symbols). */
function wellShaped(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    /^[\p{L}\p{N}]/u.test(name) &&
    !/[(){}[\]<>"=;:!?,*$@|\\~^]/.test(name) &&
    name.length >= 3 &&
    name.length <= 48 &&
    words.length <= 5 &&
    /\p{L}{2}/u.test(name) &&
    // Filename extensions and domains (".gz", "example.com") and version-stamped names are not terms.
    !/^\.|\.\w{2,4}$/.test(name)
  );
}

export interface SelectionContext {
  /** Whether a lower-case word is ordinary English (compromise's lexicon). */
  isCommonWord: (word: string) => boolean;
  /** How many other articles cite a name (by lookup key): see `citations`. */
  citations: ReadonlyMap<string, number>;
  /**
   * Lookup keys of names the review accepted although a rule of judgement refuses them (rules 4
   * to 6: "context switch" is an everyday phrase by its tags, and a concept by a reader's).
   */
  accepted?: ReadonlySet<string>;
  /** Lookup keys of words that never name an entity on their own (data/lexicon/sources.json). */
  stopwords: ReadonlySet<string>;
}

/**
 * The rules, in the order they apply:
 *  1. every sense is tagged, one tag of the field is among them, and no tag is off the field;
 *     an article whose senses mean different things is an ambiguous name and is left out;
 *  2. the name is a term a text would write (not markup, not a file extension, at most 5 words);
 *     an acronym is an alias of its expansion, never a term alone (acronyms collide with words);
 *  3. one word that is ordinary English, a stopword of the lexicon, or written as a common noun
 *     ("ciphertext") is not a name of the field, nor is one capitalised word ("Finder"): a name
 *     of one word must look like one ("ColdFusion", "Adam7") and is matched with its case;
 *  4. a common noun must carry a tag of methods or of database and compiler internals, or end
 *     in a word that names a process ("reference counting"): otherwise, under "programming" or
 *     "storage", it is everyday vocabulary ("local variable", "main memory");
 *  5. a term no other article cites is left out (FOLDOC's long tail of one-paper names);
 *  6. a product name must be current: not called obsolete, not dated to the fifties to eighties
 *     in its first lines; nor may it be made only of ordinary words ("Basic Operating System")
 *     unless the field abbreviates it; languages are left to Linguist, whose list is the
 *     field's, not the history of programming;
 *  The review may accept a name that rules 4 to 6 refuse; rules 1 to 3 are never waived.
 *  7. type: a technique when FOLDOC writes it as a common noun, when its tags say method or
 *     concept and none says product, or when its last word names a method ("... Correction")
 *     and no tag says product;
 *     otherwise a technology.
 */
export function selectFoldoc(article: FoldocArticle, context: SelectionContext): Selection {
  const tags = article.senses.map((s) => s.tags);
  if (tags.length === 0 || tags.some((t) => t.length === 0)) return { refusal: "untagged" };
  const all = new Set(tags.flat());
  if (![...all].some((t) => FIELD_TAGS.has(t)) || [...all].some((t) => OFF_FIELD_TAGS.has(t))) return { refusal: "off-field" };
  if (tags.length > 1 && new Set(tags.map((t) => [...t].sort().join(","))).size > 1) return { refusal: "ambiguous" };

  const shaped = article.names.filter(wellShaped);
  const expansion = shaped.find((n) => !isAcronym(n));
  if (!expansion) return { refusal: shaped.length > 0 ? "acronym-only" : "name-shape" };
  const words = expansion.split(/\s+/);
  const lower = isLowerCase(expansion);
  const methodTag = [...all].some((t) => TECHNIQUE_TAGS.has(t));
  if (words.length === 1) {
    const key = nameKey(expansion);
    if (context.isCommonWord(expansion.toLowerCase()) || context.stopwords.has(key)) return { refusal: "common-word" };
    // A lone common noun of the trade ("scope", "ciphertext", "complexity") is a word of every
    // text, a name of none, even under a method's tag; one-word methods are for the curated files.
    if (lower) return { refusal: "common-word" };
    // A capitalised word ("Finder", "Teamwork", "Mono") is a word at the start of every
    // sentence; a one-word name must look like one: a capital inside or a digit ("ColdFusion", "Adam7").
    if (!/\p{Ll}\p{Lu}|\d/u.test(expansion)) return { refusal: "common-word" };
  }
  const accepted = context.accepted?.has(nameKey(expansion)) === true;
  // A term no other article refers to is FOLDOC's long tail: one paper's name, a local joke.
  if (!accepted && !article.names.some((n) => (context.citations.get(nameKey(n)) ?? 0) > 0)) return { refusal: "unreferenced" };
  if (words.every((w) => context.stopwords.has(nameKey(w)))) return { refusal: "common-word" };

  if (all.has("language") && !lower) return { refusal: "language" };
  const product = [...all].some((t) => PRODUCT_TAGS.has(t));
  // A common noun under a broad tag ("programming", "storage", "networking") is mostly the
  // trade's everyday vocabulary ("local variable", "main memory", "file transfer"); only under a
  // tag of methods, or of database and compiler internals, is it a named concept.
  if (!accepted && lower && ![...all].some((t) => CONCEPT_TAGS.has(t)) && !PROCESS_HEAD.test(expansion)) return { refusal: "everyday-phrase" };
  const namedProduct = [...all].some((t) => RELEASED_TAGS.has(t));
  const technique = lower || (methodTag && !product) || ALGORITHM_HEAD.test(expansion) || (!namedProduct && METHOD_HEAD.test(expansion));
  const text = article.senses.map((s) => s.text).join(" ");
  if (HISTORIC.test(text)) return { refusal: "historic" };
  if (!technique && OLD_YEAR.test(text.slice(0, 200))) return { refusal: "historic" };
  // Capitals do not keep a phrase from matching ("a basic operating system"): a product name made
  // only of ordinary words reads as a phrase of running text, unless the field abbreviates it
  // ("Coordinated Universal Time", UTC), which makes it a name.
  const abbreviated = article.names.some((n) => n !== expansion && isAcronym(n));
  const ordinary = words.every((w) => context.isCommonWord(w.toLowerCase()) || context.stopwords.has(nameKey(w)));
  if (!accepted && !technique && words.length > 1 && ordinary && !abbreviated) {
    return { refusal: "ordinary-phrase" };
  }
  const aliases = article.names.filter((n) => n !== expansion && wellShaped(n) && nameKey(n) !== nameKey(expansion));
  const judged: Judged = { name: expansion, type: technique ? "technique" : "technology", aliases };
  if (words.length === 1) judged.caseSensitive = true;
  return { judged };
}

const CROSS_REFERENCE = /\{([^{}]+)\}/g;

/**
 * How many articles cite each name through FOLDOC's cross-references ("{hash table}"), an
 * article's citations of its own names left out. A citation with a URL ("{More (about.html)}")
 * points outside the dictionary and is not counted.
 */
export function citations(articles: readonly FoldocArticle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const own = new Set(article.names.map(nameKey));
    const cited = new Set<string>();
    for (const sense of article.senses) {
      for (const m of sense.text.matchAll(CROSS_REFERENCE)) {
        const key = nameKey(m[1] as string);
        if (key !== "" && !own.has(key) && !/\(.*\)/.test(m[1] as string)) cited.add(key);
      }
    }
    for (const key of cited) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
