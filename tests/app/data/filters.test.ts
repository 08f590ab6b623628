import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, EVERYTHING, RARE_ON_SCREEN, filterChoices, isDefaultFilters, revealsRare, visibleNodes } from "../../../src/app/data/filters";
import { emphasis } from "../../../src/app/data/scene";
import { viewNeighbourhood } from "../../../src/app/data/views";
import { findPath } from "../../../src/app/data/path";
import { fixtureGraph } from "../fixtures/graph";
import { CONCURRENCY_CONTROL, MVCC, WAL, WAL_ARCHIVING, WAL_REPLAY, hierarchyGraph } from "../fixtures/hierarchy";

const graph = fixtureGraph();

describe("filterChoices", () => {
  it("offers each type and section present, with counts, in document order", () => {
    const choices = filterChoices(graph);
    expect(choices.types).toEqual([
      { type: "organization", count: 1 },
      { type: "technology", count: 6 },
      { type: "technique", count: 2 },
      { type: "person", count: 1 },
    ]);
    expect(choices.sections.map((s) => [s.name, s.count])).toEqual([
      ["Case Studies", 2],
      ["Techniques", 2],
      ["Data Storage", 2],
      ["Programming Languages", 1],
    ]);
    expect(choices.sections[1]?.subsections).toEqual([
      { key: "Techniques › I/O", name: "I/O", count: 1 },
      { key: "Techniques › Resilience", name: "Resilience", count: 1 },
    ]);
    expect(choices.maxArticleCount).toBe(2);
    // Marc Brooker, Café and pg_repack: each named by one article.
    expect(choices.rareCount).toBe(3);
  });
});

describe("visibleNodes", () => {
  it("shows everything when asked to", () => {
    expect(visibleNodes(graph, EVERYTHING).size).toBe(graph.order);
  });

  it("waits, by default, to show the concepts one article names", () => {
    const visible = visibleNodes(graph, DEFAULT_FILTERS);
    const rare = ["entity:marc-brooker", "entity:cafe", "entity:pg-repack"];
    for (const concept of rare) expect(visible.has(concept), concept).toBe(false);
    expect(visible.size).toBe(graph.order - rare.length);
    // Their articles stay: an article is never rare.
    expect(visible.has("article:timeouts-retries-and-backoff-marc-brooker")).toBe(true);
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
    expect(isDefaultFilters(EVERYTHING)).toBe(false);
  });

  it("reveals one-article concepts once about RARE_ON_SCREEN of them would be on screen", () => {
    // Fit to the whole map (ratio 1): a small graph shows them at once, a large one waits.
    expect(revealsRare(3, 1)).toBe(true);
    expect(revealsRare(RARE_ON_SCREEN, 1)).toBe(true);
    expect(revealsRare(RARE_ON_SCREEN * 4, 1)).toBe(false);
    // Twice as close, a quarter of the map is on screen.
    expect(revealsRare(RARE_ON_SCREEN * 4, 0.5)).toBe(true);
    expect(revealsRare(RARE_ON_SCREEN * 4, 0.6)).toBe(false);
  });

  it("hides a type, and concepts below the minimum", () => {
    const visible = visibleNodes(graph, { ...EVERYTHING, hiddenTypes: ["person"], minArticles: 2 });
    expect(visible.has("entity:marc-brooker")).toBe(false);
    expect(visible.has("entity:cafe")).toBe(false);
    expect(visible.has("entity:postgresql")).toBe(true);
    expect(visible.has("article:timeouts-retries-and-backoff-marc-brooker")).toBe(true);
  });

  it("hides a subsection's articles and the concepts left without a visible article", () => {
    const visible = visibleNodes(graph, { ...EVERYTHING, hiddenSections: ["Techniques › I/O"] });
    expect(visible.has("article:async-i-o-with-io-uring")).toBe(false);
    expect(visible.has("entity:cafe")).toBe(false);
    expect(visible.has("entity:io-uring")).toBe(true);
    expect(visible.has("article:timeouts-retries-and-backoff-marc-brooker")).toBe(true);
  });

  it("hides a whole section with its subsections", () => {
    const visible = visibleNodes(graph, { ...DEFAULT_FILTERS, hiddenSections: ["Data Storage"] });
    expect(visible.has("article:how-postgres-mvcc-works-netflix")).toBe(false);
    expect(visible.has("entity:postgresql")).toBe(false);
  });
});

describe("emphasis", () => {
  it("lights a concept, its articles and the edges between them", () => {
    const lit = emphasis(graph, { kind: "concepts", ids: ["entity:kafka"], match: "all" }, null);
    expect([...lit.nodes].sort()).toEqual(
      ["entity:kafka", "article:kafka-at-netflix-scale", "article:write-ahead-logging-in-depth"].sort(),
    );
    expect(lit.edges.size).toBe(2);
    expect([...lit.focus]).toEqual(["entity:kafka"]);
  });

  it("lights an article and its concepts", () => {
    const lit = emphasis(graph, { kind: "article", id: "article:rust-for-storage-engines" }, null);
    expect(lit.nodes.size).toBe(4);
  });

  it("shows a found path when nothing is selected, every node on it labelled", () => {
    const path = findPath(graph, "entity:kafka", "entity:mvcc");
    const lit = emphasis(graph, { kind: "none" }, path);
    expect([...lit.nodes]).toEqual(path!.steps.map((s) => s.id));
    expect([...lit.edges]).toEqual(path!.edges);
    expect([...lit.focus]).toEqual([...lit.nodes]);
  });

  it("shows a node chosen from a path over the path", () => {
    const path = findPath(graph, "entity:kafka", "entity:mvcc");
    const article = { kind: "article", id: "article:rust-for-storage-engines" } as const;
    expect(emphasis(graph, article, path)).toEqual(emphasis(graph, article, null));
  });

  it("lights nothing without a selection; hover lights a node and exactly its neighbours", () => {
    expect(emphasis(graph, { kind: "none" }, null).nodes.size).toBe(0);
    const hover = viewNeighbourhood(graph, "map", "entity:netflix");
    expect([...hover.nodes].sort()).toEqual(
      ["entity:netflix", "article:how-postgres-mvcc-works-netflix", "article:kafka-at-netflix-scale"].sort(),
    );
  });
});

describe("with broader and narrower concepts", () => {
  const withHierarchy = hierarchyGraph();
  const articlesOf = (concept: string) => withHierarchy.filterInNeighbors(concept, (_n, a) => a.kind === "article");

  it("lights the articles of the concepts below a chosen one, unless that is turned off", () => {
    const on = emphasis(withHierarchy, { kind: "concepts", ids: [WAL], match: "all" }, null);
    for (const node of [WAL, WAL_ARCHIVING, WAL_REPLAY, ...articlesOf(WAL_ARCHIVING), ...articlesOf(WAL_REPLAY)]) expect(on.nodes).toContain(node);
    expect(on.edges).toContain(`${WAL_ARCHIVING}-broader->${WAL}`);
    expect([...on.focus]).toEqual([WAL]);
    const off = emphasis(withHierarchy, { kind: "concepts", ids: [WAL], match: "all", narrower: false }, null);
    expect([...off.nodes].sort()).toEqual([WAL, ...articlesOf(WAL)].sort());
  });

  it("shows a grouping concept, which no article names, with the concepts it groups", () => {
    const visible = visibleNodes(withHierarchy, EVERYTHING);
    expect(visible.has(CONCURRENCY_CONTROL)).toBe(true);
    const noTechniques = visibleNodes(withHierarchy, { ...EVERYTHING, hiddenTypes: ["technique"] });
    expect(noTechniques.has(CONCURRENCY_CONTROL)).toBe(false);
    const noStorage = visibleNodes(withHierarchy, { ...EVERYTHING, hiddenSections: ["Data Storage", "Programming Languages"] });
    expect(noStorage.has(MVCC)).toBe(false);
    expect(noStorage.has(CONCURRENCY_CONTROL)).toBe(false);
  });

  it("finds paths through articles only: a broader relation is not words an article wrote", () => {
    // One article names both WAL replay and write-ahead logging: the path goes through it.
    expect(findPath(withHierarchy, WAL_REPLAY, WAL)!.steps.map((s) => s.kind)).toEqual(["entity", "article", "entity"]);
    // No article joins WAL archiving (or the grouping concept) to the rest, however related.
    expect(findPath(withHierarchy, WAL_ARCHIVING, WAL)).toBeNull();
    expect(findPath(withHierarchy, CONCURRENCY_CONTROL, MVCC)).toBeNull();
  });
});
