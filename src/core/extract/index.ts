/**
 * Entity extraction: one compromise pass per text field, with the lexicon registered as a
 * compromise plugin; lexicon lookups over the word pieces; discovery rules for what the lexicon
 * does not know; normalisation of every surface form to one entity.
 */
import { slug } from "../slug";
import type { Entity, EntityType, Entry, Evidence, Extraction, Mention, TextField } from "../types";
import { FIELD_RULES, type Candidate, type FieldView, type RuleName } from "./discover";
import { nameKey, pieceKey, pieces, singularKeys } from "./keys";
import { indexLexicon, isBulk, type Form, type Lexicon, type LexiconIndex, type LexiconTerm } from "./lexicon";
import { definedInArticle } from "./acronyms";
import { draftFor, mostFrequent, record, type Draft } from "./drafts";
import { passages } from "./passages";
import { unifyDrafts } from "./unify";
import { isCommonWord, registerLexicon } from "./plugin";
import { tag } from "./tagging";
import { splitGluedIdentifiers, standaloneIdentifiers, tokensOf, type TermLike, type Token } from "./tokens";

export type { Lexicon, LexiconTerm } from "./lexicon";

export interface ExtractorOptions {
  /** Propose names beyond the lexicon (default true). */
  discover?: boolean;
  /** Articles a weak discovered name must occur in to be kept (default 2). */
  minArticles?: number;
  /** Recognise the lexicon's broad concept words (replication, compaction...) (default true). */
  broadConcepts?: boolean;
}

export interface ExtractOptions {
  /** Told how many entries have been read so far (most of extraction's time), as it goes. */
  onProgress?: (entriesRead: number) => void;
}

export interface Extractor {
  extract(entries: readonly Entry[], options?: ExtractOptions): Extraction;
}

const DEFAULTS: Required<ExtractorOptions> = { discover: true, minArticles: 2, broadConcepts: true };

/** A text field of an entry, in reading order. */
export interface FieldRef {
  field: TextField;
  index: number;
  text: string;
}

export function fieldsOf(entry: Entry): FieldRef[] {
  const fields: FieldRef[] = [
    { field: "title", index: 0, text: entry.title },
    { field: "description", index: 0, text: entry.description },
    ...entry.insights.map((text, index): FieldRef => ({ field: "insight", index, text })),
  ];
  return fields.filter((f) => f.text.trim() !== "");
}

/** A discovery rule's candidate, with where it was seen. */
interface Found {
  entry: number;
  field: FieldRef;
  candidate: Candidate;
}

const indexes = new WeakMap<Lexicon, Map<boolean, LexiconIndex>>();

/** Indexing and registering a lexicon is done once per lexicon object and option. */
function indexFor(lexicon: Lexicon, broadConcepts: boolean): LexiconIndex {
  const byOption = indexes.get(lexicon) ?? new Map<boolean, LexiconIndex>();
  indexes.set(lexicon, byOption);
  let index = byOption.get(broadConcepts);
  if (!index) {
    index = indexLexicon(lexicon, isCommonWord, broadConcepts);
    registerLexicon(index);
    byOption.set(broadConcepts, index);
  }
  return index;
}

export function createExtractor(lexicon: Lexicon, options: ExtractorOptions = {}): Extractor {
  const settings = { ...DEFAULTS, ...options };
  const index = indexFor(lexicon, settings.broadConcepts);
  const contextKeys = new Map<LexiconTerm, Set<string>>();
  for (const term of lexicon.terms) if (term.context) contextKeys.set(term, new Set(term.context.map(nameKey)));

  return {
    extract(entries, options = {}) {
      const document = readDocument(entries, index, options.onProgress);
      const drafts = new Map<string, Draft>();
      const candidates: Found[] = [];
      document.fields.forEach((fields, entryIndex) => {
        const context = contextOf(entries[entryIndex] as Entry, fields);
        const headline = headlineOf(fields);
        const sighted: Found[] = [];
        for (const { field, tokens } of fields) {
          const claims = claimLexiconNames(drafts, entryIndex, field, tokens, document, index, contextKeys, context, headline);
          if (!settings.discover) continue;
          const view: FieldView = {
            field: field.field,
            text: field.text,
            tokens,
            ...claims,
            stopwords: index.stopwords,
            isCommonWord,
            isOrdinary: document.isOrdinary,
          };
          for (const rule of FIELD_RULES) for (const candidate of rule(view)) sighted.push({ entry: entryIndex, field, candidate });
        }
        const defined = definedInArticle(fields.map(({ field, tokens }) => ({ field, text: field.text, tokens })), sighted);
        candidates.push(...sighted, ...defined.map((d) => ({ entry: entryIndex, ...d })));
      });
      if (settings.discover) {
        resolveCandidates(candidates, drafts, index);
        unifyDrafts(drafts, index);
      }
      return finish(drafts, settings.minArticles);
    },
  };
}

interface TokenizedField {
  field: FieldRef;
  tokens: Token[];
}

/** The word pieces of every field, and what the document as a whole says about words. */
interface DocumentView {
  fields: TokenizedField[][];
  vocabulary: ReadonlySet<string>;
  isOrdinary: (word: string) => boolean;
}

/**
 * One compromise pass per field, up front: the rules need the whole document's vocabulary and
 * identifiers before they judge a capitalised word or repair a glued one.
 */
function readDocument(entries: readonly Entry[], index: LexiconIndex, onProgress?: ExtractOptions["onProgress"]): DocumentView {
  const fields = entries.map((entry, i) => {
    const read = fieldsOf(entry).map((field) => ({ field, tokens: tokenize(field.text, index) }));
    onProgress?.(i + 1);
    return read;
  });
  const vocabulary = lowercaseVocabulary(fields.flat());
  const isOrdinary = (word: string) => isCommonWord(word) || vocabulary.has(word);
  const identifiers = standaloneIdentifiers(fields.flat().map((f) => f.tokens));
  // Inflected forms count too: "holds", "competes" are words when "hold" and "compete" are.
  const isWord = (word: string) =>
    /^[a-z]+$/.test(word) && [word, word.replace(/(?:es|s|ed|ing)$/, "")].some((w) => w.length >= 2 && (isOrdinary(w) || index.glueWords.has(w)));
  for (const f of fields.flat()) f.tokens = splitGluedIdentifiers(f.tokens, identifiers, isWord);
  return { fields, vocabulary, isOrdinary };
}

/**
 * Context for ambiguous names: every word of the entry, singular and plural, and of the section
 * it is filed under ("Programming Languages" makes "Go" the language).
 */
function contextOf(entry: Entry, fields: readonly TokenizedField[]): Set<string> {
  const context = new Set<string>();
  const words = [
    ...fields.flatMap(({ tokens }) => tokens.map((t) => t.key)),
    ...[entry.section, entry.subsection].flatMap((heading) => pieces(heading).map((p) => pieceKey(p.text))),
  ];
  for (const word of words) for (const form of [word, ...singularKeys(word)]) context.add(form);
  return context;
}

/** What the title of an entry says about its capitals. */
interface Headline {
  /** Most longer words of the title are capitalised: there a capital proves nothing. */
  titleCase: boolean;
  /** The title is written in capitals: there case says nothing at all. */
  allCaps: boolean;
  /** Whether the entry's other fields write this piece as written here, where a capital counts. */
  inBody: (caseKey: string) => boolean;
}

function headlineOf(fields: readonly TokenizedField[]): Headline {
  const title = fields.find((f) => f.field.field === "title")?.tokens ?? [];
  const words = title.filter((t, i) => i > 0 && t.word !== title[0]?.word && /^[A-Za-z]{4,}$/.test(t.text));
  const capitalised = words.filter((t) => /^[A-Z]/.test(t.text)).length;
  // Gathered once, on the first question: most entries never ask.
  let body: Set<string> | undefined;
  const inBody = (caseKey: string) => {
    body ??= new Set(fields.flatMap((f) => (f.field.field === "title" ? [] : f.tokens.map((t) => t.caseKey))));
    return body.has(caseKey);
  };
  const letters = title.map((t) => t.text).join("").replace(/[^\p{L}]/gu, "");
  const allCaps = letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return { titleCase: words.length >= 2 && capitalised / words.length >= 0.6, allCaps, inBody };
}

/**
 * A one-word brand from a bulk source that is spelt like a plain capitalised word ("Velocity",
 * "Hypothesis", "Task") says nothing in a Title Case title unless the entry's own sentences
 * capitalise it too; the brand lists hold too many English words for their capitals to count.
 */
function onlyTitleCase(field: FieldRef, token: Token, headline: Headline): boolean {
  return field.field === "title" && headline.titleCase && /^[A-Z][a-z]+$/.test(token.caseKey) && !headline.inBody(token.caseKey);
}

/**
 * A common noun that ends a lower-case compound ("linter" in "parquet-linter") is part of that
 * compound's name, not a mention of the concept.
 */
const PREFIXES = new Set(
  "micro macro multi non pre post re sub super co auto self anti semi inter intra hyper ultra mini over under cross de un mid meta long short".split(" "),
);

function isCompoundTail(text: string, tokens: readonly Token[], match: LexiconMatch): boolean {
  const from = tokens[match.from] as Token;
  const to = tokens[match.to] as Token;
  const before = tokens[match.from - 1];
  const after = tokens[match.to + 1];
  if (!before || text.slice(before.end, from.start) !== "-" || (after && text.slice(to.end, after.start) === "-")) return false;
  let start = match.from - 1;
  while (start > 0 && text.slice((tokens[start - 1] as Token).end, (tokens[start] as Token).start) === "-") start -= 1;
  // "micro-benchmarks", "non-blocking" are the concept with a prefix, not a name.
  if (match.from - start === 1 && PREFIXES.has(before.key)) return false;
  const compound = text.slice((tokens[start] as Token).start, to.end);
  return compound === compound.toLowerCase() && match.form.text === match.form.text.toLowerCase() && match.from === match.to;
}

/** Records the lexicon names of one field and returns which pieces they claimed. */
function claimLexiconNames(
  drafts: Map<string, Draft>,
  entryIndex: number,
  field: FieldRef,
  tokens: readonly Token[],
  document: DocumentView,
  index: LexiconIndex,
  contextKeys: ReadonlyMap<LexiconTerm, ReadonlySet<string>>,
  context: ReadonlySet<string>,
  headline: Headline,
): { claimed: boolean[]; brand: boolean[] } {
  const claimed = tokens.map(() => false);
  const brand = tokens.map(() => false);
  // In a headline-case or all-caps title, case carries no meaning for concept words.
  const caseFree = field.field === "title" && (headline.titleCase || headline.allCaps);
  for (const match of matchLexicon(tokens, field.text, index, contextKeys, context, caseFree)) {
    const from = tokens[match.from] as Token;
    const to = tokens[match.to] as Token;
    const bulk = isBulk(match.form.term);
    // A one-word brand the document also writes in lower case ("satellite") is a word here.
    if (bulk && match.from === match.to && (document.vocabulary.has(from.key) || onlyTitleCase(field, from, headline))) continue;
    if (isCompoundTail(field.text, tokens, match)) continue;
    for (let k = match.from; k <= match.to; k += 1) {
      claimed[k] = true;
      brand[k] = bulk || match.form.term.company === true;
    }
    const draft = draftFor(drafts, termKey(match.form.term), match.form.term);
    const evidence: Evidence = { field: field.field, index: field.index, start: from.start, end: to.end };
    record(draft, entryIndex, evidence, field.text.slice(from.start, to.end));
    draft.strong = true;
  }
  return { claimed, brand };
}

/**
 * Words the document itself writes in lower case inside sentences ("distributed", "systems"):
 * when they turn up capitalised in a title they are title case, not a name.
 */
function lowercaseVocabulary(fields: readonly TokenizedField[]): Set<string> {
  const words = new Set<string>();
  for (const { field, tokens } of fields) {
    if (field.field === "title") continue;
    for (const t of tokens) if (!t.glued && /^[a-z]{3,}$/.test(t.text)) words.add(t.key);
  }
  return words;
}

/**
 * compromise reads a field passage by passage (see `passages.ts`: a real field is one passage),
 * and the pieces of every passage are shifted back into the field: offsets index the field
 * text, word numbers run on across passages, and a passage cut anywhere but at a sentence end
 * does not open a sentence with its first word.
 */
function tokenize(text: string, index: LexiconIndex): Token[] {
  const out: Token[] = [];
  let words = 0;
  for (const { start, end, opensSentence } of passages(text)) {
    const doc = tag(text.slice(start, end));
    doc.compute("offset");
    const terms = doc.termList() as unknown as TermLike[];
    for (const token of tokensOf(terms, index)) {
      out.push(
        start === 0
          ? token
          : { ...token, start: token.start + start, end: token.end + start, word: token.word + words, sentenceStart: token.sentenceStart && (opensSentence || token.word > 0) },
      );
    }
    words += terms.length;
  }
  return out;
}

interface LexiconMatch {
  from: number;
  to: number;
  form: Form;
}

/** Text between two pieces that lets a lexicon form run across them. */
function continues(text: string, left: Token, right: Token): boolean {
  return /^[ \-/]?$/.test(text.slice(left.end, right.start)) && left.word <= right.word;
}

/**
 * Longest match, left to right. A shared key is resolved by context, and left out when the
 * context does not single out one term.
 */
function matchLexicon(
  tokens: readonly Token[],
  text: string,
  index: LexiconIndex,
  contextKeys: ReadonlyMap<LexiconTerm, ReadonlySet<string>>,
  context: ReadonlySet<string>,
  caseFree = false,
): LexiconMatch[] {
  const out: LexiconMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: LexiconMatch | undefined;
    let key = "";
    let caseKey = "";
    const prev = tokens[i - 1];
    const introduced = prev !== undefined && INTRODUCERS.has(prev.text) && text.slice(prev.end, (tokens[i] as Token).start) === " ";
    for (let j = i; j < tokens.length && j < i + index.maxPieces; j += 1) {
      const t = tokens[j] as Token;
      if (j > i && !continues(text, tokens[j - 1] as Token, t)) break;
      key += t.key;
      caseKey += t.caseKey;
      const form = lookup(index, key, caseKey, j - i + 1, contextKeys, context, introduced && !namesGoOn(text, tokens, j), caseFree);
      if (form) best = { from: i, to: j, form };
      // A plural is only ever the last piece, so a window that is no form's prefix is done.
      if (!index.prefixes.has(key)) break;
    }
    if (best && !index.stopwords.has(nameKey(best.form.text))) {
      out.push(best);
      i = best.to + 1;
    } else i += 1;
  }
  const shared = sharedHeads(tokens, text, index, out, contextKeys, context);
  return [...out, ...shared, ...surnameLists(tokens, text, index, [...out, ...shared])];
}

/**
 * "Bailis, Hellerstein, Stonebraker's readings": two or more surnames of known people listed
 * together name those people; one surname alone is too weak ("Love", "Fog").
 */
function surnameLists(tokens: readonly Token[], text: string, index: LexiconIndex, matches: readonly LexiconMatch[]): LexiconMatch[] {
  if (index.surnames.size === 0 || !tokens.some((t) => index.surnames.has(t.key))) return [];
  const claimed = new Set(matches.flatMap((m) => Array.from({ length: m.to - m.from + 1 }, (_, k) => m.from + k)));
  const surname = (i: number): Form | undefined => {
    const t = tokens[i];
    const form = t && !claimed.has(i) ? index.surnames.get(t.key) : undefined;
    return form && form.caseKey === t?.caseKey ? form : undefined;
  };
  const out: LexiconMatch[] = [];
  let run: LexiconMatch[] = [];
  const close = () => {
    if (run.length >= 2) out.push(...run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const form = surname(i);
    if (!form) continue;
    const last = run[run.length - 1];
    const gap = last ? text.slice((tokens[last.to] as Token).end, (tokens[i] as Token).start) : "";
    if (last && !/^(?:,\s*|\s*&\s*|,?\s+and\s+)$/.test(gap)) close();
    run.push({ from: i, to: i, form });
  }
  close();
  return out;
}

const CONJUNCTIONS = new Set(["and", "or"]);

/**
 * "Bloom, cuckoo and quotient filters": modifiers listed before a multi-word name share its
 * last word, and each names a term when modifier and head word together do.
 */
function sharedHeads(
  tokens: readonly Token[],
  text: string,
  index: LexiconIndex,
  matches: readonly LexiconMatch[],
  contextKeys: ReadonlyMap<LexiconTerm, ReadonlySet<string>>,
  context: ReadonlySet<string>,
): LexiconMatch[] {
  if (!matches.some((m) => m.to > m.from)) return [];
  const claimed = new Set(matches.flatMap((m) => Array.from({ length: m.to - m.from + 1 }, (_, k) => m.from + k)));
  const out: LexiconMatch[] = [];
  for (const match of matches) {
    if (match.to === match.from) continue;
    const head = tokens[match.to] as Token;
    let next = match.from;
    for (let j = match.from - 1; j >= 0; j -= 1) {
      let item = tokens[j] as Token;
      let gap = text.slice(item.end, (tokens[next] as Token).start);
      if (CONJUNCTIONS.has(item.key) && gap === " " && j > 0) {
        j -= 1;
        gap = text.slice((tokens[j] as Token).end, item.start);
        item = tokens[j] as Token;
        if (!/^,? $/.test(gap)) break;
      } else if (!/^\s*[,/&]\s*$/.test(gap)) break;
      if (!claimed.has(j)) {
        const form = lookup(index, item.key + head.key, item.caseKey + head.caseKey, 2, contextKeys, context);
        if (!form || form.pieces < 2 || form.term === match.form.term) break;
        out.push({ from: j, to: j, form });
      }
      next = j;
    }
  }
  return out;
}

// "Microservices in Go", "written in Swift", "pipelines with Spark": a technology's name after
// these words, written in its exact case, is the technology even without other context.
const INTRODUCERS = new Set(["in", "with", "using"]);

/** A capitalised word right after the name makes it part of a longer one ("with Ray Dalio"). */
function namesGoOn(text: string, tokens: readonly Token[], j: number): boolean {
  const next = tokens[j + 1];
  return next !== undefined && text.slice((tokens[j] as Token).end, next.start) === " " && /^[A-Z]/.test(next.text);
}

function lookup(
  index: LexiconIndex,
  key: string,
  caseKey: string,
  width: number,
  contextKeys: ReadonlyMap<LexiconTerm, ReadonlySet<string>>,
  context: ReadonlySet<string>,
  introduced = false,
  caseFree = false,
): Form | undefined {
  const exact = index.forms.get(key);
  const attempts: Array<[string, string, boolean]> = [[key, caseKey, false]];
  // Plural forms are tried only when the key as written is unknown.
  const singular = exact ? [] : singularKeys(key);
  const caseSingular = singularKeys(caseKey);
  singular.forEach((k, n) => attempts.push([k, caseSingular[n] ?? k, true]));
  for (const [k, ck, plural] of attempts) {
    const forms = index.forms.get(k);
    if (!forms) continue;
    const fitting = forms.filter(
      (f) =>
        f.pieces >= width &&
        (!plural || pluralizes(f)) &&
        (!f.caseSensitive || f.caseKey === ck || (caseFree && f.anyCaseInHeadline)) &&
        (inContext(f.term, contextKeys, context) || (introduced && f.caseSensitive && f.term.type === "technology" && k.length >= 2)),
    );
    const terms = new Set(fitting.map((f) => f.term));
    if (terms.size === 1) return fitting[0];
    if (terms.size > 1) return preferred(fitting);
  }
  return undefined;
}

/**
 * One of several terms that share a key: the one whose context rule is met over those that have
 * none, else the one whose canonical name it is over those that only list it as an alias
 * ("Bigtable" the system over "Google Bigtable"'s alias); none when that does not single one out.
 */
function preferred(forms: readonly Form[]): Form | undefined {
  for (const keep of [(f: Form) => f.term.context !== undefined, (f: Form) => f.text === f.term.name]) {
    const kept = forms.filter(keep);
    if (new Set(kept.map((f) => f.term)).size === 1) return kept[0];
  }
  return undefined;
}

/**
 * Common nouns ("Bloom filter") and acronyms ("CRDT") take a plural; proper names do not, so
 * "hotspots" is not HotSpot and "Kafkas" is not Kafka.
 */
function pluralizes(form: Form): boolean {
  const last = pieces(form.text).pop()?.text ?? "";
  return last === last.toLowerCase() || last === last.toUpperCase();
}

function inContext(term: LexiconTerm, contextKeys: ReadonlyMap<LexiconTerm, ReadonlySet<string>>, context: ReadonlySet<string>): boolean {
  const wanted = contextKeys.get(term);
  if (!wanted) return true;
  for (const w of wanted) if (context.has(w)) return true;
  return false;
}

function termKey(term: LexiconTerm): string {
  return nameKey(term.name);
}

/**
 * Candidates become entities: a name that a lexicon form covers joins that entity (its type
 * comes from the lexicon); others are grouped by key, singular and plural together, and typed
 * by the majority of the rules that proposed them.
 */
function resolveCandidates(
  found: readonly Found[],
  drafts: Map<string, Draft>,
  index: LexiconIndex,
): void {
  // Aliases learnt from definitions ("Data Access Layer (DAL)") send later bare uses to the same entity.
  const aliasOf = new Map<string, string>();
  for (const { candidate } of found) {
    if (candidate.rule !== "acronym-definition") continue;
    for (const alias of candidate.aliases) aliasOf.set(nameKey(alias), nameKey(candidate.name));
  }
  // A weak name inside a strong one's span is a piece of it: "JEK" of "at GO-JEK".
  const strongIn = new Map<FieldRef, Candidate[]>();
  for (const f of found) {
    if (!f.candidate.strong) continue;
    const strong = strongIn.get(f.field);
    if (strong) strong.push(f.candidate);
    else strongIn.set(f.field, [f.candidate]);
  }
  const covers = new Map([...strongIn].map(([field, strong]) => [field, coverage(strong)]));
  const insideStrong = ({ field, candidate: c }: Found) => !c.strong && (covers.get(field)?.(c) ?? false);
  const seen = new Spans(drafts.values());
  for (const { entry, field, candidate } of found.filter((f) => !insideStrong(f))) {
    let key = nameKey(candidate.name);
    if (key === "" || index.stopwords.has(key)) continue;
    key = aliasOf.get(key) ?? key;
    const lexical = lexiconKey(index, key);
    // Singular and plural meet whichever comes first ("PoPs" then "PoP").
    const existing =
      drafts.get(key) ??
      singularKeys(key).map((k) => drafts.get(k)).find((d) => d) ??
      [`${key}s`, `${key}es`].map((k) => drafts.get(k)).find((d) => d && !d.term);
    const draft = lexical ? draftFor(drafts, lexical.key, lexical.term) : existing ?? draftFor(drafts, key);
    const evidence: Evidence = { field: field.field, index: field.index, start: candidate.start, end: candidate.end };
    if (!seen.overlaps(draft, entry, evidence)) {
      record(draft, entry, evidence, candidate.name);
      seen.add(draft, entry, evidence);
    }
    for (const alias of candidate.aliases) draft.aliases.add(alias);
    if (candidate.rule === "acronym-definition") draft.defined ??= candidate.name;
    draft.types.set(candidate.type, (draft.types.get(candidate.type) ?? 0) + TYPE_WEIGHT[candidate.rule]);
    if (candidate.strong) draft.strong = true;
  }
}

/**
 * How much a rule's sighting says about the type: a name in a title's source parentheses or a
 * person's first and last name is clearer than a bare acronym.
 */
const TYPE_WEIGHT: Record<RuleName, number> = {
  "title-source": 4,
  person: 4,
  "passing-person": 4,
  "passing-organization": 3,
  "acronym-definition": 3,
  "named-law": 3,
  possessive: 2,
  "title-head": 2,
  "title-at": 3,
  "code-identifier": 2,
  "camel-case": 1,
  organization: 1,
  acronym: 1,
  "proper-noun": 1,
};

function lexiconKey(index: LexiconIndex, key: string): { key: string; term: LexiconTerm } | undefined {
  for (const k of [key, ...singularKeys(key)]) {
    const forms = index.forms.get(k) ?? [];
    const term = new Set(forms.map((f) => f.term)).size === 1 ? forms[0]?.term : preferred(forms)?.term;
    if (term && !term.context) return { key: termKey(term), term };
  }
  return undefined;
}

/** The first of `count` positions at which `past` holds, given it holds at every later one too. */
function bisect(count: number, past: (i: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (past(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Whether a span lies inside a longer one of `spans`, answered by bisection over the spans
 * sorted by start, with the furthest end reached so far: a field with thousands of strong
 * names costs a logarithm per candidate, not a scan. "Longer" means it starts before the span
 * and reaches its end, or starts with or before it and ends after it.
 */
function coverage(spans: readonly { start: number; end: number }[]): (span: { start: number; end: number }) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(reach[reach.length - 1] ?? -1, s.end));
  // The furthest end among spans whose start passes the test.
  const furthest = (count: number) => (count === 0 ? -1 : (reach[count - 1] as number));
  return (span) =>
    furthest(bisect(sorted.length, (i) => (sorted[i] as { start: number }).start >= span.start)) >= span.end ||
    furthest(bisect(sorted.length, (i) => (sorted[i] as { start: number }).start > span.start)) > span.end;
}

/**
 * The spans already recorded for each entity, per field: a candidate that overlaps one is the
 * same sighting found by another rule. One entity's spans in one field never overlap (lexicon
 * matches claim disjoint pieces, and an overlapping candidate is not recorded), so they are
 * kept in text order and searched by bisection: a name repeated thousands of times in one field
 * costs a logarithm per sighting, not a scan.
 */
class Spans {
  private readonly byDraft = new Map<Draft, Map<string, Evidence[]>>();

  constructor(drafts: Iterable<Draft>) {
    for (const draft of drafts) for (const { entry, evidence } of draft.sightings) this.add(draft, entry, evidence);
  }

  private list(draft: Draft, entry: number, evidence: Evidence): Evidence[] {
    let byField = this.byDraft.get(draft);
    if (!byField) this.byDraft.set(draft, (byField = new Map()));
    const key = `${entry}:${evidence.field}:${evidence.index}`;
    let list = byField.get(key);
    if (!list) byField.set(key, (list = []));
    return list;
  }

  overlaps(draft: Draft, entry: number, evidence: Evidence): boolean {
    const list = this.list(draft, entry, evidence);
    // Disjoint spans in text order end in order too: the first that ends after this one starts.
    const next = list[bisect(list.length, (i) => (list[i] as Evidence).end > evidence.start)];
    return next !== undefined && next.start < evidence.end;
  }

  add(draft: Draft, entry: number, evidence: Evidence): void {
    const list = this.list(draft, entry, evidence);
    list.splice(bisect(list.length, (i) => (list[i] as Evidence).start >= evidence.start), 0, evidence);
  }
}

const FIELD_ORDER: Record<TextField, number> = { title: 0, description: 1, insight: 2 };

function readingOrder(a: Evidence, b: Evidence): number {
  return FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.index - b.index || a.start - b.start;
}

/**
 * A reviewed term keeps its type. A brand from a bulk source is a company when the text uses it
 * as one ("(Netflix)", "at SoundCloud", "Uber's"), else a product. Discovered names take the
 * type their rules voted for.
 */
function typeOf(draft: Draft): EntityType {
  const company = draft.types.get("organization") ?? 0;
  // A reviewed product that is also a company is the company where the text names it as one
  // more often than it names the product ("at GitHub" in a one-article mention).
  if (draft.term?.company) return company >= Math.max(3, draft.articles.size) ? "organization" : draft.term.type;
  if (draft.term && !isBulk(draft.term)) return draft.term.type;
  const votes = mostFrequent(draft.types);
  if (draft.term) return company >= 2 ? "organization" : draft.term.type;
  return votes ?? "technology";
}

function finish(drafts: ReadonlyMap<string, Draft>, minArticles: number): Extraction {
  const entities = new Map<string, Entity>();
  const evidence = new Map<string, Map<number, Evidence[]>>();
  const broad = new Set<string>();
  for (const draft of drafts.values()) {
    if (draft.sightings.length === 0) continue;
    if (!draft.strong && draft.articles.size < minArticles) continue;
    const name = draft.term?.name ?? draft.defined ?? mostFrequent(draft.names) ?? draft.key;
    const type = typeOf(draft);
    const id = slug(name);
    if (id === "") continue;
    const entity = entities.get(id) ?? { id, name, type, aliases: [] };
    const aliases = new Set(entity.aliases);
    for (const n of [...draft.names.keys(), ...draft.aliases]) if (n !== name) aliases.add(n);
    entity.aliases = [...aliases];
    entities.set(id, entity);
    if (draft.term?.broad) broad.add(id);
    const byEntry = evidence.get(id) ?? new Map<number, Evidence[]>();
    for (const s of draft.sightings) {
      const list = byEntry.get(s.entry);
      if (list) list.push(s.evidence);
      else byEntry.set(s.entry, [s.evidence]);
    }
    evidence.set(id, byEntry);
  }
  const all: Mention[] = [];
  for (const [id, byEntry] of evidence) {
    for (const [entry, list] of byEntry) all.push({ entry, entity: id, evidence: list.sort(readingOrder) });
  }
  const mentions = withoutSubsumed(all, broad);
  const linked = new Set(mentions.map((m) => m.entity));
  mentions.sort((a, b) => a.entry - b.entry || a.entity.localeCompare(b.entity));
  return { entities: [...entities.values()].filter((e) => linked.has(e.id)).sort((a, b) => a.id.localeCompare(b.id)), mentions };
}

/**
 * A broad concept word says nothing more in an article that names a specific form of it:
 * "failover" beside "automatic failover", "partitioning" beside "range partitioning". Its
 * mention there is dropped, so one concept does not become two nodes of the same article.
 */
function withoutSubsumed(mentions: readonly Mention[], broad: ReadonlySet<string>): Mention[] {
  const words = (id: string) => ` ${id.replace(/-/g, " ")}`;
  const byEntry = new Map<number, string[]>();
  for (const m of mentions) {
    const list = byEntry.get(m.entry);
    if (list) list.push(m.entity);
    else byEntry.set(m.entry, [m.entity]);
  }
  return mentions.filter((m) => {
    if (!broad.has(m.entity)) return true;
    const others = byEntry.get(m.entry) ?? [];
    return !others.some((other) => other !== m.entity && words(other).endsWith(words(m.entity)));
  });
}
