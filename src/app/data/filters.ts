/**
 * Filters as serialisable data, and what they leave visible. Hiding is by exclusion, so a new
 * type or section in another reading list is shown by default.
 */
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import { isArticle, isBroaderEdge, mentioningArticles, sectionPath, type AppGraph } from "./graph";

export interface Filters {
  hiddenTypes: EntityType[];
  /** Section keys (`sectionPath`): a section name, or "Section › Subsection". */
  hiddenSections: string[];
  /** Concepts mentioned by fewer articles are hidden. */
  minArticles: number;
}

export const DEFAULT_FILTERS: Filters = { hiddenTypes: [], hiddenSections: [], minArticles: 1 };

export function isDefaultFilters(filters: Filters): boolean {
  return filters.hiddenTypes.length === 0 && filters.hiddenSections.length === 0 && filters.minArticles <= 1;
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
    }
  });
  return {
    types: ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type)! })),
    sections: [...sections.values()].filter((s) => s.count > 0),
    maxArticleCount,
  };
}

/**
 * The nodes the filters leave on the map. A concept whose every article is filtered out goes
 * too: a concept floating alone says nothing. A grouping concept shows when one of the
 * concepts it groups does.
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
