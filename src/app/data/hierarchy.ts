/**
 * Broader and narrower concepts, as the app reads them from the graph's `broader` edges
 * (narrower → broader, no cycle): the concepts around one, and every article that mentions a
 * concept or any concept below it, saying which. Pure functions of the graph.
 */
import type { ConceptRef } from "./articles";
import { mentionScore, quotableEvidence } from "./articles";
import { articleAttributes, entityAttributes, evidenceOf, isBroaderEdge, mentioningArticles, type AppGraph } from "./graph";
import { quoteEvidence, type Quote } from "./quote";
import type { Selection } from "./scene";

function ref(graph: AppGraph, id: string): ConceptRef {
  const { label, type } = entityAttributes(graph, id);
  return { id, label, type };
}

function byLabel(a: ConceptRef, b: ConceptRef): number {
  return a.label.localeCompare(b.label);
}

/** The concepts `entity` is directly a kind of, by label. */
export function broaderConcepts(graph: AppGraph, entity: string): ConceptRef[] {
  const found: ConceptRef[] = [];
  graph.forEachOutEdge(entity, (_edge, attributes, _source, target) => {
    if (isBroaderEdge(attributes)) found.push(ref(graph, target));
  });
  return found.sort(byLabel);
}

/** The concepts directly below `entity`, by label. */
export function narrowerConcepts(graph: AppGraph, entity: string): ConceptRef[] {
  const found: ConceptRef[] = [];
  graph.forEachInEdge(entity, (_edge, attributes, source) => {
    if (isBroaderEdge(attributes)) found.push(ref(graph, source));
  });
  return found.sort(byLabel);
}

/**
 * Every concept below `entity`, however deep (each once, even when reached twice), nearest first
 * and by label within a level; `entity` itself is not among them.
 */
export function allNarrower(graph: AppGraph, entity: string): string[] {
  const seen = new Set([entity]);
  const order: string[] = [];
  let level = [entity];
  while (level.length > 0) {
    const next: ConceptRef[] = [];
    for (const node of level) {
      for (const below of narrowerConcepts(graph, node)) {
        if (seen.has(below.id)) continue;
        seen.add(below.id);
        next.push(below);
      }
    }
    next.sort(byLabel);
    order.push(...next.map((c) => c.id));
    level = next.map((c) => c.id);
  }
  return order;
}

export interface ConceptCount extends ConceptRef {
  /** Articles that mention this concept (each counts once, whatever else it mentions). */
  count: number;
}

export interface CoveredArticle {
  id: string;
  label: string;
  section: string;
  subsection: string;
  /** The concepts (the chosen one and those below it) this article mentions, in `counts` order. */
  concepts: string[];
  /** One quote per concept in `concepts`. */
  quotes: Quote[];
  score: number;
}

export interface Coverage {
  /** The chosen concept first, then every concept below it that some article mentions. */
  counts: ConceptCount[];
  /** Every article that mentions any of them, once; those that mention the chosen concept first. */
  articles: CoveredArticle[];
}

/**
 * Every article that mentions `entity` or a concept below it, with which of them and where. An
 * article naming the concept itself ranks first, then by relevance summed over what it names.
 */
export function articlesWithNarrower(graph: AppGraph, entity: string): Coverage {
  const concepts = [entity, ...allNarrower(graph, entity)];
  const counts: ConceptCount[] = [];
  const byArticle = new Map<string, CoveredArticle>();
  for (const concept of concepts) {
    const articles = mentioningArticles(graph, concept);
    if (articles.length === 0 && concept !== entity) continue;
    counts.push({ ...ref(graph, concept), count: articles.length });
    for (const article of articles) {
      const evidence = evidenceOf(graph, article, concept);
      const attributes = articleAttributes(graph, article);
      let covered = byArticle.get(article);
      if (!covered) {
        covered = { id: article, label: attributes.label, section: attributes.section, subsection: attributes.subsection, concepts: [], quotes: [], score: 0 };
        byArticle.set(article, covered);
      }
      const best = quotableEvidence(evidence);
      covered.concepts.push(concept);
      covered.quotes.push(best ? quoteEvidence(attributes, best) : { field: "title", index: 0, text: attributes.label, markStart: 0, markEnd: 0 });
      covered.score += mentionScore(evidence);
    }
  }
  const direct = (a: CoveredArticle) => (a.concepts[0] === entity ? 0 : 1);
  const articles = [...byArticle.values()].sort((a, b) => direct(a) - direct(b) || b.score - a.score || a.label.localeCompare(b.label));
  return { counts, articles };
}

/**
 * Whether a concept selection lists (and lights) the articles of the concepts below it: only a
 * single concept that has some, unless the person turned it off (`narrower: false`).
 */
export function includesNarrower(graph: AppGraph, selection: Selection): boolean {
  if (selection.kind !== "concepts" || selection.ids.length !== 1 || selection.narrower === false) return false;
  return graph.someInEdge(selection.ids[0]!, (_edge, attributes) => isBroaderEdge(attributes));
}

/** The concepts a selection brings in beyond the chosen ones: those below, when included. */
export function includedNarrower(graph: AppGraph, selection: Selection): string[] {
  return selection.kind === "concepts" && includesNarrower(graph, selection) ? allNarrower(graph, selection.ids[0]!) : [];
}
