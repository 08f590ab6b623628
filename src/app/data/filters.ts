/**
 * Filters as serialisable data, and what they leave visible. Hiding is by exclusion, so a new
 * type or section in another reading list is shown by default. One exception: concepts that a
 * single article names (most of them, in a reading list) wait until one zooms in or asks for
 * them, so that the map first shows what ties articles together.
 */
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import type { NodeAttributes } from "../../core/graph/types";
import { isArticle, isBroaderEdge, mentioningArticles, sectionPath, type AppGraph } from "./graph";

export interface Filters {
  hiddenTypes: EntityType[];
  /** Section keys (`sectionPath`): a section name, or "Section › Subsection". */
  hiddenSections: string[];
  /** Concepts mentioned by fewer articles are hidden. */
  minArticles: number;
  /**
   * "Show concepts named by one article": when false (the default), a concept one article
   * names shows only when one zooms in (see `revealsRare`) or when it is chosen or lit.
   */
  showRare: boolean;
}

export const DEFAULT_FILTERS: Filters = { hiddenTypes: [], hiddenSections: [], minArticles: 1, showRare: false };

/** What "Show everything" asks for: every type, section and concept, however rare. */
export const EVERYTHING: Filters = { ...DEFAULT_FILTERS, showRare: true };

export function isDefaultFilters(filters: Filters): boolean {
  return filters.hiddenTypes.length === 0 && filters.hiddenSections.length === 0 && filters.minArticles <= 1 && !filters.showRare;
}

/** A concept named by one article: hidden until one zooms in or asks (grouping concepts, named by none, are not). */
export function isRare(attributes: NodeAttributes): boolean {
  return attributes.kind === "entity" && attributes.articleCount === 1;
}

/**
 * About this many one-article concepts may come into view at once when zooming reveals them. A
 * screen at camera ratio r shows about r² of the map, so `rare` concepts spread over it put
 * about rare × r² on screen: they are revealed once that is at most this budget.
 */
export const RARE_ON_SCREEN = 150;

/**
 * Whether one-article concepts show at camera ratio `ratio` (1 = the whole map on screen, smaller
 * = closer) in a graph that has `rare` of them. A small graph shows them from the start.
 */
export function revealsRare(rare: number, ratio: number): boolean {
  return rare * ratio * ratio <= RARE_ON_SCREEN;
}

export interface SectionChoice {
  key: string;
  name: string;
  /** Articles in it (for a section, including its subsections). */
  count: number;
  subsections: { key: string; name: string; count: number }[];
}

export interface FilterChoices {
  types: { type: EntityType; count: number }[];
  sections: SectionChoice[];
  /** The largest `articleCount`, the top of the "Minimum articles" range. */
  maxArticleCount: number;
  /** Concepts named by one article (see `isRare`). */
  rareCount: number;
}

/** Every choice the Filters panel offers, with counts, in document order. */
export function filterChoices(graph: AppGraph): FilterChoices {
  const typeCounts = new Map<EntityType, number>();
  const sections = new Map<string, SectionChoice>();
  const declared = graph.getAttribute("sections") ?? [];
  for (const { name, subsections } of declared) {
    sections.set(name, {
      key: name,
      name,
      count: 0,
      subsections: subsections.map((sub) => ({ key: sectionPath({ section: name, subsection: sub }), name: sub, count: 0 })),
    });
  }
  let maxArticleCount = 1;
  let rareCount = 0;
  graph.forEachNode((_node, attributes) => {
    if (isArticle(attributes)) {
      if (!attributes.section) return;
      let section = sections.get(attributes.section);
      if (!section) {
        section = { key: attributes.section, name: attributes.section, count: 0, subsections: [] };
        sections.set(attributes.section, section);
      }
      section.count++;
      if (attributes.subsection) {
        const key = sectionPath(attributes);
        let sub = section.subsections.find((s) => s.key === key);
        if (!sub) section.subsections.push((sub = { key, name: attributes.subsection, count: 0 }));
        sub.count++;
      }
    } else {
      typeCounts.set(attributes.type, (typeCounts.get(attributes.type) ?? 0) + 1);
      maxArticleCount = Math.max(maxArticleCount, attributes.articleCount);
      if (isRare(attributes)) rareCount++;
    }
  });
  return {
    types: ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type)! })),
    sections: [...sections.values()].filter((s) => s.count > 0),
    maxArticleCount,
    rareCount,
  };
}

/**
 * The nodes the filters leave on the map. A concept whose every article is filtered out goes
 * too: a concept floating alone says nothing. A grouping concept shows when one of the
 * concepts it groups does. One-article concepts show only with `showRare` (the app sets it
 * too while the camera is close enough: see `revealsRare`).
 */
export function visibleNodes(graph: AppGraph, filters: Filters): Set<string> {
  const hiddenTypes = new Set(filters.hiddenTypes);
  const hiddenSections = new Set(filters.hiddenSections);
  const visible = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (!isArticle(attributes)) return;
    if (hiddenSections.has(attributes.section) || hiddenSections.has(sectionPath(attributes))) return;
    visible.add(node);
  });
  const groups: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (isArticle(attributes) || hiddenTypes.has(attributes.type)) return;
    if (!filters.showRare && isRare(attributes)) return;
    // A grouping concept (see the graph contract) has no article of its own: it stands with
    // the concepts it groups, whatever the minimum.
    if (attributes.articleCount === 0) groups.push(node);
    else if (attributes.articleCount >= filters.minArticles && mentioningArticles(graph, node).some((a) => visible.has(a))) visible.add(node);
  });
  // Groups can stack (a group under a group): repeat until no more shows.
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of groups) {
      if (visible.has(node)) continue;
      if (graph.someInEdge(node, (_edge, attributes, source) => isBroaderEdge(attributes) && visible.has(source))) {
        visible.add(node);
        grew = true;
      }
    }
  }
  return visible;
}
