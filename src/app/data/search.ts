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

type Doc =
  | { id: string; group: "concept"; node: string; name: string; aliases: string; type: EntityType; weight: number }
  | { id: string; group: "article"; node: string; name: string }
  | { id: string; group: "insight"; node: string; text: string; index: number };

/** Case and accent folding: "Café" and "cafe" are one word. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Words are runs of letters and digits, keeping + and # so "C++" and "C#" stay themselves.
const WORD = /[\p{L}\p{N}+#]+(?:[-_./'][\p{L}\p{N}+#]+)*/gu;
const JOINER = /[-_./']/;

/**
 * Splits text into folded words; a compound such as "io_uring", "pg-repack" or "Node.js" gives
 * its parts and the joined form, so each way of writing it finds it.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    const word = match[0];
    const parts = word.split(JOINER).filter(Boolean);
    terms.push(...parts);
    if (parts.length > 1) terms.push(parts.join(""));
  }
  return terms;
}

/** One typo from five letters, two from nine: short words stay exact so "pg" is not "go". */
function fuzziness(term: string): number | false {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return false;
}

export function createSearchIndex(graph: AppGraph): SearchIndex {
  const docs: Doc[] = [];
  graph.forEachNode((node, attributes) => {
    if (isArticle(attributes)) {
      docs.push({ id: node, group: "article", node, name: attributes.label });
      attributes.insights.forEach((text, index) => {
        docs.push({ id: `${node}#${index}`, group: "insight", node, text, index });
      });
    } else {
      docs.push({
        id: node,
        group: "concept",
        node,
        name: attributes.label,
        aliases: attributes.aliases.join(" \n "),
        type: attributes.type,
        weight: attributes.articleCount,
      });
    }
  });

  const index = new MiniSearch<Doc>({
    fields: ["name", "aliases", "text"],
    storeFields: ["group"],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      tokenize,
      processTerm: (term) => term,
      boost: { name: 3, aliases: 2.5, text: 1 },
      prefix: true,
      fuzzy: fuzziness,
      combineWith: "AND",
    },
  });
  index.addAll(docs);
  const byId = new Map(docs.map((d) => [d.id, d]));

  // A concept many articles mention is more likely the one meant; the boost is gentle so that
  // a closer match still wins over a bigger concept.
  const boostDocument = (id: string): number => {
    const doc = byId.get(id);
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
    const found = index.search(query, { boostDocument });
    const conceptGroups = new Map<EntityType, Group<ConceptHit>>();
    for (const result of found) {
      const doc = byId.get(result.id as string);
      if (!doc) continue;
      results.total++;
      if (doc.group === "concept") {
        let group = conceptGroups.get(doc.type);
        if (!group) conceptGroups.set(doc.type, (group = { total: 0, hits: [] }));
        group.total++;
        if (group.hits.length < limit) group.hits.push(conceptHit(graph, doc.node, result, queryTerms));
      } else if (doc.group === "article") {
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
      } else {
        results.insights.total++;
        if (results.insights.hits.length < limit) results.insights.hits.push(insightHit(graph, doc, result));
      }
    }
    for (const type of ENTITY_TYPES) {
      const group = conceptGroups.get(type);
      if (group) results.concepts.push({ type, ...group });
    }
    return results;
  }

  return { search, size: docs.length };
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
  doc: Extract<Doc, { group: "insight" }>,
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
