import { describe, expect, it } from "vitest";
import Graph from "graphology";
import type { InsightGraph } from "../../../src/core/graph/build";
import { layoutQuality, neighbourhoodShare, regionShare } from "../../../src/core/layout/quality";
import { seededRandom } from "../../../src/core/random";
import { plantedView } from "./planted";

/** Four communities of 20 points: each in its own corner (good), or all mixed at random (bad). */
function layouts() {
  const random = seededRandom(5);
  const community = Int32Array.from({ length: 80 }, (_, i) => Math.floor(i / 20));
  const corner = (c: number) => [(c % 2) * 1000, Math.floor(c / 2) * 1000];
  const good = { x: Float64Array.from(community, (c) => corner(c)[0]! + random() * 100), y: Float64Array.from(community, (c) => corner(c)[1]! + random() * 100) };
  const bad = { x: Float64Array.from(community, () => random() * 1000), y: Float64Array.from(community, () => random() * 1000) };
  return { community, good, bad };
}

describe("regionShare", () => {
  it("is 1 when every community is a patch of its own, and near chance when communities are mixed", () => {
    const { community, good, bad } = layouts();
    expect(regionShare(good.x, good.y, community)).toEqual({ share: 1, measured: 80, shareOfAll: 1 });
    const mixed = regionShare(bad.x, bad.y, community);
    expect(mixed.share).toBeGreaterThan(0.05);
    expect(mixed.share).toBeLessThan(0.45);
  });

  it("measures only nodes whose community has more than k nodes, and reports the mean over all beside it", () => {
    // Communities 0 and 1 of six points each, far apart, and a community of two points (grey) in between.
    const x = Float64Array.of(0, 1, 2, 0, 1, 2, 100, 101, 102, 100, 101, 102, 50, 51);
    const y = Float64Array.of(0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0);
    const community = Int32Array.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2);
    const result = regionShare(x, y, community, { neighbours: 5 });
    expect(result.measured).toBe(12);
    expect(result.share).toBe(1);
    // Each grey point has its partner among its five nearest, and four strangers.
    expect(result.shareOfAll).toBeCloseTo((12 + 2 * 0.2) / 14, 10);
  });
});

describe("neighbourhoodShare", () => {
  it("is higher when the map keeps graph neighbours together than when it scatters them", () => {
    const view = plantedView(4, 20);
    const { good, bad } = layouts();
    expect(neighbourhoodShare(good.x, good.y, view)).toBeGreaterThan(neighbourhoodShare(bad.x, bad.y, view) + 0.3);
  });
});

describe("layoutQuality", () => {
  function graphOf(): InsightGraph {
    const graph = new Graph({ type: "mixed" }) as unknown as InsightGraph;
    const article = (key: string, x: number, community: number, positions?: [number, number]) =>
      graph.addNode(key, { kind: "article", label: key, description: "", section: "", subsection: "", insights: [], note: "", source: "", inputs: [], entryKind: "bookmark", community, x, y: 0, size: 2, color: "#000", ...(positions ? { positions: { articles: positions } } : {}) });
    article("article:a", 0, 0, [0, 0]);
    article("article:b", 3, 0, [10, 0]);
    graph.addNode("entity:c", { kind: "entity", type: "technique", label: "c", aliases: [], articleCount: 2, community: 0, x: 100, y: 0, size: 2, color: "#000", positions: { concepts: [0, 0] } });
    graph.addDirectedEdge("article:a", "entity:c", { kind: "mentions", weight: 1, evidence: [] });
    graph.addUndirectedEdge("article:a", "article:b", { kind: "related", weight: 0.5, shared: ["entity:c"] });
    return graph;
  }

  it("counts a view's nodes, edges and overlapping discs from the places of that view", () => {
    const graph = graphOf();
    // On the map, a and b (radius 2, 3 apart) overlap; in the articles view they are 10 apart.
    expect(layoutQuality(graph, "map")).toMatchObject({ view: "map", nodes: 3, edges: 1, overlaps: 1 });
    expect(layoutQuality(graph, "articles")).toMatchObject({ view: "articles", nodes: 2, edges: 1, overlaps: 0 });
    expect(layoutQuality(graph, "concepts")).toMatchObject({ view: "concepts", nodes: 1, edges: 0, overlaps: 0 });
  });

  it("refuses a view in which a node it shows has no place", () => {
    const graph = graphOf();
    graph.removeNodeAttribute("article:b", "positions");
    expect(() => layoutQuality(graph, "articles")).toThrow(/article:b has no place in the articles view/);
  });
});
