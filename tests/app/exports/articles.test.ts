import type { Link } from "mdast";
import { describe, expect, it } from "vitest";
import { communities } from "../../../src/core/communities/index";
import type { Tour } from "../../../src/core/tours/types";
import { articlesMatching } from "../../../src/app/data/articles";
import { isArticle, type AppGraph } from "../../../src/app/data/graph";
import { findPath } from "../../../src/app/data/path";
import { emphasis, type Selection } from "../../../src/app/data/scene";
import {
  handoutMarkdown,
  regionArticles,
  regionHandout,
  selectionGroups,
  selectionHandout,
  stepArticles,
  tourHandout,
  type HandoutPlan,
} from "../../../src/app/exports/articles";
import { fixtureGraph } from "../fixtures/graph";
import { MVCC, WAL, WAL_ARCHIVING, WAL_REPLAY, hierarchyGraph } from "../fixtures/hierarchy";
import { allNodes, readMarkdown } from "../../core/handout/parse";

const POSTGRES = "entity:postgresql";
const KAFKA = "entity:kafka";
const RUST = "entity:rust";
const IO_URING = "entity:io-uring";
const NETFLIX = "entity:netflix";
const MVCC_ARTICLE = "article:how-postgres-mvcc-works-netflix";

function withCommunities(graph: AppGraph): AppGraph {
  communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
  return graph;
}

/** The articles the map lights for a selection (and path): what its hand-out must list, no more, no less. */
function litArticles(graph: AppGraph, selection: Selection, path = null as ReturnType<typeof findPath>): Set<string> {
  return new Set([...emphasis(graph, selection, path).nodes].filter((node) => isArticle(graph.getNodeAttributes(node))));
}

const listed = (plan: HandoutPlan | null) => plan?.groups.flatMap((group) => group.articles) ?? [];

describe("selectionHandout lists exactly the articles the selection lights", () => {
  const graph = withCommunities(hierarchyGraph());
  const selections: [string, Selection][] = [
    ["one concept", { kind: "concepts", ids: [POSTGRES], match: "all" }],
    ["one concept with narrower ones", { kind: "concepts", ids: [WAL], match: "all" }],
    ["one concept with narrower ones turned off", { kind: "concepts", ids: [WAL], match: "all", narrower: false }],
    ["two concepts, all", { kind: "concepts", ids: [POSTGRES, KAFKA], match: "all" }],
    ["three concepts, any", { kind: "concepts", ids: [RUST, KAFKA, MVCC], match: "any" }],
    ["an article", { kind: "article", id: MVCC_ARTICLE }],
    ["a region", { kind: "region", community: 0 }],
    ["another region", { kind: "region", community: 1 }],
  ];
  it.each(selections)("%s", (_name, selection) => {
    const articles = listed(selectionHandout(graph, selection, null));
    expect(new Set(articles)).toEqual(litArticles(graph, selection));
    expect(articles).toHaveLength(new Set(articles).size);
  });

  it("a path's article steps, in the path's order", () => {
    const path = findPath(graph, KAFKA, MVCC)!;
    const plan = selectionHandout(graph, { kind: "none" }, path)!;
    expect(listed(plan)).toEqual(path.steps.filter((step) => step.kind === "article").map((step) => step.id));
    expect(new Set(listed(plan))).toEqual(litArticles(graph, { kind: "none" }, path));
    expect(plan.title).toBe("From Kafka to MVCC");
  });

  it("nothing when nothing is selected or the selection lights no article", () => {
    expect(selectionHandout(graph, { kind: "none" }, null)).toBeNull();
    expect(selectionHandout(graph, { kind: "region", community: 999 }, null)).toBeNull();
    expect(selectionHandout(graph, { kind: "concepts", ids: [POSTGRES, IO_URING], match: "all" }, null)).toBeNull();
  });
});

describe("selectionGroups", () => {
  it("one concept: one group without heading, in the order Details lists them", () => {
    const graph = fixtureGraph();
    const groups = selectionGroups(graph, { kind: "concepts", ids: [POSTGRES], match: "all" }, null)!;
    expect(groups).toEqual([{ articles: articlesMatching(graph, [POSTGRES], "all").map((m) => m.id) }]);
  });

  it("a concept with narrower ones included: its own articles first, then each narrower concept's, each article once", () => {
    const graph = hierarchyGraph();
    const groups = selectionGroups(graph, { kind: "concepts", ids: [WAL], match: "all" }, null)!;
    expect(groups.map((group) => group.heading)).toEqual(["Write-ahead logging", "WAL archiving", "WAL replay"]);
    // The article naming both write-ahead logging and WAL replay stands under the chosen concept only.
    expect(groups[0]!.articles).toContain("article:write-ahead-logging-and-wal-replay-in-sqlite");
    expect(groups[2]!.articles).toEqual(["article:crash-recovery-by-wal-replay"]);
    expect(groups[1]!.articles).toEqual(graph.filterInNeighbors(WAL_ARCHIVING, () => true));
    expect(groups.flatMap((group) => group.articles).filter((a) => graph.hasEdge(a, WAL_REPLAY))).toHaveLength(2);
  });

  it("several concepts, any: a group per query concept, each article under the first it names", () => {
    const graph = fixtureGraph();
    const groups = selectionGroups(graph, { kind: "concepts", ids: [KAFKA, NETFLIX], match: "any" }, null)!;
    expect(groups.map((group) => group.heading)).toEqual(["Kafka", "Netflix"]);
    // "Kafka at Netflix scale" names both: under Kafka only.
    expect(groups[0]!.articles).toContain("article:kafka-at-netflix-scale");
    expect(groups[1]!.articles).toEqual([MVCC_ARTICLE]);
  });

  it("several concepts, all: one group, the title naming them", () => {
    const graph = fixtureGraph();
    const plan = selectionHandout(graph, { kind: "concepts", ids: [POSTGRES, NETFLIX], match: "all" }, null)!;
    expect(plan.groups).toEqual([{ articles: [MVCC_ARTICLE] }]);
    expect(plan.title).toBe("PostgreSQL and Netflix");
    expect(plan.intro).toBe("1 article from “fixture.txt” that mention PostgreSQL and Netflix.");
  });
});

describe("regionHandout", () => {
  it("a region's articles under its name, the most central first", () => {
    const graph = withCommunities(fixtureGraph());
    graph.forEachNode((node, attributes) => {
      if (attributes.kind === "article") graph.setNodeAttribute(node, "importance", attributes.label.length / 100);
    });
    const plan = regionHandout(graph, 0)!;
    const name = graph.getAttribute("communities")![0]!.name;
    expect(plan.title).toBe(name);
    expect(plan.groups.map((group) => group.heading)).toEqual([name]);
    const importance = plan.groups[0]!.articles.map((a) => graph.getNodeAttribute(a, "importance")!);
    expect(importance).toEqual([...importance].sort((a, b) => b - a));
    expect(new Set(regionArticles(graph, 0))).toEqual(litArticles(graph, { kind: "region", community: 0 }));
  });
});

describe("tourHandout", () => {
  const graph = withCommunities(hierarchyGraph());
  const tour: Tour = {
    id: "storage",
    title: "Storage engines",
    description: "From MVCC to the log.",
    steps: [
      { title: "Versions", show: { node: MVCC }, note: "Old versions **stay** until vacuum." },
      { show: { concepts: [RUST, IO_URING], match: "all" } },
      { show: { path: { from: KAFKA, to: MVCC } } },
      { show: { regionOf: POSTGRES } },
      { show: { node: MVCC_ARTICLE } },
    ],
  };

  it("one group per step: its number and name, its note, the articles it lights", () => {
    const plan = tourHandout(graph, tour);
    expect(plan.title).toBe("Storage engines");
    expect(plan.intro).toBe("From MVCC to the log.");
    expect(plan.groups.map((group) => group.heading)).toEqual([
      "1. Versions",
      "2. Rust and io_uring",
      "3. From Kafka to MVCC",
      "4. The region of PostgreSQL",
      "5. How Postgres MVCC works (Netflix)",
    ]);
    expect(plan.groups[0]!.note).toBe("Old versions **stay** until vacuum.");
    expect(plan.groups[1]!.note).toBeUndefined();
    const community = graph.getNodeAttribute(POSTGRES, "community")!;
    const expected: [Selection, ReturnType<typeof findPath>][] = [
      [{ kind: "concepts", ids: [MVCC], match: "all" }, null],
      [{ kind: "concepts", ids: [RUST, IO_URING], match: "all" }, null],
      [{ kind: "none" }, findPath(graph, KAFKA, MVCC)],
      [{ kind: "region", community }, null],
      [{ kind: "article", id: MVCC_ARTICLE }, null],
    ];
    plan.groups.forEach((group, i) => {
      const [selection, path] = expected[i]!;
      expect(new Set(group.articles)).toEqual(litArticles(graph, selection, path));
      expect(group.articles).toHaveLength(new Set(group.articles).size);
    });
  });

  it("a step that names a node the graph lacks lists nothing, and the rest still do", () => {
    expect(stepArticles(graph, { show: { node: "entity:not-in-this-graph" } })).toEqual([]);
    const plan = tourHandout(graph, { ...tour, steps: [{ show: { node: "entity:not-in-this-graph" } }, tour.steps[0]!] });
    expect(plan.groups.map((group) => group.articles.length)).toEqual([0, litArticles(graph, { kind: "concepts", ids: [MVCC], match: "all" }).size]);
  });
});

describe("handoutMarkdown", () => {
  it("writes each planned article from the graph, linking only their web URLs", () => {
    const graph = fixtureGraph();
    const plan = selectionHandout(graph, { kind: "concepts", ids: [NETFLIX], match: "all" }, null)!;
    const markdown = handoutMarkdown(graph, plan);
    expect(markdown.startsWith("# Netflix\n\n2 articles from “fixture.txt” that mention Netflix.\n\n- ")).toBe(true);
    for (const key of plan.groups[0]!.articles) expect(markdown).toContain(graph.getNodeAttribute(key, "label"));
    const links = allNodes(readMarkdown(markdown)).filter((node): node is Link => node.type === "link");
    expect(links.map((link) => link.url)).toEqual(["https://example.org/postgres-mvcc"]);
    expect(markdown).toContain("- [How Postgres MVCC works (Netflix)](https://example.org/postgres-mvcc) — Netflix\\\n  Data Storage › Relational\\\n");
  });
});
