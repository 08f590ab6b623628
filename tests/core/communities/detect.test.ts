import Graph from "graphology";
import modularity from "graphology-metrics/graph/modularity.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bySize, communities, DEFAULT_COMMUNITY_OPTIONS } from "../../../src/core/communities/index";
import { COMMUNITY_SCHEME, OTHER_COLOR } from "../../../src/core/communities/colors";
import { buildGraph, type InsightGraph } from "../../../src/core/graph/build";
import { isMentionEdge } from "../../../src/core/graph/types";
import type { LexiconTerm } from "../../../src/core/extract/lexicon";
import type { Entity, Entry, Extraction, Mention, ParsedDocument } from "../../../src/core/types";

/**
 * Two obvious clusters: five articles on PostgreSQL internals, three on Rust; "performance"
 * runs through all eight, and one See Also pointer names nothing. Each article's title is its
 * concepts' names, so every mention is found where it says.
 */
const CONCEPTS: Entity[] = [
  { id: "postgresql", name: "PostgreSQL", type: "technology", aliases: [] },
  { id: "mvcc", name: "MVCC", type: "technique", aliases: [] },
  { id: "vacuum", name: "vacuum", type: "technique", aliases: [] },
  { id: "rust", name: "Rust", type: "technology", aliases: [] },
  { id: "borrow-checker", name: "borrow checker", type: "technique", aliases: [] },
  { id: "cargo", name: "Cargo", type: "technology", aliases: [] },
  { id: "performance", name: "performance", type: "technique", aliases: [] },
];

const ARTICLES: { title: string; section: string; subsection: string }[] = [
  { title: "PostgreSQL MVCC performance", section: "Data Storage", subsection: "Relational" },
  { title: "PostgreSQL vacuum MVCC performance", section: "Data Storage", subsection: "Relational" },
  { title: "PostgreSQL vacuum performance", section: "Data Storage", subsection: "Relational" },
  { title: "MVCC vacuum PostgreSQL performance", section: "Data Storage", subsection: "Relational" },
  { title: "PostgreSQL MVCC vacuum performance", section: "Data Storage", subsection: "Relational" },
  { title: "Rust borrow checker performance", section: "Programming Languages", subsection: "Rust" },
  { title: "Rust Cargo borrow checker performance", section: "Programming Languages", subsection: "Rust" },
  { title: "Cargo Rust borrow checker performance", section: "Programming Languages", subsection: "Rust" },
  { title: "Other notes", section: "See Also", subsection: "" },
];

function document(articles = ARTICLES): { doc: ParsedDocument; extraction: Extraction } {
  const entries: Entry[] = articles.map(({ title, section, subsection }, line) => ({
    kind: section === "See Also" ? "reference" : "bookmark",
    title,
    description: "",
    section,
    subsection,
    insights: [],
    note: "",
    source: "",
    line: line + 1,
  }));
  const mentions: Mention[] = [];
  entries.forEach((entry, i) => {
    for (const concept of CONCEPTS) {
      const start = entry.title.indexOf(concept.name);
      if (start >= 0) mentions.push({ entry: i, entity: concept.id, evidence: [{ field: "title", index: 0, start, end: start + concept.name.length }] });
    }
  });
  return { doc: { title: "Test", sections: [], entries }, extraction: { entities: CONCEPTS, mentions } };
}

/** PostgreSQL, Rust and Cargo all fall under "software", a grouping concept no article names. */
const TERMS: LexiconTerm[] = [
  { name: "software", type: "technique" },
  { name: "PostgreSQL", type: "technology", broader: ["software"] },
  { name: "Rust", type: "technology", broader: ["software"] },
  { name: "Cargo", type: "technology", broader: ["software"] },
];

function twoClusters(options: { terms?: LexiconTerm[] } = {}): InsightGraph {
  const { doc, extraction } = document();
  return buildGraph(doc, extraction, { name: "test.txt", terms: options.terms ?? TERMS });
}

const DATABASES = ["article:postgresql-mvcc-performance", "entity:postgresql", "entity:mvcc", "entity:vacuum"];
const RUST = ["article:rust-borrow-checker-performance", "entity:rust", "entity:borrow-checker", "entity:cargo"];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("communities", () => {
  const graph = twoClusters();
  const result = communities(graph);
  const communityOf = (node: string) => result.membership[node];

  it("finds the two clusters, each with its articles and its concepts", () => {
    expect(new Set(DATABASES.map(communityOf)).size).toBe(1);
    expect(new Set(RUST.map(communityOf)).size).toBe(1);
    expect(communityOf(DATABASES[0]!)).not.toBe(communityOf(RUST[0]!));
  });

  it("names each by its most characteristic concepts, not by the one every article shares", () => {
    const [databases, rust] = [communityOf(DATABASES[0]!)!, communityOf(RUST[0]!)!].map((id) => result.communities[id]!);
    expect(databases!.name).toBe("MVCC · vacuum · PostgreSQL");
    expect(rust!.name).toBe("borrow checker · Rust · Cargo");
    expect(databases!.concepts.slice(0, 3)).toEqual(["entity:mvcc", "entity:vacuum", "entity:postgresql"]);
    expect(result.communities.map((c) => c.name).join(" ")).not.toContain("performance");
  });

  it("numbers communities by size, largest first, each listed at its number", () => {
    expect(communityOf(DATABASES[0]!)).toBe(0);
    expect(communityOf(RUST[0]!)).toBe(1);
    expect(result.communities.map((c) => c.id)).toEqual(result.communities.map((_, i) => i));
    const sizes = result.communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const community of result.communities) {
      expect(Object.values(result.membership).filter((id) => id === community.id)).toHaveLength(community.size);
    }
    expect(Object.keys(result.membership).sort()).toEqual(graph.nodes().sort());
  });

  it("makes an article that names nothing a community of its own, named by its section", () => {
    const pointer = result.communities[communityOf("article:other-notes")!]!;
    expect(pointer).toMatchObject({ size: 1, name: "See Also", concepts: [], color: OTHER_COLOR });
  });

  it("puts a grouping concept in the community most of its narrower concepts are in, without naming it by it", () => {
    // "software" is broader than PostgreSQL, Rust and Cargo: two of its three are in the Rust cluster.
    expect(communityOf("entity:software")).toBe(communityOf(RUST[0]!));
    expect(result.communities[communityOf(RUST[0]!)!]!.name).not.toContain("software");
  });

  it("gives the communities of three nodes or more the scheme's colours, linked ones different, and the small ones a neutral grey", () => {
    expect(result.communities[0]!.color).toBe(COMMUNITY_SCHEME[0]);
    expect(result.communities[1]!.color).toBe(COMMUNITY_SCHEME[1]);
    expect(result.communities[0]!.color).not.toBe(result.communities[1]!.color);
    expect(communities(graph, { minSize: 100 }).communities.map((c) => c.color)).toEqual(result.communities.map(() => OTHER_COLOR));
  });

  it("reads mention edges only: broader edges between the clusters change nothing", () => {
    const linked = twoClusters();
    linked.addEdgeWithKey("entity:vacuum-broader->entity:cargo", "entity:vacuum", "entity:cargo", { kind: "broader", weight: 1, origin: "head" });
    linked.addEdgeWithKey("entity:rust-broader->entity:mvcc", "entity:rust", "entity:mvcc", { kind: "broader", weight: 1, origin: "head" });
    expect(linked.filterEdges((_e, a) => a.kind === "broader").length).toBeGreaterThan(3);
    expect(communities(linked)).toEqual(result);
    // Nor do the grouping concept's own broader edges: without it, the clusters are named alike.
    const bare = twoClusters({ terms: [] });
    const named = (c: { name: string; concepts: string[] }) => ({ name: c.name, concepts: c.concepts });
    expect(communities(bare).communities.slice(0, 2).map(named)).toEqual(result.communities.slice(0, 2).map(named));
  });

  it("gives the same communities and names every time, its randomness seeded (never Math.random)", () => {
    const random = vi.spyOn(Math, "random");
    expect(communities(twoClusters())).toEqual(result);
    communities(twoClusters(), { seed: 7 });
    expect(random).not.toHaveBeenCalled();
  });

  it("reports the modularity of its partition over the mention edges, at the resolution it used", () => {
    const mentions = new Graph({ type: "undirected" });
    graph.forEachNode((node) => mentions.addNode(node, { community: result.membership[node] }));
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (isMentionEdge(attributes)) mentions.addEdge(source, target);
    });
    expect(result.modularity).toBeGreaterThan(0.3);
    expect(result.modularity).toBeCloseTo(modularity(mentions, { getNodeCommunity: "community", getEdgeWeight: null, resolution: DEFAULT_COMMUNITY_OPTIONS.resolution }), 10);
  });

  it("leaves the graph as it was; assign writes every node's community and the graph's list", () => {
    const fresh = twoClusters();
    for (const node of fresh.nodes()) fresh.removeNodeAttribute(node, "community");
    fresh.removeAttribute("communities");
    const before = JSON.stringify(fresh.export());
    communities(fresh);
    expect(JSON.stringify(fresh.export())).toBe(before);
    const assigned = communities.assign(fresh);
    expect(assigned).toEqual(result);
    fresh.forEachNode((node, attributes) => expect(attributes.community).toBe(result.membership[node]));
    expect(fresh.getAttribute("communities")).toEqual(result.communities);
  });

  it("makes every node a community of its own when nothing is mentioned, with a modularity of 0", () => {
    const { doc } = document(ARTICLES.slice(0, 3));
    const lone = buildGraph(doc, { entities: CONCEPTS, mentions: [] }, { name: "test.txt" });
    const found = communities(lone);
    expect(found.communities.map((c) => c.size)).toEqual([1, 1, 1]);
    expect(found.communities.map((c) => c.name)).toEqual(["Relational", "Data Storage › Relational", "Relational (2)"]);
    expect(found.modularity).toBe(0);
  });
});

describe("buildGraph's communities", () => {
  it("are in every graph it builds: a number on every node, the list on the graph", () => {
    const graph = twoClusters();
    const { membership, communities: list } = communities(graph);
    graph.forEachNode((node, attributes) => expect(attributes.community).toBe(membership[node]));
    expect(graph.getAttribute("communities")).toEqual(list);
  });
});

describe("bySize", () => {
  it("puts larger groups first, and between equal sizes the one with the smallest key", () => {
    expect(bySize([["b", "z"], ["c"], ["y", "a"], ["x", "d", "e"]])).toEqual([["x", "d", "e"], ["y", "a"], ["b", "z"], ["c"]]);
  });
});
