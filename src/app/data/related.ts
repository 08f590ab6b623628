/**
 * The neighbours the build computed (see the graph contract): an article's related articles
 * (`related` edges, TF-IDF cosine, with the concepts they share) and a concept's co-occurring
 * concepts (`cooccurs` edges, kept only above chance). A file built before them has no such
 * edges; Details then falls back on what data/articles counts from the mentions.
 */
import type { EdgeKind } from "../../core/graph/types";
import { coOccurring, relatedArticles, type CoOccurrence, type ConceptRef, type RelatedArticle } from "./articles";
import { articleAttributes, entityAttributes, isEntity, type AppGraph } from "./graph";

const kindsOf = new WeakMap<AppGraph, Set<EdgeKind>>();

/** Whether the graph holds any edge of `kind` (computed once per graph). */
export function hasEdgeKind(graph: AppGraph, kind: EdgeKind): boolean {
  let kinds = kindsOf.get(graph);
  if (!kinds) {
    kinds = new Set();
    graph.forEachEdge((_edge, attributes) => void kinds!.add(attributes.kind));
    kindsOf.set(graph, kinds);
  }
  return kinds.has(kind);
}

/**
 * The articles related to `article`, strongest first (ties by title), each with the concepts
 * both mention, those that weigh most first. `score` is the edge's cosine similarity.
 */
export function relatedByEdges(graph: AppGraph, article: string, limit = 8): RelatedArticle[] {
  articleAttributes(graph, article);
  const related: RelatedArticle[] = [];
  graph.forEachUndirectedEdge(article, (_edge, attributes, source, target) => {
    if (attributes.kind !== "related") return;
    const id = source === article ? target : source;
    const shared = attributes.shared.flatMap((concept): ConceptRef[] => {
      if (!graph.hasNode(concept)) return [];
      const node = graph.getNodeAttributes(concept);
      return isEntity(node) ? [{ id: concept, label: node.label, type: node.type }] : [];
    });
    related.push({ id, label: articleAttributes(graph, id).label, score: attributes.weight, shared });
  });
  return related.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, limit);
}

/**
 * The concepts `concept` co-occurs with, the most significant tie first (then the most shared
 * articles, then by name); `count` is the number of articles that name both.
 */
export function cooccurringByEdges(graph: AppGraph, concept: string, limit = 12): CoOccurrence[] {
  entityAttributes(graph, concept);
  const partners: (CoOccurrence & { score: number })[] = [];
  graph.forEachUndirectedEdge(concept, (_edge, attributes, source, target) => {
    if (attributes.kind !== "cooccurs") return;
    const id = source === concept ? target : source;
    const { label, type } = entityAttributes(graph, id);
    partners.push({ id, label, type, count: attributes.weight, score: attributes.score });
  });
  return partners
    .sort((a, b) => b.score - a.score || b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ id, label, type, count }) => ({ id, label, type, count }));
}

/** Related articles from the build's edges, or counted from the mentions in a file without them. */
export function relatedTo(graph: AppGraph, article: string, limit = 8): RelatedArticle[] {
  return hasEdgeKind(graph, "related") ? relatedByEdges(graph, article, limit) : relatedArticles(graph, article, limit);
}

/** Co-occurring concepts from the build's edges, or counted from the mentions in a file without them. */
export function togetherWith(graph: AppGraph, concept: string, limit = 12): CoOccurrence[] {
  return hasEdgeKind(graph, "cooccurs") ? cooccurringByEdges(graph, concept, limit) : coOccurring(graph, concept, limit);
}
