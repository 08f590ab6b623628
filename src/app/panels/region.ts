/**
 * Details of a region (a community of the graph): its name, its size, the concepts that
 * characterise it (each a button that focuses the concept) and its articles, listed as Details
 * lists a concept's (a button with the title, then the section), the most important first.
 */
import type { AppContext } from "../context";
import { sectionPath, articleAttributes, entityAttributes } from "../data/graph";
import { regionsOf } from "../data/regions";
import { h, headedList, plural, type Child } from "../dom";
import type { DetailsParts } from "./narrower";

/** A region's nodes, split by kind, each list by importance (most first), then by label. */
export function regionMembers(context: Pick<AppContext, "graph">, community: number): { articles: string[]; concepts: string[] } {
  const { graph } = context;
  const articles: string[] = [];
  const concepts: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.community !== community) return;
    (attributes.kind === "article" ? articles : concepts).push(node);
  });
  const byImportance = (a: string, b: string) =>
    (graph.getNodeAttribute(b, "importance") ?? 0) - (graph.getNodeAttribute(a, "importance") ?? 0) ||
    graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label"));
  return { articles: articles.sort(byImportance), concepts: concepts.sort(byImportance) };
}

export function regionView(context: AppContext, community: number, parts: Pick<DetailsParts, "conceptButton" | "articleButton">): Child[] {
  const { graph } = context;
  const region = regionsOf(graph)[community];
  if (!region) return [h("p", { class: "lead" }, "This graph has no such region.")];
  const { articles, concepts } = regionMembers(context, community);
  // The concepts the build found characteristic of the region, in its order; they are its name.
  const characteristic = region.concepts.filter((key) => graph.hasNode(key) && graph.getNodeAttribute(key, "community") === community);

  const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
  // Through the CSSOM: a value from graph.json that is not a colour is dropped, never read as CSS.
  swatch.style.background = region.color;
  return [
    h("h2", null, region.name),
    h("p", { class: "kind" }, swatch, `Region · ${plural(articles.length, "article")} and ${plural(concepts.length, "concept")}`),
    characteristic.length > 0
      ? headedList(
          "Characteristic concepts",
          "together",
          characteristic.map((key) => [
            parts.conceptButton(context, key),
            h("span", { class: "count" }, ` ${plural(entityAttributes(graph, key).articleCount, "article")}`),
          ]),
        )
      : null,
    h("h3", null, plural(articles.length, "article")),
    h(
      "ul",
      { class: "article-list", role: "list", "aria-label": "Articles in this region" },
      articles.map((id) => h("li", null, parts.articleButton(context, id), h("span", { class: "section" }, sectionPath(articleAttributes(graph, id))))),
    ),
  ];
}
