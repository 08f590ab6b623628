/**
 * Which articles a hand-out lists, and under which headings: the articles a selection lights, a
 * region's, or a tour's step by step. Pure functions of the graph, built on the app's own
 * reading of a selection (`emphasis`, `articlesMatching`, `articlesWithNarrower`), so a hand-out
 * lists exactly the articles the map lights for the same state, in the order Details lists them.
 */
import { readingList } from "../../core/handout";
import { describeStep } from "../../core/tours/describe";
import type { Tour, TourStep } from "../../core/tours/types";
import { articlesMatching } from "../data/articles";
import { articleAttributes, isArticle, type AppGraph } from "../data/graph";
import { articlesWithNarrower, includesNarrower } from "../data/hierarchy";
import { findPath, type FoundPath } from "../data/path";
import { regionsOf } from "../data/regions";
import type { Selection } from "../data/scene";
import { INITIAL_STATE } from "../state/store";
import { stateForStep } from "../tours/step";

export interface ArticleGroup {
  /** A concept's, a region's or a tour step's name; absent when the hand-out has one group. */
  heading?: string;
  /** A tour step's note. */
  note?: string;
  /** Article node keys, each once in the group, in reading order. */
  articles: string[];
}

/** What a hand-out holds before it is written: plain data, so tests read it and the menu names it. */
export interface HandoutPlan {
  title: string;
  intro?: string;
  groups: ArticleGroup[];
}

/** A node's label, for naming steps and concepts; undefined for a key the graph lacks. */
function labelIn(graph: AppGraph) {
  return (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);
}

function documentName(graph: AppGraph): string {
  return graph.getAttribute("name") || "the reading list";
}

function counted(count: number): string {
  return count === 1 ? "1 article" : `${count} articles`;
}

/**
 * The articles a selection lights (or, with nothing selected, the found path's), grouped: by
 * concept when it holds several (the chosen one's, then each narrower concept's when they are
 * included; with Match: Any, each query concept's), one group otherwise. Each article once.
 * Null when the state lights no article (nothing selected, or a region number the graph lacks).
 */
export function selectionGroups(graph: AppGraph, selection: Selection, path: FoundPath | null): ArticleGroup[] | null {
  const label = labelIn(graph);
  if (selection.kind === "none") {
    const articles = path?.steps.filter((step) => step.kind === "article").map((step) => step.id) ?? [];
    return articles.length > 0 ? [{ articles }] : null;
  }
  switch (selection.kind) {
    case "article":
      return graph.hasNode(selection.id) ? [{ articles: [selection.id] }] : null;
    case "region": {
      const articles = regionArticles(graph, selection.community);
      return articles.length > 0 ? [{ articles }] : null;
    }
    case "concepts": {
      if (includesNarrower(graph, selection)) {
        // Every article under the first of the concepts it names: the chosen one, then those below.
        const { counts, articles } = articlesWithNarrower(graph, selection.ids[0]!);
        if (articles.length === 0) return null;
        return counts
          .map((concept) => ({ heading: concept.label, articles: articles.filter((a) => a.concepts[0] === concept.id).map((a) => a.id) }))
          .filter((group) => group.articles.length > 0);
      }
      const matches = articlesMatching(graph, selection.ids, selection.match);
      if (matches.length === 0) return null;
      if (selection.ids.length === 1 || selection.match === "all") return [{ articles: matches.map((m) => m.id) }];
      // Any of several: each article under the first query concept it names.
      return selection.ids
        .map((concept) => ({ heading: label(concept) ?? concept, articles: matches.filter((m) => m.matched[0] === concept).map((m) => m.id) }))
        .filter((group) => group.articles.length > 0);
    }
  }
}

/** A region's articles, the most central (label priority) first, then by title. */
export function regionArticles(graph: AppGraph, community: number): string[] {
  const importance = (key: string) => graph.getNodeAttribute(key, "importance") ?? 0;
  return graph
    .filterNodes((_node, attributes) => isArticle(attributes) && attributes.community === community)
    .sort((a, b) => importance(b) - importance(a) || graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label")));
}

/** The hand-out of what a selection (or, with none, the found path) shows; null when it lights no article. */
export function selectionHandout(graph: AppGraph, selection: Selection, path: FoundPath | null): HandoutPlan | null {
  if (selection.kind === "region") return regionHandout(graph, selection.community);
  const groups = selectionGroups(graph, selection, path);
  if (!groups) return null;
  const label = labelIn(graph);
  const count = counted(groups.reduce((sum, group) => sum + group.articles.length, 0));
  const from = `from “${documentName(graph)}”`;
  if (selection.kind === "article") {
    return { title: describeStep({ show: { node: selection.id } }, label), groups };
  }
  if (selection.kind === "concepts") {
    const named = describeStep({ show: { concepts: selection.ids, match: selection.match } }, label);
    const below = includesNarrower(graph, selection) ? " or a concept below it" : "";
    return { title: named, intro: `${count} ${from} that mention ${named}${below}.`, groups };
  }
  const ends = path!.steps;
  const title = describeStep({ show: { path: { from: ends[0]!.id, to: ends.at(-1)!.id } } }, label);
  return { title, intro: `${count} ${from} on the shortest path between ${ends[0]!.label} and ${ends.at(-1)!.label}, in the order of the path.`, groups };
}

/** The hand-out of a region: its articles under its name; null when it has none. */
export function regionHandout(graph: AppGraph, community: number): HandoutPlan | null {
  const articles = regionArticles(graph, community);
  if (articles.length === 0) return null;
  const name = regionsOf(graph)[community]?.name ?? `Region ${community + 1}`;
  return {
    title: name,
    intro: `The ${counted(articles.length)} of the region “${name}” ${`from “${documentName(graph)}”`}, the most central first.`,
    groups: [{ heading: name, articles }],
  };
}

/** The articles a tour step lights, as a step shown by the player does: each once. */
export function stepArticles(graph: AppGraph, step: TourStep): string[] {
  const state = stateForStep(step, graph, INITIAL_STATE);
  const path = state.selection.kind === "none" && state.path.from && state.path.to ? findPath(graph, state.path.from, state.path.to) : null;
  const groups = selectionGroups(graph, state.selection, path) ?? [];
  return [...new Set(groups.flatMap((group) => group.articles))];
}

/** The hand-out of a whole tour: one group per step, headed by its number and name, with its note. */
export function tourHandout(graph: AppGraph, tour: Tour): HandoutPlan {
  const label = labelIn(graph);
  return {
    title: tour.title,
    ...(tour.description ? { intro: tour.description } : {}),
    groups: tour.steps.map((step, i) => ({
      heading: `${i + 1}. ${describeStep(step, label)}`,
      ...(step.note ? { note: step.note } : {}),
      articles: stepArticles(graph, step),
    })),
  };
}

/** The Markdown of a plan (see core/handout): each article read from the graph. */
export function handoutMarkdown(graph: AppGraph, plan: HandoutPlan): string {
  return readingList({
    title: plan.title,
    ...(plan.intro ? { intro: plan.intro } : {}),
    groups: plan.groups.map((group) => ({ ...group, articles: group.articles.map((key) => articleAttributes(graph, key)) })),
  });
}

/** Every article key a plan lists (a step's articles may recur in other steps). */
export function plannedArticles(plan: HandoutPlan): Set<string> {
  return new Set(plan.groups.flatMap((group) => group.articles));
}
