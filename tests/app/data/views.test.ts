import { describe, expect, it } from "vitest";
import {
  availableViews,
  isInView,
  isViewEdge,
  viewEmphasis,
  viewFrames,
  viewNeighbourhood,
  viewNodes,
  viewPosition,
} from "../../../src/app/data/views";
import { emphasis } from "../../../src/app/data/scene";
import { communities } from "../../../src/core/communities/index";
import { findPath } from "../../../src/app/data/path";
import { fixtureGraph } from "../fixtures/graph";
import { IO_URING, KAFKA_AT_NETFLIX, POSTGRES_MVCC, RUST_STORAGE, WAL_IN_DEPTH, viewsGraph } from "./views-fixture";

const graph = viewsGraph();
const articles = graph.filterNodes((_n, a) => a.kind === "article");
const concepts = graph.filterNodes((_n, a) => a.kind === "entity");

describe("which views a graph offers", () => {
  it("offers the three views when the build placed nodes in them", () => {
    expect(availableViews(graph)).toEqual(["map", "concepts", "articles"]);
  });

  it("offers only the map in a graph built before views", () => {
    // The fixture has no places in views: it stands for such a file.
    expect(availableViews(fixtureGraph())).toEqual(["map"]);
  });
});

describe("where a node stands", () => {
  it("stands at x, y on the map and at its place in the view that shows it", () => {
    const attributes = graph.getNodeAttributes(POSTGRES_MVCC);
    expect(viewPosition(attributes, "map")).toEqual([attributes.x, attributes.y]);
    expect(viewPosition(attributes, "articles")).toEqual(attributes.positions?.articles);
    expect(viewPosition(attributes, "concepts")).toBeUndefined();
  });

  it("shows every node on the map, and each other view only its own kind", () => {
    expect(viewNodes(graph, "map").size).toBe(graph.order);
    expect([...viewNodes(graph, "articles")].sort()).toEqual([...articles].sort());
    expect([...viewNodes(graph, "concepts")].sort()).toEqual([...concepts].sort());
    expect(isInView(graph.getNodeAttributes("entity:kafka"), "articles")).toBe(false);
  });

  it("parks a node a view lacks inside that view's extent, so it takes no space", () => {
    const frames = viewFrames(graph);
    for (const view of ["concepts", "articles"] as const) {
      const places = graph.filterNodes((_n, a) => isInView(a, view)).map((n) => viewPosition(graph.getNodeAttributes(n), view)!);
      const [x, y] = frames[view].centre;
      expect(x).toBeGreaterThanOrEqual(Math.min(...places.map((p) => p[0])));
      expect(x).toBeLessThanOrEqual(Math.max(...places.map((p) => p[0])));
      expect(y).toBeGreaterThanOrEqual(Math.min(...places.map((p) => p[1])));
      expect(y).toBeLessThanOrEqual(Math.max(...places.map((p) => p[1])));
    }
  });

  it("sizes nodes to each view's extent, so that they look alike in every view", () => {
    const frames = viewFrames(graph);
    expect(frames.map.scale).toBe(1);
    // The fixture's views spread 10 units a node; its map fits in a circle of radius 100.
    const span = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const mapSpan = Math.max(span(graph.mapNodes((_n, a) => a.x)), span(graph.mapNodes((_n, a) => a.y)));
    const articles = graph.filterNodes((_n, a) => isInView(a, "articles")).map((n) => viewPosition(graph.getNodeAttributes(n), "articles")!);
    const articleSpan = Math.max(span(articles.map((p) => p[0])), span(articles.map((p) => p[1])));
    expect(frames.articles.scale).toBeCloseTo(articleSpan / mapSpan);
    expect(viewFrames(fixtureGraph()).concepts).toEqual({ centre: [0, 0], scale: 1 });
  });
});

describe("which edges each view draws", () => {
  it("draws mentions and broader relations on the map, co-occurrence among concepts, related edges among articles", () => {
    expect(isViewEdge("mentions", "map")).toBe(true);
    expect(isViewEdge("related", "map")).toBe(false);
    expect(isViewEdge("cooccurs", "concepts")).toBe(true);
    expect(isViewEdge("broader", "concepts")).toBe(true);
    expect(isViewEdge("mentions", "concepts")).toBe(false);
    expect(isViewEdge("related", "articles")).toBe(true);
    expect(isViewEdge("mentions", "articles")).toBe(false);
  });
});

describe("what a view lights", () => {
  it("lights on hover the neighbours through the view's own edges only", () => {
    expect([...viewNeighbourhood(graph, "articles", RUST_STORAGE).nodes].sort()).toEqual([IO_URING, POSTGRES_MVCC, RUST_STORAGE].sort());
    // On the map, an article's neighbours are its concepts, not its related articles.
    const onMap = viewNeighbourhood(graph, "map", RUST_STORAGE);
    expect([...onMap.nodes].every((n) => n === RUST_STORAGE || graph.getNodeAttribute(n, "kind") === "entity")).toBe(true);
    expect(onMap.nodes.size).toBe(4);
  });

  it("takes the map's emphasis as it is on the map", () => {
    const article = { kind: "article", id: RUST_STORAGE } as const;
    expect(viewEmphasis(graph, "map", article, null)).toEqual(emphasis(graph, article, null));
  });

  it("lights a region as its nodes and the edges among them, in every view, naming it by its first concepts", () => {
    const graph = viewsGraph();
    communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
    const regions = graph.getAttribute("communities")!;
    const community = regions[0]!.id;
    const members = graph.filterNodes((_n, a) => a.community === community);
    const selection = { kind: "region", community } as const;
    const onMap = viewEmphasis(graph, "map", selection, null);
    expect([...onMap.nodes].sort()).toEqual([...members].sort());
    expect([...onMap.edges].every((e) => members.includes(graph.source(e)) && members.includes(graph.target(e)))).toBe(true);
    expect([...onMap.focus]).toEqual(regions[0]!.concepts.filter((c) => members.includes(c)).slice(0, 3));
    for (const view of ["concepts", "articles"] as const) {
      const lit = viewEmphasis(graph, view, selection, null);
      expect([...lit.nodes].every((n) => members.includes(n) && isInView(graph.getNodeAttributes(n), view))).toBe(true);
    }
    expect(viewEmphasis(graph, "map", { kind: "region", community: 999 }, null).nodes.size).toBe(0);
  });

  it("lights an article chosen in the articles view with its related articles, not its concepts", () => {
    const lit = viewEmphasis(graph, "articles", { kind: "article", id: POSTGRES_MVCC }, null);
    expect([...lit.nodes].sort()).toEqual([POSTGRES_MVCC, WAL_IN_DEPTH, RUST_STORAGE, KAFKA_AT_NETFLIX].sort());
    expect([...lit.focus]).toEqual([POSTGRES_MVCC]);
    // Its three related articles, and the tie between two of them (Kafka and WAL).
    expect([...lit.edges].every((edge) => graph.getEdgeAttribute(edge, "kind") === "related")).toBe(true);
    expect(lit.edges.size).toBe(4);
  });

  it("lights a concept chosen in the articles view through its articles and how they relate", () => {
    const lit = viewEmphasis(graph, "articles", { kind: "concepts", ids: ["entity:postgresql"], match: "all" }, null);
    expect([...lit.nodes].sort()).toEqual([POSTGRES_MVCC, WAL_IN_DEPTH].sort());
    expect(lit.focus.size).toBe(0);
    expect([...lit.edges].map((e) => graph.getEdgeAttribute(e, "kind"))).toEqual(["related"]);
  });

  it("lights a concept chosen in the concepts view with the concepts it co-occurs with", () => {
    const lit = viewEmphasis(graph, "concepts", { kind: "concepts", ids: ["entity:postgresql"], match: "all" }, null);
    expect([...lit.nodes].sort()).toEqual(["entity:postgresql", "entity:write-ahead-logging"]);
    expect([...lit.focus]).toEqual(["entity:postgresql"]);
    expect([...lit.edges].map((e) => graph.getEdgeAttribute(e, "kind"))).toEqual(["cooccurs"]);
  });

  it("lights nothing when nothing is chosen", () => {
    expect(viewEmphasis(graph, "concepts", { kind: "none" }, null).nodes.size).toBe(0);
  });

  it("lights a path's steps that the view shows, and nothing beside them", () => {
    const path = findPath(graph, "entity:kafka", "entity:mvcc")!;
    const lit = viewEmphasis(graph, "articles", { kind: "none" }, path);
    const articleSteps = path.steps.filter((step) => step.kind === "article").map((step) => step.id);
    expect([...lit.nodes].sort()).toEqual(articleSteps.sort());
    expect([...lit.focus].sort()).toEqual(articleSteps.sort());
  });
});
