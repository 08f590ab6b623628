import { describe, expect, it } from "vitest";
import { buildGraph, type InsightGraph } from "../../../src/core/graph/build";
import { viewLayout } from "../../../src/core/layout/index";
import { layoutQuality } from "../../../src/core/layout/quality";
import { seededRandom } from "../../../src/core/random";
import type { Entry, Extraction } from "../../../src/core/types";

/**
 * A reading list on `topics` topics: each article names three or four concepts, mostly of its own
 * topic (its own vocabulary of 12), sometimes one of the next topic's.
 */
export function topicalGraph(articles: number, topics: number, seed = 9): InsightGraph {
  const random = seededRandom(seed);
  const entries: Entry[] = Array.from({ length: articles }, (_, i) => ({ kind: "bookmark", title: `Article ${i}`, description: "", section: "S", subsection: "", insights: [], note: "", source: "", line: i + 1 }));
  const evidence = [{ field: "title" as const, index: 0, start: 0, end: 1 }];
  const mentions: Extraction["mentions"] = [];
  entries.forEach((_, entry) => {
    const topic = entry % topics;
    const named = new Set<number>();
    while (named.size < 3 + (entry % 2)) {
      const t = random() < 0.9 ? topic : (topic + 1) % topics;
      named.add(t * 12 + Math.floor(12 * random() ** 2));
    }
    for (const concept of named) mentions.push({ entry, entity: `c${concept}`, evidence });
  });
  const extraction: Extraction = {
    entities: Array.from({ length: topics * 12 }, (_, i) => ({ id: `c${i}`, name: `Concept ${i}`, type: "technique" as const, aliases: [] })),
    mentions,
  };
  return buildGraph({ title: "", sections: [], entries }, extraction, { name: "topical" });
}

describe("viewLayout", () => {
  it("places exactly the nodes each view shows: the map every node, the concepts view concepts, the articles view articles", () => {
    const graph = topicalGraph(120, 4);
    expect(Object.keys(viewLayout(graph, { view: "map" })).sort()).toEqual(graph.nodes().sort());
    const concepts = graph.filterNodes((_, attributes) => attributes.kind === "entity").sort();
    const articles = graph.filterNodes((_, attributes) => attributes.kind === "article").sort();
    expect(Object.keys(viewLayout(graph, { view: "concepts" })).sort()).toEqual(concepts);
    expect(Object.keys(viewLayout(graph, { view: "articles" })).sort()).toEqual(articles);
  });

  it("writes the map's places as x, y and the other views' as positions, on exactly the nodes of that view, to two decimals", () => {
    const graph = topicalGraph(120, 4);
    for (const view of ["map", "concepts", "articles"] as const) viewLayout.assign(graph, { view, seed: 2 });
    graph.forEachNode((node, attributes) => {
      const other = attributes.kind === "entity" ? "articles" : "concepts";
      const own = attributes.kind === "entity" ? "concepts" : "articles";
      expect(attributes.positions?.[other], node).toBeUndefined();
      const place = attributes.positions?.[own];
      expect(place, node).toHaveLength(2);
      for (const value of [...place!, attributes.x, attributes.y]) expect(Math.round(value * 100) / 100).toBe(value);
    });
    for (const view of ["map", "concepts", "articles"] as const) {
      const quality = layoutQuality(graph, view);
      expect(quality.regionShare, view).toBeGreaterThanOrEqual(0.7);
      expect(quality.overlaps, view).toBe(0);
    }
  });

  it("removes a place a view no longer gives (a node that left the view)", () => {
    const graph = topicalGraph(40, 2);
    const article = graph.findNode((_, attributes) => attributes.kind === "article")!;
    graph.mergeNodeAttributes(article, { positions: { concepts: [1, 2], articles: [3, 4] } });
    viewLayout.assign(graph, { view: "concepts" });
    expect(graph.getNodeAttribute(article, "positions")).toEqual({ articles: [3, 4] });
  });
});
