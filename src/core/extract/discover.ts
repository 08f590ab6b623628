/**
 * Discovery: names the lexicon does not know, proposed by rules a reader can check. Each rule
 * looks at the word pieces of one field that no lexicon form has claimed, and proposes
 * candidates with a type and a strength. Strong candidates are kept on one sighting; weak ones
 * need to recur across articles (see `index.ts`), which keeps one-off capitalised words out.
 */
import type { EntityType, TextField } from "../types";
import { nameKey, singularKeys } from "./keys";
import { allMatches } from "./matches";
import { namedInPassing } from "./passing";
import { openPiecesWithin, piecesWithin, type Token } from "./tokens";
import { tagged } from "./wordclass";

export type RuleName =
  | "code-identifier"
  | "camel-case"
  | "named-law"
  | "acronym-definition"
  | "acronym"
  | "person"
  | "organization"
  | "possessive"
  | "title-source"
  | "title-head"
  | "title-at"
  | "proper-noun"
  | "passing-person"
  | "passing-organization";

export interface Candidate {
  /** Surface form as written (possessive dropped). */
  name: string;
  type: EntityType;
  rule: RuleName;
  /** Strong candidates stand on one sighting; weak ones must recur across articles. */
  strong: boolean;
  /** Other names the same thing goes by in this sighting (an acronym and its expansion). */
  aliases: string[];
  start: number;
  end: number;
}

export interface FieldView {
  field: TextField;
  text: string;
  tokens: readonly Token[];
  /** Pieces already claimed by a lexicon match. */
  claimed: readonly boolean[];
  /**
   * Pieces claimed by a brand from a bulk source, whose type the text has to tell: rules that
   * recognise companies may still vote on them.
   */
  brand: readonly boolean[];
  /** Keys of words that are never entities. */
  stopwords: ReadonlySet<string>;
  /** Ordinary English as compromise's lexicon knows it. */
  isCommonWord: (word: string) => boolean;
  /** Ordinary English, or a word this document writes in lower case in its sentences. */
  isOrdinary: (word: string) => boolean;
}

const SNAKE = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;
// An inner lower-to-upper change of case: DataFusion, ClickPipes, OpenSearch, uCache.
const CAMEL = /^(?:[A-Za-z][a-z0-9]*[a-z][A-Z]|[a-z]+[A-Z][a-z])/;
export const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;
// "CRDTs", "WALs": an acronym in the plural.
export const PLURAL_ACRONYM = /^[A-Z][A-Z0-9]{1,5}s$/;
const CAPITALISED = /^[A-Z][a-z]+$/;
const LAW_WORDS = new Set(["law", "theorem", "principle", "paradox", "razor", "conjecture"]);

/** Text between two pieces that still lets them form one name. */
function joins(view: FieldView, left: Token, right: Token): boolean {
  return /^[ \-]?$/.test(view.text.slice(left.end, right.start));
}

function surface(view: FieldView, from: Token, to: Token): string {
  return view.text.slice(from.start, to.end).replace(/['’]s$/i, "");
}

function candidate(
  view: FieldView,
  from: Token,
  to: Token,
  type: EntityType,
  rule: RuleName,
  strong: boolean,
  aliases: string[] = [],
): Candidate {
  const name = surface(view, from, to);
  return { name, type, rule, strong, aliases, start: from.start, end: from.start + name.length };
}

/** `pg_repack`, `work_mem`, `SCHED_FIFO`: identifiers copied from code are names of things. */
export function codeIdentifiers(view: FieldView): Candidate[] {
  return view.tokens.flatMap((t, i) =>
    !view.claimed[i] && SNAKE.test(t.text) && /[a-z]/i.test(t.text.replace(/_/g, ""))
      ? [candidate(view, t, t, "technology", "code-identifier", true)]
      : [],
  );
}

/** CamelCase words (DataFusion, TigerBeetle) are product or project names. */
export function camelCaseNames(view: FieldView): Candidate[] {
  return view.tokens.flatMap((t, i) =>
    !view.claimed[i] && CAMEL.test(t.caseKey) && !view.stopwords.has(t.key)
      ? [candidate(view, t, t, "technology", "camel-case", true)]
      : [],
  );
}

/** "Amdahl's Law", "CAP theorem": a capitalised name and a law word name a technique. */
export function namedLaws(view: FieldView): Candidate[] {
  const out: Candidate[] = [];
  const ts = view.tokens;
  for (let i = 0; i + 1 < ts.length; i += 1) {
    const name = ts[i];
    const law = ts[i + 1];
    if (!name || !law || view.claimed[i] || view.claimed[i + 1]) continue;
    if (!/^[A-Z]/.test(name.text) || !LAW_WORDS.has(law.key) || !joins(view, name, law)) continue;
    if (view.isCommonWord(name.key) && !name.possessive) continue;
    // Title case capitalises every word ("Data Science Conjecture"): there only a possessive
    // or an acronym ("Amdahl's Law", "CAP Theorem") names a law.
    if (view.field === "title" && !name.possessive && !ACRONYM.test(name.caseKey)) continue;
    out.push(candidate(view, name, law, "technique", "named-law", true));
  }
  return out;
}

/**
 * "Controlled Delay (CoDel)", "Data Access Layer (DAL)", "DSR (direct server return)": an
 * acronym next to words whose initials spell it. The expansion names the entity, the acronym
 * is its alias. The expansion's last word tells a technology (protocol, format, service...)
 * from a technique.
 */
export function acronymDefinitions(view: FieldView): Candidate[] {
  const out: Candidate[] = [];
  const ts = view.tokens;
  for (let i = 0; i < ts.length; i += 1) {
    const acr = ts[i];
    if (!acr || !/^[A-Za-z][A-Za-z0-9]{1,7}$/.test(acr.caseKey) || !/[A-Z].*[A-Z]/.test(acr.caseKey)) continue;
    const letters = acr.caseKey.replace(/[^A-Z]/g, "").toLowerCase();
    // Only a few characters around the acronym matter; slicing the whole field per piece would
    // make long insights quadratic.
    const before = view.text.slice(Math.max(0, acr.start - 3), acr.start);
    const after = view.text.slice(acr.end, acr.end + 3);
    // Expansion ( ACR ): the words right before the parenthesis.
    if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
      const expansion = expansionEndingAt(view, i - 1, letters, acr);
      if (expansion) out.push(expansion);
    }
    // ACR ( expansion ): the words right after the parenthesis.
    if (/^\s*\(/.test(after)) {
      const expansion = expansionStartingAt(view, i + 1, letters, acr);
      if (expansion) out.push(expansion);
    }
  }
  return out;
}

const TECHNOLOGY_HEADS = new Set([
  "protocol", "language", "format", "service", "services", "system", "engine", "database", "kit",
  "library", "framework", "server", "interface", "api", "standard", "platform", "runtime", "store",
  "machine", "toolkit", "compiler", "extensions", "extension", "instructions", "cloud", "manager",
]);

function initials(words: readonly Token[]): string {
  return words
    .map((w) => w.caseKey.replace(/[a-z0-9]+/g, "").toLowerCase() || w.key[0] || "")
    .join("")
    .replace(/[^a-z]/g, "");
}

/** What an expansion names, by its last word: "Model Context Protocol" a technology, "Controlled Delay" a technique. */
export function expansionType(words: readonly Token[]): EntityType {
  const head = words[words.length - 1]?.key ?? "";
  return TECHNOLOGY_HEADS.has(head) ? "technology" : "technique";
}

function acceptExpansion(view: FieldView, words: Token[], letters: string, acr: Token): Candidate | undefined {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  // Initials may come from every word ("Data Access Layer") or from capitals inside words
  // ("Controlled Delay" → CD for CoDel).
  const firstLetters = words.map((w) => w.key[0] ?? "").join("");
  if (firstLetters !== letters && initials(words) !== letters) return undefined;
  const expansion = surface(view, first, last);
  const type = expansionType(words);
  return { name: expansion, type, rule: "acronym-definition", strong: true, aliases: [acr.text.replace(/['’]s$/i, "")], start: first.start, end: first.start + expansion.length };
}

function expansionEndingAt(view: FieldView, end: number, letters: string, acr: Token): Candidate | undefined {
  const ts = view.tokens;
  for (let n = letters.length; n >= 2; n -= 1) {
    const words = ts.slice(end - n + 1, end + 1);
    if (words.length !== n || !words.every((w, k) => k === 0 || joins(view, words[k - 1] as Token, w))) continue;
    const hit = acceptExpansion(view, words, letters, acr);
    if (hit) return hit;
  }
  return undefined;
}

function expansionStartingAt(view: FieldView, start: number, letters: string, acr: Token): Candidate | undefined {
  const ts = view.tokens;
  for (let n = letters.length; n >= 2; n -= 1) {
    const words = ts.slice(start, start + n);
    if (words.length !== n || !words.every((w, k) => k === 0 || joins(view, words[k - 1] as Token, w))) continue;
    const close = view.text.slice((words[n - 1] as Token).end);
    if (!/^\s*[),]/.test(close)) continue;
    const hit = acceptExpansion(view, words, letters, acr);
    if (hit) return hit;
  }
  return undefined;
}

// "Query Execution II", "Part IV": a number, not an acronym.
const ROMAN = /^(?:I{2,3}|IV|VI{1,3}|IX|XI{0,3}|XIV|XV|XX)$/;

/** Bare acronyms (MVCC, WAL): weak, since many are units or one article's shorthand. */
export function acronyms(view: FieldView): Candidate[] {
  return view.tokens.flatMap((t, i) =>
    !view.claimed[i] &&
    !ROMAN.test(t.caseKey) &&
    // "JEK" of "GO-JEK": the rest of a hyphenated name the lexicon already read.
    !hyphenedToClaimed(view, i) &&
    (ACRONYM.test(t.caseKey) || PLURAL_ACRONYM.test(t.caseKey)) &&
    /[A-Z].*[A-Z]/.test(t.caseKey) &&
    !view.stopwords.has(t.key) &&
    // Ordinary words in capitals ("FULL", "REDO") are emphasis or a glued command's tail.
    !view.isCommonWord(t.key)
      ? [candidate(view, t, t, "technology", "acronym", false)]
      : [],
  );
}

function hyphenedToClaimed(view: FieldView, i: number): boolean {
  const t = view.tokens[i] as Token;
  const prev = view.tokens[i - 1];
  const next = view.tokens[i + 1];
  return (
    (prev !== undefined && view.claimed[i - 1] === true && view.text.slice(prev.end, t.start) === "-") ||
    (next !== undefined && view.claimed[i + 1] === true && view.text.slice(t.end, next.start) === "-")
  );
}

/** Runs of adjacent pieces carrying one of compromise's tags, outside lexicon matches. */
function taggedRuns(view: FieldView, tag: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const ts = view.tokens;
  let i = 0;
  while (i < ts.length) {
    const t = ts[i] as Token;
    if (view.claimed[i] || !t.tags.has(tag) || !/^[A-Z]/.test(t.text)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < ts.length) {
      const next = ts[j + 1] as Token;
      if (view.claimed[j + 1] || !next.tags.has(tag) || !/^[A-Z]/.test(next.text)) break;
      if ((ts[j] as Token).possessive || !joins(view, ts[j] as Token, next)) break;
      j += 1;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

// Last words that make a name a company's, however human its first word ("Margo Bank").
const COMPANY_WORDS = /^(?:Bank|Labs?|Inc|Corp|Group|Games|Studios?|Technologies|Systems|Software|Capital|Partners|Ventures|Airlines?|Motors|Media|Foundation|University|Institute|Research|Health|Insurance|Energy|Networks?)$/;

/**
 * compromise's people: two or three capitalised words (not acronyms: "CAL Report"), kept when
 * compromise knows the first name (Marc Brooker) or the surname is no English word (Bill Jia).
 */
export function people(view: FieldView): Candidate[] {
  return taggedRuns(view, "Person").flatMap(([i, j]) => {
    const words = view.tokens.slice(i, j + 1);
    const from = words[0] as Token;
    const to = words[words.length - 1] as Token;
    if (words.length < 2 || words.length > 3 || !words.every((w) => CAPITALISED.test(w.caseKey))) return [];
    if (COMPANY_WORDS.test(to.text)) return [];
    const named = from.tags.has("FirstName") || !view.isOrdinary(to.key);
    return named ? [candidate(view, from, to, "person", "person", true)] : [];
  });
}

/** compromise's organisations: weak, its guesses on technical text are often products. */
export function organizations(view: FieldView): Candidate[] {
  // Title case makes compromise see organisations everywhere in titles.
  if (view.field === "title") return [];
  return taggedRuns(view, "Organization").flatMap(([i, j]) => {
    const from = view.tokens[i] as Token;
    const to = view.tokens[j] as Token;
    if (view.tokens.slice(i, j + 1).every((t) => view.isOrdinary(t.key))) return [];
    return [candidate(view, from, to, "organization", "organization", false)];
  });
}

/**
 * "Uber's", "Stripe's": a capitalised, non-dictionary word in the possessive is usually the
 * company that owns what follows. Strong at the start of a title or description, where these
 * bookmarks name their source; weak elsewhere.
 */
export function possessives(view: FieldView): Candidate[] {
  return view.tokens.flatMap((t, i) => {
    if ((view.claimed[i] && !view.brand[i]) || !t.possessive || !CAPITALISED.test(t.caseKey) || view.isCommonWord(t.key)) return [];
    if (view.stopwords.has(t.key)) return [];
    // "Hyrum's Law", "Occam's razor": the possessive belongs to the law's name.
    const next = view.tokens[i + 1];
    if (next && LAW_WORDS.has(next.key)) return [];
    const prev = view.tokens[i - 1];
    if (prev && joins(view, prev, t) && /^[A-Z]/.test(prev.text) && !view.claimed[i - 1]) return [];
    const leading = view.field !== "insight" && i === 0;
    return [candidate(view, t, t, "organization", "possessive", leading)];
  });
}

/**
 * Capitalised words inside sentences of descriptions and insights (titles are in title case,
 * so there capitals say nothing): weak proper-noun candidates typed as technology.
 */
export function properNouns(view: FieldView): Candidate[] {
  if (view.field === "title") return [];
  const out: Candidate[] = [];
  view.tokens.forEach((t, i) => {
    if (view.claimed[i] || t.sentenceStart || t.glued || !CAPITALISED.test(t.caseKey)) return;
    if (!t.tags.has("ProperNoun") || t.tags.has("Person") || view.isOrdinary(t.key)) return;
    if (view.stopwords.has(t.key)) return;
    // After a colon or a dash a new clause starts, and capitals there prove nothing either.
    if (i === 0 || /[.:;!?—–-]\s*$/.test(view.text.slice(Math.max(0, t.start - 3), t.start))) return;
    out.push(candidate(view, t, t, "technology", "proper-noun", false));
  });
  return out;
}


/**
 * Names in a title's trailing parentheses, where bookmarks name their source: "(Netflix)",
 * "(Marc Brooker, CMU)", "(Google, NSDI'18)". A parenthesis also holds parts, topics and
 * formats ("(Part 2)", "(Garbage Collection)", "(PDF)"), so a part is taken for a source only
 * when it looks like one: a person's name, a part dated like a venue ("NSDI'18") or listed
 * beside one, an acronym, a web domain, a brand, or one word that is no English word. Other
 * capitalised phrases ("(Design Decisions)") are only weak candidates: they stand when the same
 * name is used as a proper name in another article. A part the lexicon already covers, or plain
 * words, is skipped; venue years are not part of the name.
 */
export function titleSources(view: FieldView): Candidate[] {
  if (view.field !== "title") return [];
  const match = /\(([^()]+)\)\s*$/.exec(view.text);
  if (!match) return [];
  const out: Candidate[] = [];
  let offset = match.index + 1;
  // Parts are separated by commas, "&" or "and": "(Rosenblum & Ousterhout)". Names joined by
  // "&" are co-authors.
  const authors = /&|\band\b/.test(match[1] ?? "");
  const parts = (match[1] ?? "").split(/,|&|\band\b/);
  // "(OS, Network/Protocol, Database, Storage)": a list of topics, not of sources.
  const topics = parts.filter((p) => {
    const words = p.trim().split(/[\s/-]+/);
    return view.stopwords.has(nameKey(p)) || words.every((w) => view.stopwords.has(nameKey(w)) || view.isOrdinary(w.toLowerCase()));
  });
  if (parts.length >= 3 && topics.length * 2 >= parts.length) return [];
  const dated = (part: string) => VENUE_YEAR.test(part.trim());
  const beside = parts.some(dated);
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    // The year alone is matched and the space before it trimmed after: a leading `\s*` in the
    // pattern would rescan a long run of spaces from each of its positions.
    const name = part.trim().replace(VENUE_YEAR, "").trimEnd();
    const start = offset + lead;
    offset += part.length + 1;
    const words = name.split(/\s+/);
    // Two letters ("JK", "MS") are too little to name anyone.
    if (!/^[A-Z]/.test(name) || words.length > 4 || name.replace(/[^\p{L}\p{N}]/gu, "").length < 3) continue;
    // "(Chapter 1)", "(RFC 9000)", "(Part 2)": a numbered document part, not who wrote it.
    if (words.length > 1 && /^\d+(?:\.\d+)*$/.test(words[words.length - 1] ?? "")) continue;
    const inside = openPiecesWithin(view, start, start + name.length);
    if (!inside) continue;
    const plain = name.split(/[\s/-]+/).every((w) => ordinaryWord(view, w.toLowerCase()));
    if (view.stopwords.has(nameKey(name)) || plain) continue;
    const personLike = words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][a-z]+\.?$|^[A-Z]\.$/.test(w));
    const person = (personLike && tagged(name, "#Person")) || (authors && /^[A-Z][a-z]+$/.test(name));
    const single = inside.length === 1 ? (view.tokens[inside[0] as number] as Token) : undefined;
    // "(RemoveSubQuery)": a CamelCase word is a project's name, which the camel-case rule reads.
    if (!person && single && CAMEL.test(single.caseKey)) continue;
    const sourceLike =
      person ||
      dated(part) ||
      beside ||
      inside.some((i) => view.brand[i]) ||
      /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(name) ||
      (single !== undefined && (ACRONYM.test(single.caseKey) || wordIsName(view, single)));
    // "(LC-3)", "(RISC-V)": a model number names a technology, not who wrote the article.
    const model = !person && words.length === 1 && /^[A-Z][A-Z0-9]*-[A-Z0-9]+$/.test(name);
    const type = person ? "person" : model ? "technology" : "organization";
    out.push({ name, type, rule: "title-source", strong: sourceLike || model, aliases: [], start, end: start + name.length });
  }
  return out;
}

/** An ordinary word, or the plural of one ("Protocols", "Decisions"). */
function ordinaryWord(view: FieldView, word: string): boolean {
  return view.isOrdinary(word) || singularKeys(word).some((w) => view.isOrdinary(w));
}

// "NSDI'18", "FOSDEM 2026", "SIGMOD 1979": a venue and its year.
const VENUE_YEAR = /(?:['’]\d{2}|\b(?:19|20)\d{2})$/;

/** One capitalised word that is no English word, nor a verb, an adjective or a plural ("Zalando", not "Decorrelate"). */
function wordIsName(view: FieldView, token: Token): boolean {
  if (!CAPITALISED.test(token.caseKey) || ordinaryWord(view, token.key)) return false;
  return !tagged(token.key, "(#Verb|#Adjective|#Adverb|#Plural)");
}

// "at Various Layers", "at Multiple Levels": a quantity of things, not a company.
const QUANTIFIER = /^(?:Various|Different|Multiple|Several|Many|Most|All|Each|Every|Any|Some|Both|Other|Every)\s/;

const AT_PHRASES =
  /^(?:Scale|Last|First|Once|Least|Most|Home|Work|Rest|Speed|Runtime|Compile Time|Startup|Night|Large|Heart|Glance|Random|Length|Peak|Play|Best|Worst|All|Any Scale|Massive Scale|Web Scale|Planet Scale|Global Scale|Hyperscale|Internet Scale|Warp Speed|Full Speed|Line Rate|Wire Speed|Risk|Hand|Stake|Times|Will|Ease|Work|Home|Sea|War|School|Play|Odds|Face Value)$/i;

/**
 * "Scaling Kafka at LinkedIn", "CRDTs at SoundCloud": a capitalised name after "at" that ends a
 * title (or its part before the colon or the parentheses) is the company the story comes from.
 */
export function titleAt(view: FieldView): Candidate[] {
  if (view.field !== "title") return [];
  const out: Candidate[] = [];
  const pattern = /\bat (\p{Lu}[\p{L}\p{N}_.&'’-]*(?: \p{Lu}[\p{L}\p{N}_.&'’-]*){0,2})(?=\s*(?:$|:|\(| -|,))/gu;
  for (const match of allMatches(view.text, pattern)) {
    const name = (match[1] ?? "").replace(/['’]s$/, "");
    const start = match.index + 3;
    if (!openPiecesWithin(view, start, start + name.length)) continue;
    // Companies are often plain words (Picnic, Square, Slack), so an ordinary word counts here,
    // except in the phrases that end titles ("at Scale", "at Runtime").
    if (view.stopwords.has(nameKey(name)) || AT_PHRASES.test(name) || QUANTIFIER.test(name)) continue;
    out.push({ name, type: "organization", rule: "title-at", strong: true, aliases: [], start, end: start + name.length });
  }
  return out;
}

const QUESTION_WORDS = /^(how|why|what|when|where|who|which|building|making|writing|using|introducing|announcing|the|a|an|on|in|my|our|your)$/i;

/**
 * "Uforwarder: Uber's Kafka Consumer Proxy", "compio: Thread-per-Core Runtime": a short name
 * before a title's colon is what the article is about, most often a project or product.
 */
export function titleHeads(view: FieldView): Candidate[] {
  if (view.field !== "title") return [];
  const colon = view.text.indexOf(": ");
  if (colon <= 0) return [];
  const head = view.text.slice(0, colon);
  const words = head.trim().split(/\s+/);
  if (words.length > 2 || QUESTION_WORDS.test(words[0] ?? "")) return [];
  const inside = piecesWithin(view.tokens, 0, colon);
  // "parquet-linter", "rust-vmm": a lower-case compound is one project name, whatever its parts mean.
  const compound = words.length === 1 && /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(words[0] ?? "") && !(words[0] ?? "").split("-").every((w) => view.isOrdinary(w));
  if (inside.length === 0 || (!compound && inside.every((i) => view.claimed[i]))) return [];
  // Each word is capitalised, code-like (uCache, parquet-linter) or at least not plain English.
  const nameLike = (w: string) =>
    /^[\p{L}\p{N}][\p{L}\p{N}_.+-]*$/u.test(w) && (/^[A-Z]/.test(w) || /[A-Z0-9_.+-]/.test(w.slice(1)) || !view.isOrdinary(w));
  if (!words.every(nameLike)) return [];
  if (words.every((w) => view.isCommonWord(w.toLowerCase().replace(/['’]s$/, "")))) return [];
  if (words.some((w) => /['’]s$/.test(w))) return [];
  // "Throttling: ...", "Unthrottled: ...": a lone verb or adjective is a topic, not a name.
  if (words.length === 1 && tagged((words[0] ?? "").toLowerCase(), "(#Verb|#Gerund|#Adjective|#Adverb)")) return [];
  // "PostgreSQL Performance: ...", "Rust Embedded: ...": a known name and plain words are a topic.
  const open = inside.filter((i) => !view.claimed[i] || view.brand[i]);
  if (!compound && open.length < inside.length && open.every((i) => view.isOrdinary((view.tokens[i] as Token).key))) return [];
  const first = view.tokens[inside[0] as number] as Token;
  const last = view.tokens[inside[inside.length - 1] as number] as Token;
  return [candidate(view, first, last, describesTechnique(view.text.slice(colon + 2)) ? "technique" : "technology", "title-head", true)];
}

// What the words after a title's colon call the name: "wyhash: The Fastest Quality Hash Function".
const TECHNIQUE_KINDS = /\b(?:algorithms?|techniques?|patterns?|methods?|heuristics?|hash functions?|data structures?|filters?|sketch(?:es)?)$/i;

/** The description after the colon, up to its first preposition or parenthesis, names a technique kind. */
function describesTechnique(description: string): boolean {
  // One character of space on each side is enough to find the phrase's end, which is trimmed:
  // runs such as `\s+` or `\s*` at the pattern's start would rescan long runs of spaces.
  const end = description.search(/\s(?:for|in|with|on|of|at|to|from|via|using)\s|[(,;—–-]\s/i);
  return TECHNIQUE_KINDS.test((end < 0 ? description : description.slice(0, end)).trim());
}

export const FIELD_RULES: ReadonlyArray<(view: FieldView) => Candidate[]> = [
  namedInPassing,
  titleSources,
  titleAt,
  titleHeads,
  acronymDefinitions,
  namedLaws,
  people,
  codeIdentifiers,
  camelCaseNames,
  possessives,
  organizations,
  acronyms,
  properNouns,
];
