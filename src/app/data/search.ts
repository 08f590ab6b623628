/**
 * One search box over the whole graph: concept names and aliases, article titles, words in
 * insights. Built on MiniSearch; DOM-free, so the benchmark can time it from Node.
 *
 * Forgiving by construction: text is folded (accents, case) before indexing and querying;
 * compound words are indexed as their parts and as one word, so "io uring", "iouring" and
 * "io_uring" meet; prefixes match as one types; longer words tolerate a typo or two.
 *
 * Quick while typing: the words of a query are matched one at a time, each only against what the
 * words before it left, and the work done for finished words is kept for the next keystroke.
 */
import MiniSearch from "minisearch";
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import { isArticle, type AppGraph } from "./graph";
import { quoteSpan } from "./quote";

export interface ConceptHit {
  id: string;
  label: string;
  type: EntityType;
  articleCount: number;
  /** The alias that matched, when the label itself did not (e.g. "Postgres" for PostgreSQL). */
  alias?: string;
  score: number;
}

export interface ArticleHit {
  id: string;
  label: string;
  section: string;
  score: number;
}

export interface InsightHit {
  /** The article the insight belongs to. */
  id: string;
  label: string;
  index: number;
  /** The insight, shortened around the match; `snippet.slice(markStart, markEnd)` matched. */
  snippet: string;
  markStart: number;
  markEnd: number;
  score: number;
}

export interface Group<T> {
  /** All matches in the group, of which `hits` are the best `limit`. */
  total: number;
  hits: T[];
}

export interface SearchResults {
  query: string;
  total: number;
  /** One group per entity type that has matches, in `ENTITY_TYPES` order. */
  concepts: (Group<ConceptHit> & { type: EntityType })[];
  articles: Group<ArticleHit>;
  insights: Group<InsightHit>;
}

export interface SearchOptions {
  /** Hits kept per group (totals count them all). Default 8. */
  limit?: number;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchResults;
  /** Number of indexed documents (concepts, articles and insights). */
  readonly size: number;
}

type NameDoc =
  | { id: string; group: "concept"; node: string; name: string; aliases: string[]; type: EntityType; boost: number }
  | { id: string; group: "article"; node: string; name: string; aliases: [] };
type InsightDoc = { id: string; group: "insight"; node: string; text: string; index: number };

/** Case and accent folding: "Café" and "cafe" are one word. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Words are runs of letters and digits, keeping + and # so "C++" and "C#" stay themselves.
const WORD = /[\p{L}\p{N}+#]+(?:[-_./'][\p{L}\p{N}+#]+)*/gu;
const JOINER = /[-_./']/;

function words(text: string): string[][] {
  return [...fold(text).matchAll(WORD)].map((match) => match[0].split(JOINER).filter(Boolean));
}

/**
 * Splits text into folded words; a compound such as "io_uring", "pg-repack" or "Node.js" gives
 * its parts and the joined form, so each way of writing it finds it. This is how queries are
 * read, and how insight text is indexed.
 */
export function tokenize(text: string): string[] {
  return words(text).flatMap((parts) => (parts.length > 1 ? [...parts, parts.join("")] : parts));
}

/**
 * Names are indexed in two fields: whole words (a compound joined: "iouring") and, apart, the
 * parts of compounds ("io", "uring"). The parts field weighs less, so that "pg" finds the
 * concept whose alias is PG before every pg_* identifier that merely starts with it.
 */
function tokenizeName(text: string, field?: string): string[] {
  if (field === "parts") return words(text).flatMap((parts) => (parts.length > 1 ? parts : []));
  return words(text).map((parts) => parts.join(""));
}

/**
 * Only the word being typed (the last) is a prefix, and only from three letters on: earlier
 * words are finished, and one or two letters would expand to a good part of the vocabulary
 * (a two-letter query still finds exact names such as "pg" or "io").
 */
const MIN_PREFIX = 3;

/**
 * Insight text takes a prefix from one letter more: its vocabulary is the largest, three
 * letters of it match a good share of all insights, and a short word still matches exactly.
 */
const MIN_TEXT_PREFIX = 4;

/** One typo from five letters, two from nine: short words stay exact so "pg" is not "go". */
function fuzziness(term: string): number | false {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return false;
}

/** Insight text is searched from this many letters on: shorter queries are still names being typed. */
const MIN_TEXT_QUERY = 3;

/** A concept whose name or alias is exactly the query ranks first in its group. */
const EXACT_NAME_BONUS = 4;

/**
 * A concept many articles mention is more likely the one meant; the boost is gentle so that a
 * closer match still wins over a bigger concept. It multiplies the summed score once, which is
 * what MiniSearch's per-document boost does term by term, at a fraction of the cost.
 */
function conceptBoost(articleCount: number): number {
  return 1 + Math.log10(1 + articleCount) * 0.25;
}

/** How both indexes read a query: the words `tokenize` finds, already folded. */
const QUERY_READING = { tokenize, processTerm: (term: string) => term };

/** Finished-word results kept per index: a few queries' worth of typing and deleting. */
const FINISHED_CACHE_SIZE = 32;

/** A document that matched every query term so far. */
interface Match {
  score: number;
  /** The document's words that matched (exactly, by prefix or with a typo). */
  words: string[];
}

type Matches = ReadonlyMap<string, Match>;

/** The documents that match every term of a query. */
interface QueryMatches {
  forEach(visit: (id: string, score: number) => void): void;
  /** The words of a matching document that the query matched, for quoting it. */
  words(id: string): string[];
}

const NO_MATCHES: QueryMatches = { forEach: () => {}, words: () => [] };

interface TermRules {
  /** Minimum length of a last word for it to match as a prefix. */
  minPrefix: number;
  fuzzy: (term: string) => number | false;
}

/**
 * Runs a query over a MiniSearch index one term at a time, every term required. Each term only
 * scores the documents the earlier ones left (the others get a document boost of 0, which
 * MiniSearch skips in its scoring loop, before any allocation), and the matches of the finished
 * words are kept: as a person types, the query grows by its last word, so a keystroke scores
 * only that word, against what the finished ones left.
 *
 * Ranking is MiniSearch's own: a document's score is the sum of its terms' scores, as with
 * `combineWith: "AND"` (which scales every score of a query by the same term count).
 */
function termByTermSearch(index: MiniSearch, rules: TermRules): (terms: readonly string[]) => QueryMatches {
  const finished = new Map<string, Matches>();

  function searchTerm(before: Matches | undefined, term: string, prefix: boolean) {
    const boostDocument = before ? (id: string) => (before.has(id) ? 1 : 0) : undefined;
    return index.search(term, { prefix, fuzzy: rules.fuzzy(term), boostDocument });
  }

  function afterFinished(terms: readonly string[]): Matches | undefined {
    if (terms.length === 0) return undefined;
    const key = terms.join(" ");
    let matches = finished.get(key);
    if (matches) {
      finished.delete(key); // most recently used goes last
    } else {
      const before = afterFinished(terms.slice(0, -1));
      const narrowed = new Map<string, Match>();
      if (before?.size !== 0) {
        for (const result of searchTerm(before, terms.at(-1)!, false)) {
          const earlier = before?.get(result.id as string);
          narrowed.set(result.id as string, {
            score: result.score + (earlier?.score ?? 0),
            words: earlier ? [...earlier.words, ...result.terms] : result.terms,
          });
        }
      }
      matches = narrowed;
      if (finished.size >= FINISHED_CACHE_SIZE) finished.delete(finished.keys().next().value!);
    }
    finished.set(key, matches);
    return matches;
  }

  return (terms) => {
    const last = terms.at(-1);
    const before = afterFinished(terms.slice(0, -1));
    if (last === undefined || before?.size === 0) return NO_MATCHES;
    // The word being typed is scored on every keystroke and read once: no map, no copies.
    const results = searchTerm(before, last, last.length >= rules.minPrefix);
    return {
      forEach(visit) {
        for (const result of results) visit(result.id as string, result.score + (before?.get(result.id as string)?.score ?? 0));
      },
      words(id) {
        const result = results.find((r) => r.id === id);
        return result ? [...(before?.get(id)?.words ?? []), ...result.terms] : [];
      },
    };
  };
}

export function createSearchIndex(graph: AppGraph): SearchIndex {
  const nameDocs: NameDoc[] = [];
  const insightDocs: InsightDoc[] = [];
  graph.forEachNode((node, attributes) => {
    if (isArticle(attributes)) {
      nameDocs.push({ id: node, group: "article", node, name: attributes.label, aliases: [] });
      attributes.insights.forEach((text, index) => {
        insightDocs.push({ id: `${node}#${index}`, group: "insight", node, text, index });
      });
    } else {
      nameDocs.push({
        id: node,
        group: "concept",
        node,
        name: attributes.label,
        aliases: attributes.aliases,
        type: attributes.type,
        boost: conceptBoost(attributes.articleCount),
      });
    }
  });

  // A concept's label and aliases are one field: an alias is as good a name as the label.
  const names = new MiniSearch<NameDoc>({
    fields: ["names", "parts"],
    extractField: (doc, field) => (field === "id" ? doc.id : [doc.name, ...doc.aliases].join("\n")),
    tokenize: tokenizeName,
    processTerm: (term) => term,
    searchOptions: { ...QUERY_READING, boost: { names: 3, parts: 1 } },
  });
  names.addAll(nameDocs);
  const texts = new MiniSearch<InsightDoc>({
    fields: ["text"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: QUERY_READING,
  });
  texts.addAll(insightDocs);
  const nameById = new Map(nameDocs.map((d) => [d.id, d]));
  const insightById = new Map(insightDocs.map((d) => [d.id, d]));
  // The concepts a query names exactly (label or alias, read as a query reads), for the bonus.
  const conceptsByExactName = new Map<string, Set<string>>();
  for (const doc of nameDocs) {
    if (doc.group !== "concept") continue;
    for (const form of [doc.name, ...doc.aliases]) {
      const key = tokenize(form).join(" ");
      let ids = conceptsByExactName.get(key);
      if (!ids) conceptsByExactName.set(key, (ids = new Set()));
      ids.add(doc.id);
    }
  }
  const NONE = new Set<string>();

  const matchNames = termByTermSearch(names, { minPrefix: MIN_PREFIX, fuzzy: fuzziness });
  // Insight text is matched exactly or by prefix, without typo tolerance: its vocabulary is
  // large, fuzzy expansion over it is the costliest part of a keystroke, and a misspelt name
  // is still found by the names index.
  const matchTexts = termByTermSearch(texts, { minPrefix: MIN_TEXT_PREFIX, fuzzy: () => false });

  function search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 8;
    const results: SearchResults = {
      query,
      total: 0,
      concepts: [],
      articles: { total: 0, hits: [] },
      insights: { total: 0, hits: [] },
    };
    const queryTerms = tokenize(query);
    if (queryTerms.length === 0) return results;
    const namedExactly = conceptsByExactName.get(queryTerms.join(" ")) ?? NONE;

    const conceptsByType = new Map<EntityType, TopHits<string>>();
    const articles = new TopHits<string>(limit);
    matchNames(queryTerms).forEach((id, score) => {
      const doc = nameById.get(id);
      if (!doc) return;
      results.total++;
      if (doc.group === "concept") {
        let top = conceptsByType.get(doc.type);
        if (!top) conceptsByType.set(doc.type, (top = new TopHits(limit)));
        top.offer(id, score * doc.boost * (namedExactly.has(id) ? EXACT_NAME_BONUS : 1));
      } else {
        articles.offer(id, score);
      }
    });
    for (const type of ENTITY_TYPES) {
      const top = conceptsByType.get(type);
      if (!top) continue;
      results.concepts.push({
        type,
        total: top.total,
        hits: top.best.map(({ value, score }) => conceptHit(graph, value, score, queryTerms)),
      });
    }
    results.articles = {
      total: articles.total,
      hits: articles.best.map(({ value, score }) => {
        const attributes = graph.getNodeAttributes(value);
        return { id: value, label: attributes.label, section: isArticle(attributes) ? attributes.section : "", score };
      }),
    };

    if (fold(query).replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_TEXT_QUERY) {
      const insights = new TopHits<InsightDoc>(limit);
      const matches = matchTexts(queryTerms);
      matches.forEach((id, score) => {
        const doc = insightById.get(id);
        if (doc) insights.offer(doc, score);
      });
      results.total += insights.total;
      results.insights = {
        total: insights.total,
        hits: insights.best.map(({ value, score }) => insightHit(graph, value, matches.words(value.id), score)),
      };
    }
    return results;
  }

  return { search, size: nameDocs.length + insightDocs.length };
}

/**
 * Counts what it is offered and keeps the `limit` best, best first (the first offered wins a
 * tie), without sorting everything: a three-letter query can match thousands of documents, of
 * which a few are shown.
 */
class TopHits<T> {
  total = 0;
  readonly best: { value: T; score: number }[] = [];

  constructor(private readonly limit: number) {}

  offer(value: T, score: number): void {
    this.total++;
    const { best, limit } = this;
    if (best.length >= limit && !(score > (best[limit - 1]?.score ?? -Infinity))) return;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { value, score });
    if (best.length > limit) best.pop();
  }
}

/** Whether every query term is a word (or the start of a word) of `text`. */
function covers(text: string, queryTerms: readonly string[], exact: boolean): boolean {
  const words = tokenize(text);
  return queryTerms.every((q) => words.some((w) => (exact ? w === q : w.startsWith(q))));
}

function conceptHit(graph: AppGraph, node: string, score: number, queryTerms: string[]): ConceptHit {
  const attributes = graph.getNodeAttributes(node);
  if (isArticle(attributes)) throw new TypeError(`${node} is not a concept`);
  const hit: ConceptHit = {
    id: node,
    label: attributes.label,
    type: attributes.type,
    articleCount: attributes.articleCount,
    score,
  };
  // Name the alias when it, rather than the label, is what the person typed: "pg" → PG.
  if (!covers(attributes.label, queryTerms, true)) {
    const alias =
      attributes.aliases.find((a) => covers(a, queryTerms, true)) ??
      (covers(attributes.label, queryTerms, false) ? undefined : attributes.aliases.find((a) => covers(a, queryTerms, false)));
    if (alias !== undefined) hit.alias = alias;
  }
  return hit;
}

/** `words`: the insight's words that matched the query. */
function insightHit(graph: AppGraph, doc: InsightDoc, words: readonly string[], score: number): InsightHit {
  // Locate the first matched word in the original text; folding keeps most words' length,
  // and when it does not the snippet simply starts at the beginning.
  const folded = fold(doc.text);
  let start = -1;
  let end = -1;
  for (const term of words) {
    const at = folded.length === doc.text.length ? folded.indexOf(term) : -1;
    if (at >= 0 && (start < 0 || at < start)) {
      start = at;
      end = at + term.length;
    }
  }
  const span = start >= 0 ? quoteSpan(doc.text, start, end) : quoteSpan(doc.text, 0, 0);
  return {
    id: doc.node,
    label: graph.getNodeAttribute(doc.node, "label"),
    index: doc.index,
    snippet: span.text,
    markStart: span.markStart,
    markEnd: span.markEnd,
    score,
  };
}
