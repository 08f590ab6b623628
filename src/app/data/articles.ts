/**
 * What the Details panel says about a concept or an article: the articles that mention a
 * concept (quoted), the concepts that travel with it, and the articles related to an article.
 * Pure functions of the graph: `(graph, id, options) => plain data`.
 */
import type { EntityType, Evidence } from "../../core/types";
import {
  articleAttributes,
  entityAttributes,
  isEntity,
  isMentionEdge,
  mentionEdge,
  mentionedConcepts,
  mentioningArticles,
  type AppGraph,
} from "./graph";
import { quoteEvidence, type Quote } from "./quote";

export type MatchMode = "all" | "any";

export interface ArticleMention {
  id: string;
  label: string;
  section: string;
  subsection: string;
  /** Higher is more relevant; see `mentionScore`. */
  score: number;
  /** Number of places the concept is mentioned in the article. */
  mentions: number;
  /** The sentence that mentions it (see `quotableEvidence`), quoted. */
  quote: Quote;
}

export interface ConceptRef {
  id: string;
  label: string;
  type: EntityType;
}

/**
 * A mention in the title says the article is about the concept; one in the description says
 * it is central; one in an insight that it is discussed. Weights encode that order, and
 * several mentions add up.
 */
const FIELD_WEIGHT: Record<Evidence["field"], number> = { title: 4, description: 2, insight: 1 };

export function mentionScore(evidence: readonly Evidence[]): number {
  return evidence.reduce((sum, e) => sum + FIELD_WEIGHT[e.field], 0);
}

/**
 * The evidence to quote. The title is already on screen beside the quote, so a sentence from
 * the description or an insight says more; the title is quoted only when it is the sole
 * evidence. Within a field, the earliest mention wins.
 */
const QUOTE_PREFERENCE: Record<Evidence["field"], number> = { description: 3, insight: 2, title: 1 };

export function quotableEvidence(evidence: readonly Evidence[]): Evidence | undefined {
  let best: Evidence | undefined;
  for (const e of evidence) {
    if (best === undefined || QUOTE_PREFERENCE[e.field] > QUOTE_PREFERENCE[best.field]) best = e;
  }
  return best;
}

function compareMentions(a: ArticleMention, b: ArticleMention): number {
  return b.score - a.score || a.label.localeCompare(b.label);
}

function mentionOf(graph: AppGraph, article: string, entity: string): ArticleMention | undefined {
  const evidence = mentionEdge(graph, article, entity)?.evidence;
  if (evidence === undefined) return undefined;
  const attributes = articleAttributes(graph, article);
  const best = quotableEvidence(evidence);
  const quote: Quote = best
    ? quoteEvidence(attributes, best)
    : { field: "title", index: 0, text: attributes.label, markStart: 0, markEnd: 0 };
  return {
    id: article,
    label: attributes.label,
    section: attributes.section,
    subsection: attributes.subsection,
    score: mentionScore(evidence),
    mentions: evidence.length,
    quote,
  };
}

/** Every article the graph links to `entity`, each with its best quote, most relevant first. */
export function articlesForEntity(graph: AppGraph, entity: string): ArticleMention[] {
  entityAttributes(graph, entity);
  const result: ArticleMention[] = [];
  for (const article of mentioningArticles(graph, entity)) {
    const mention = mentionOf(graph, article, entity);
    if (mention) result.push(mention);
  }
  return result.sort(compareMentions);
}

export interface ArticleMatch {
  id: string;
  label: string;
  section: string;
  subsection: string;
  /** The query concepts this article mentions, in query order. */
  matched: string[];
  /** One quote per matched concept, in the same order. */
  quotes: Quote[];
  score: number;
}

/**
 * Articles that mention all (or any) of `entities`. With "any", articles that match more
 * of the query come first; within a tie, the summed relevance decides.
 */
export function articlesMatching(graph: AppGraph, entities: readonly string[], mode: MatchMode): ArticleMatch[] {
  const byArticle = new Map<string, ArticleMatch>();
  for (const entity of entities) {
    entityAttributes(graph, entity);
    for (const article of mentioningArticles(graph, entity)) {
      const mention = mentionOf(graph, article, entity);
      if (!mention) continue;
      let match = byArticle.get(article);
      if (!match) {
        match = {
          id: article,
          label: mention.label,
          section: mention.section,
          subsection: mention.subsection,
          matched: [],
          quotes: [],
          score: 0,
        };
        byArticle.set(article, match);
      }
      match.matched.push(entity);
      match.quotes.push(mention.quote);
      match.score += mention.score;
    }
  }
  const wanted = new Set(entities).size;
  return [...byArticle.values()]
    .filter((m) => mode === "any" || m.matched.length === wanted)
    .sort((a, b) => b.matched.length - a.matched.length || b.score - a.score || a.label.localeCompare(b.label));
}

export interface CoOccurrence extends ConceptRef {
  /** Articles that mention both. */
  count: number;
}

/** Concepts mentioned in the same articles as `entity`, most shared articles first. */
export function coOccurring(graph: AppGraph, entity: string, limit = 12): CoOccurrence[] {
  entityAttributes(graph, entity);
  const counts = new Map<string, number>();
  for (const article of mentioningArticles(graph, entity)) {
    for (const other of mentionedConcepts(graph, article)) {
      if (other !== entity) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, count]) => {
      const attributes = entityAttributes(graph, id);
      return { id, label: attributes.label, type: attributes.type, count, articleCount: attributes.articleCount };
    })
    // Among equally frequent companions, the rarer concept says more about this one.
    .sort((a, b) => b.count - a.count || a.articleCount - b.articleCount || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ id, label, type, count }) => ({ id, label, type, count }));
}

export interface RelatedArticle {
  id: string;
  label: string;
  score: number;
  /** Shared concepts, most specific (fewest articles) first. */
  shared: ConceptRef[];
}

/**
 * Articles sharing concepts with `article`, scored by the inverse document frequency of what
 * they share: two articles that both name a rare technique are closer than two that both
 * name a company every other article mentions.
 */
export function relatedArticles(graph: AppGraph, article: string, limit = 8): RelatedArticle[] {
  articleAttributes(graph, article);
  const articleTotal = graph.filterNodes((_, a) => a.kind === "article").length;
  const related = new Map<string, { score: number; shared: (ConceptRef & { df: number })[] }>();
  for (const entity of mentionedConcepts(graph, article)) {
    const attributes = entityAttributes(graph, entity);
    const df = attributes.articleCount;
    if (df < 2) continue;
    const idf = Math.log(articleTotal / df);
    for (const other of mentioningArticles(graph, entity)) {
      if (other === article) continue;
      let entry = related.get(other);
      if (!entry) related.set(other, (entry = { score: 0, shared: [] }));
      entry.score += idf;
      entry.shared.push({ id: entity, label: attributes.label, type: attributes.type, df });
    }
  }
  return [...related]
    .map(([id, { score, shared }]) => ({
      id,
      label: articleAttributes(graph, id).label,
      score,
      shared: shared
        .sort((a, b) => a.df - b.df || a.label.localeCompare(b.label))
        .map(({ id: sid, label, type }) => ({ id: sid, label, type })),
    }))
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, limit);
}

export interface ArticleConcept extends ConceptRef {
  evidence: Evidence[];
}

/** The concepts an article mentions, with their evidence, in label order. */
export function conceptsOfArticle(graph: AppGraph, article: string): ArticleConcept[] {
  articleAttributes(graph, article);
  const result: ArticleConcept[] = [];
  graph.forEachOutEdge(article, (_edge, attributes, _source, target, _sa, targetAttributes) => {
    if (!isMentionEdge(attributes) || !isEntity(targetAttributes)) return;
    result.push({ id: target, label: targetAttributes.label, type: targetAttributes.type, evidence: attributes.evidence });
  });
  return result.sort((a, b) => a.label.localeCompare(b.label));
}

export interface InsightSegment {
  text: string;
  /** Set when this segment is a mention of a concept. */
  entity?: string;
}

/**
 * Splits one field of an article into plain text and mentions, so each mentioned concept can
 * become a control. Overlapping mentions keep the earlier (then longer) one.
 */
export function segmentField(
  graph: AppGraph,
  article: string,
  field: Evidence["field"],
  index: number,
  text: string,
): InsightSegment[] {
  const spans: { start: number; end: number; entity: string }[] = [];
  for (const concept of conceptsOfArticle(graph, article)) {
    for (const e of concept.evidence) {
      if (e.field === field && e.index === index && e.end > e.start && e.end <= text.length) {
        spans.push({ start: e.start, end: e.end, entity: concept.id });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: InsightSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start) });
    segments.push({ text: text.slice(span.start, span.end), entity: span.entity });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
