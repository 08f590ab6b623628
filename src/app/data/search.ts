/**
 * One search box over the whole graph: concept names and aliases, article titles, words in
 * insights. Built on MiniSearch; DOM-free, so the benchmark can time it from Node.
 *
 * Forgiving by construction (search/reading.ts, search/match.ts): text is folded (accents,
 * case); hyphens, underscores and spaces are interchangeable; prefixes match as one types;
 * longer words tolerate a typo or two, and any word of four letters or more a swap of two
 * neighbouring letters.
 *
 * Picks the right one (search/rank.ts): a name typed exactly comes first, whatever its type;
 * then names that begin with what was typed; then concepts found by the name of a narrower
 * concept ("WAL archiving" also finds write-ahead logging); then names reached through a typo.
 */
import MiniSearch from "minisearch";
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import { entityAttributes, isArticle, type AppGraph } from "./graph";
import { allNarrower } from "./hierarchy";
import { quoteSpan } from "./quote";
import { termByTermSearch } from "./search/match";
import { bestGroupFirst, matchKind, TopHits, type MatchKind } from "./search/rank";
import { fold, nameKey, queryTerms, tokenize, tokenizeName } from "./search/reading";

export { fold, tokenize, queryTerms } from "./search/reading";
export type { MatchKind } from "./search/rank";

export interface ConceptHit {
  id: string;
  label: string;
  type: EntityType;
  articleCount: number;
  /** The alias that matched, when the label itself did not (e.g. "Postgres" for PostgreSQL). */
  alias?: string;
  /** The narrower concept whose name matched, when the concept's own names did not ("WAL archiving"). */
  narrower?: string;
  match: MatchKind;
  score: number;
}

export interface ArticleHit {
  id: string;
  label: string;
  section: string;
  match: MatchKind;
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

export type ConceptGroup = Group<ConceptHit> & { kind: "concepts"; type: EntityType };
export type ArticleGroup = Group<ArticleHit> & { kind: "articles" };

export interface SearchResults {
  query: string;
  total: number;
  /** One group per entity type that has matches, the group of the best match first. */
  concepts: ConceptGroup[];
  articles: ArticleGroup;
  /**
   * The same concept groups and the article group, in the order to offer them: the best match
   * (an exact name, whatever its kind) heads the first group; groups ranking alike keep the
   * order concepts by `ENTITY_TYPES`, then articles.
   */
  names: (ConceptGroup | ArticleGroup)[];
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
  | {
      id: string;
      group: "concept";
      node: string;
      name: string;
      aliases: string[];
      type: EntityType;
      boost: number;
      /** Names (labels and aliases) of the concepts below this one, at any depth. */
      narrower: string[];
    }
  | { id: string; group: "article"; node: string; name: string; aliases: []; narrower: [] };
type InsightDoc = { id: string; group: "insight"; node: string; text: string; index: number };

/** Only the word being typed (the last) is a prefix, and only from three letters on: earlier
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

/**
 * A concept many articles mention is more likely the one meant; the boost is gentle so that a
 * closer match still wins over a bigger concept. It multiplies the summed score once, which is
 * what MiniSearch's per-document boost does term by term, at a fraction of the cost.
 */
function conceptBoost(articleCount: number): number {
  return 1 + Math.log10(1 + articleCount) * 0.25;
}

/** How both indexes read a query: the words `queryTerms` finds, already folded. */
const QUERY_READING = { tokenize: queryTerms, processTerm: (term: string) => term };

export function createSearchIndex(graph: AppGraph): SearchIndex {
  const nameDocs: NameDoc[] = [];
  const insightDocs: InsightDoc[] = [];
  graph.forEachNode((node, attributes) => {
    if (isArticle(attributes)) {
      nameDocs.push({ id: node, group: "article", node, name: attributes.label, aliases: [], narrower: [] });
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
        narrower: allNarrower(graph, node).flatMap((below) => namesOf(graph, below)),
      });
    }
  });

  // A concept's label and aliases are one field: an alias is as good a name as the label. The
  // names of the concepts below it are a field of their own, so a hit can tell which it came by.
  const names = new MiniSearch<NameDoc>({
    fields: ["names", "parts", "narrower"],
    extractField: (doc, field) =>
      field === "id" ? doc.id : field === "narrower" ? doc.narrower.join("\n") : [doc.name, ...doc.aliases].join("\n"),
    tokenize: tokenizeName,
    processTerm: (term) => term,
    searchOptions: { ...QUERY_READING, boost: { names: 3, parts: 1, narrower: 1 } },
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
  // The nodes each name (label, alias or title) belongs to, by `nameKey`: what a query names exactly.
  const nodesByName = new Map<string, Set<string>>();
  for (const doc of nameDocs) {
    for (const name of [doc.name, ...doc.aliases]) {
      const key = nameKey(name);
      let ids = nodesByName.get(key);
      if (!ids) nodesByName.set(key, (ids = new Set()));
      ids.add(doc.id);
    }
  }
  const NONE = new Set<string>();

  const matchNames = termByTermSearch(names, { minPrefix: MIN_PREFIX, fuzzy: fuzziness, swaps: true });
  // Insight text is matched exactly or by prefix, without typo tolerance: its vocabulary is
  // large, fuzzy expansion over it is the costliest part of a keystroke, and a misspelt name
  // is still found by the names index.
  const matchTexts = termByTermSearch(texts, { minPrefix: MIN_TEXT_PREFIX, fuzzy: () => false, swaps: false });

  function search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 8;
    const results: SearchResults = {
      query,
      total: 0,
      concepts: [],
      articles: { kind: "articles", total: 0, hits: [] },
      names: [],
      insights: { total: 0, hits: [] },
    };
    const terms = queryTerms(query);
    if (terms.length === 0) return results;
    const namedExactly = nodesByName.get(nameKey(query)) ?? NONE;

    const conceptsByType = new Map<EntityType, TopHits<string>>();
    const articles = new TopHits<string>(limit);
    function offer(doc: NameDoc, score: number, match: MatchKind) {
      results.total++;
      if (doc.group === "concept") {
        let top = conceptsByType.get(doc.type);
        if (!top) conceptsByType.set(doc.type, (top = new TopHits(limit)));
        top.offer(doc.id, score * doc.boost, match);
      } else {
        articles.offer(doc.id, score, match);
      }
    }
    const foundExactly = new Set<string>();
    matchNames(terms).forEach((id, score, typo) => {
      const doc = nameById.get(id);
      if (!doc) return;
      const exact = namedExactly.has(id);
      if (exact) foundExactly.add(id);
      // Only a concept with narrower ones can have matched by their names alone.
      const own = doc.narrower.length === 0 || [doc.name, ...doc.aliases].some((name) => covers(name, terms, false));
      offer(doc, score, matchKind(exact, typo, own));
    });
    // A name typed run together ("lsmtree" for "LSM tree") has no word in the index to find
    // it by (see `tokenizeName`), but it is still the name: offer it, at the lowest score.
    for (const id of namedExactly) if (!foundExactly.has(id)) offer(nameById.get(id)!, 0, "exact");
    const concepts: ConceptGroup[] = [];
    for (const type of ENTITY_TYPES) {
      const top = conceptsByType.get(type);
      if (!top) continue;
      concepts.push({
        kind: "concepts",
        type,
        total: top.total,
        hits: top.best.map(({ value, score, match }) => conceptHit(graph, value, score, match, terms)),
      });
    }
    results.articles.total = articles.total;
    results.articles.hits = articles.best.map(({ value, score, match }) => {
      const attributes = graph.getNodeAttributes(value);
      return { id: value, label: attributes.label, section: isArticle(attributes) ? attributes.section : "", match, score };
    });
    results.names = bestGroupFirst<ConceptGroup | ArticleGroup>([...concepts, results.articles]);
    results.concepts = results.names.filter((group): group is ConceptGroup => group.kind === "concepts");

    if (fold(query).replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_TEXT_QUERY) {
      const insights = new TopHits<InsightDoc>(limit);
      const matches = matchTexts(terms);
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

/** A concept's label and aliases. */
function namesOf(graph: AppGraph, concept: string): string[] {
  const { label, aliases } = entityAttributes(graph, concept);
  return [label, ...aliases];
}

/** Whether every query term is a word (or the start of a word) of `text`. */
function covers(text: string, queryTerms: readonly string[], exact: boolean): boolean {
  const words = tokenize(text);
  return queryTerms.every((q) => words.some((w) => (exact ? w === q : w.startsWith(q))));
}

function conceptHit(graph: AppGraph, node: string, score: number, match: MatchKind, queryTerms: string[]): ConceptHit {
  const attributes = graph.getNodeAttributes(node);
  if (isArticle(attributes)) throw new TypeError(`${node} is not a concept`);
  const hit: ConceptHit = {
    id: node,
    label: attributes.label,
    type: attributes.type,
    articleCount: attributes.articleCount,
    match,
    score,
  };
  // Name the alias when it, rather than the label, is what the person typed: "pg" → PG.
  if (!covers(attributes.label, queryTerms, true)) {
    const alias =
      attributes.aliases.find((a) => covers(a, queryTerms, true)) ??
      (covers(attributes.label, queryTerms, false) ? undefined : attributes.aliases.find((a) => covers(a, queryTerms, false)));
    if (alias !== undefined) hit.alias = alias;
  }
  if (match === "narrower") {
    const below = allNarrower(graph, node).find((id) => namesOf(graph, id).some((name) => covers(name, queryTerms, false)));
    if (below !== undefined) hit.narrower = graph.getNodeAttribute(below, "label");
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
