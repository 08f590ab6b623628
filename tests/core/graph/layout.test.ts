import { describe, expect, it } from "vitest";
import { buildGraph, type InsightGraph } from "../../../src/core/graph/build";
import { assignLayout } from "../../../src/core/graph/layout";
import { seededRandom } from "../../../src/core/random";
import type { Entry, Extraction } from "../../../src/core/types";

/**
 * A reading list of `articles` entries, each naming up to three of `concepts` concepts; with
 * `skew` above 1 the first concepts are named far more often (hubs), as in real lists.
 */
function syntheticGraph(articles: number, concepts: number, seed = 5, skew = 2): InsightGraph {
  const random = seededRandom(seed);
  const entries: Entry[] = Array.from({ length: articles }, (_, i) => ({
    kind: "bookmark",
    title: `Article ${i}`,
    description: "",
    section: "S",
    subsection: "",
    insights: [],
    note: "",
    source: "",
    line: i + 1,
  }));
  const extraction: Extraction = {
    entities: Array.from({ length: concepts }, (_, i) => ({ id: `c${i}`, name: `Concept ${i}`, type: "technique" as const, aliases: [] })),
    mentions: entries.flatMap((_, entry) =>
      [...new Set(Array.from({ length: 3 }, () => Math.floor(concepts * random() ** skew)))].map((c) => ({
        entry,
        entity: `c${c}`,
        evidence: [{ field: "title" as const, index: 0, start: 0, end: 1 }],
      })),
    ),
  };
  return buildGraph({ title: "", sections: [], entries }, extraction, { name: "synthetic" });
}

function positions(graph: InsightGraph): string {
  return JSON.stringify(graph.mapNodes((node, attr) => [node, attr.x, attr.y, attr.positions]));
}

describe("assignLayout", () => {
  it("gives the same places in every view, byte for byte, for the same graph and seed", () => {
    for (const [articles, concepts] of [[150, 60], [1500, 600]] as const) {
      const a = syntheticGraph(articles, concepts);
      const b = syntheticGraph(articles, concepts);
      assignLayout(a, { seed: 3, iterations: 10 });
      assignLayout(b, { seed: 3, iterations: 10 });
      expect(JSON.stringify(a.export())).toBe(JSON.stringify(b.export()));
    }
  });

  it("gives another picture for another seed", () => {
    const a = syntheticGraph(150, 60);
    const b = syntheticGraph(150, 60);
    assignLayout(a, { seed: 3, iterations: 30 });
    assignLayout(b, { seed: 4, iterations: 30 });
    expect(positions(a)).not.toBe(positions(b));
  });

  it("lays out the three views: the map in x, y, the concepts and articles views in positions", () => {
    const graph = syntheticGraph(150, 60);
    assignLayout(graph, { seed: 1 });
    graph.forEachNode((node, attr) => {
      expect(Number.isFinite(attr.x) && Number.isFinite(attr.y), node).toBe(true);
      expect(Object.keys(attr.positions ?? {}), node).toEqual([attr.kind === "entity" ? "concepts" : "articles"]);
    });
  });

  it("lays out a graph with no edges, or a lone node, at finite coordinates", () => {
    for (const graph of [syntheticGraph(1, 0), syntheticGraph(20, 0)]) {
      assignLayout(graph);
      graph.forEachNode((_, attr) => expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true));
    }
  });
});
