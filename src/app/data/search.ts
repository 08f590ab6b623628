/**
 * One search box over the whole graph: concept names and aliases, article titles, words in
 * insights. Built on MiniSearch; DOM-free, so the benchmark can time it from Node.
 *
 * Forgiving by construction: text is folded (accents, case) before indexing and querying;
 * compound words are indexed as their parts and as one word, so "io uring", "iouring" and
 * "io_uring" meet; prefixes match as one types; longer words tolerate a typo or two.
 */
import MiniSearch, { type SearchResult } from "minisearch";
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
  | { id: string; group: "concept"; node: string; name: string; aliases: string[]; type: EntityType; weight: number }
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

function isPrefix(term: string, index: number, terms: string[]): boolean {
  return index === terms.length - 1 && term.length >= MIN_PREFIX;
}

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

const SEARCH_DEFAULTS = {
  tokenize,
  processTerm: (term: string) => term,
  prefix: isPrefix,
  fuzzy: fuzziness,
  combineWith: "AND" as const,
};

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
        weight: attributes.articleCount,
      });
    }
  });

  // A concept's label and aliases are one field: an alias is as good a name as the label.
  const names = new MiniSearch<NameDoc>({
    fields: ["names", "parts"],
    extractField: (doc, field) => (field === "id" ? doc.id : [doc.name, ...doc.aliases].join("\n")),
    tokenize: tokenizeName,
    processTerm: (term) => term,
    searchOptions: { ...SEARCH_DEFAULTS, boost: { names: 3, parts: 1 } },
  });
  names.addAll(nameDocs);
  // Insight text is matched exactly or by prefix, without typo tolerance: its vocabulary is
  // large, fuzzy expansion over it is the costliest part of a keystroke, and a misspelt name
  // is still found by the names index.
  const texts = new MiniSearch<InsightDoc>({
    fields: ["text"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { ...SEARCH_DEFAULTS, fuzzy: false },
  });
  texts.addAll(insightDocs);
  const nameById = new Map(nameDocs.map((d) => [d.id, d]));
  const insightById = new Map(insightDocs.map((d) => [d.id, d]));
  // Each concept's name and aliases as a query would read them, for the exact-name bonus.
  const exactNames = new Map<string, Set<string>>();
  for (const doc of nameDocs) {
    if (doc.group !== "concept") continue;
    const forms = [doc.name, ...doc.aliases];
    exactNames.set(doc.id, new Set(forms.map((form) => tokenize(form).join(" "))));
  }

  // A concept many articles mention is more likely the one meant; the boost is gentle so that
  // a closer match still wins over a bigger concept.
  const boostDocument = (id: string): number => {
    const doc = nameById.get(id);
    return doc?.group === "concept" ? 1 + Math.log10(1 + doc.weight) * 0.25 : 1;
  };

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
    const wholeQuery = queryTerms.join(" ");

    const conceptResults = new Map<EntityType, { doc: NameDoc & { group: "concept" }; result: SearchResult; score: number }[]>();
    for (const result of names.search(query, { boostDocument })) {
      const doc = nameById.get(result.id as string);
      if (!doc) continue;
      results.total++;
      if (doc.group === "concept") {
        const exact = exactNames.get(doc.id)?.has(wholeQuery) ?? false;
        let list = conceptResults.get(doc.type);
        if (!list) conceptResults.set(doc.type, (list = []));
        list.push({ doc, result, score: exact ? result.score * EXACT_NAME_BONUS : result.score });
      } else {
        results.articles.total++;
        if (results.articles.hits.length < limit) {
          const a = graph.getNodeAttributes(doc.node);
          results.articles.hits.push({
            id: doc.node,
            label: a.label,
            section: isArticle(a) ? a.section : "",
            score: result.score,
          });
        }
      }
    }
    for (const type of ENTITY_TYPES) {
      const list = conceptResults.get(type);
      if (!list) continue;
      list.sort((a, b) => b.score - a.score);
      results.concepts.push({
        type,
        total: list.length,
        hits: list.slice(0, limit).map(({ doc, result, score }) => ({
          ...conceptHit(graph, doc.node, result, queryTerms),
          score,
        })),
      });
    }

    if (fold(query).replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_TEXT_QUERY) {
      for (const result of texts.search(query)) {
        const doc = insightById.get(result.id as string);
        if (!doc) continue;
        results.total++;
        results.insights.total++;
        if (results.insights.hits.length < limit) results.insights.hits.push(insightHit(graph, doc, result));
      }
    }
    return results;
  }

  return { search, size: nameDocs.length + insightDocs.length };
}

/** Whether every query term is a word (or the start of a word) of `text`. */
function covers(text: string, queryTerms: readonly string[], exact: boolean): boolean {
  const words = tokenize(text);
  return queryTerms.every((q) => words.some((w) => (exact ? w === q : w.startsWith(q))));
}

function conceptHit(graph: AppGraph, node: string, result: SearchResult, queryTerms: string[]): ConceptHit {
  const attributes = graph.getNodeAttributes(node);
  if (isArticle(attributes)) throw new TypeError(`${node} is not a concept`);
  const hit: ConceptHit = {
    id: node,
    label: attributes.label,
    type: attributes.type,
    articleCount: attributes.articleCount,
    score: result.score,
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

function insightHit(
  graph: AppGraph,
  doc: InsightDoc,
  result: SearchResult,
): InsightHit {
  // Locate the first matched word in the original text; folding keeps most words' length,
  // and when it does not the snippet simply starts at the beginning.
  const folded = fold(doc.text);
  let start = -1;
  let end = -1;
  for (const term of result.terms) {
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
    score: result.score,
  };
}
