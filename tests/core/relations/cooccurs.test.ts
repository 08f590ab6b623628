import { describe, expect, it } from "vitest";
import { cooccurs, DEFAULT_COOCCURS_OPTIONS, logLikelihoodRatio, type CooccursEdge } from "../../../src/core/relations/index";
import { undirectedKey } from "../../../src/core/graph/types";
import { many, mentionGraph, type Mentions } from "./graph";

const pairs = (edges: CooccursEdge[]) => edges.map((edge) => `${edge.source.slice(7)}–${edge.target.slice(7)}`);

/** `count` articles naming exactly `concepts`, added to `articles` under fresh names. */
function add(articles: Mentions, count: number, concepts: string[]): Mentions {
  const start = Object.keys(articles).length;
  for (let i = 0; i < count; i++) articles[`n${String(start + i).padStart(3, "0")}`] = concepts;
  return articles;
}

describe("logLikelihoodRatio", () => {
  it("is Dunning's G² = 2 Σ O ln(O / E) of the 2×2 table", () => {
    // Table [[10, 10], [10, 70]]: E = [[4, 16], [16, 64]].
    const expected = 2 * (10 * Math.log(10 / 4) + 2 * 10 * Math.log(10 / 16) + 70 * Math.log(70 / 64));
    expect(logLikelihoodRatio(10, 20, 20, 100)).toBeCloseTo(expected, 10);
    expect(logLikelihoodRatio(10, 20, 20, 100)).toBeCloseTo(12.0714, 4);
  });

  it("is 0 at independence and the same whichever concept comes first", () => {
    expect(logLikelihoodRatio(25, 50, 50, 100)).toBe(0);
    expect(logLikelihoodRatio(3, 5, 40, 200)).toBe(logLikelihoodRatio(3, 40, 5, 200));
  });
});

describe("cooccurs", () => {
  // 100 articles: two hubs named by half of them each, together exactly as often as chance
  // would have it (25), and two rarer concepts named by 5 each, 4 of them together.
  const articles: Mentions = {};
  add(articles, 25, ["hub-a", "hub-b"]);
  add(articles, 25, ["hub-a"]);
  add(articles, 25, ["hub-b"]);
  add(articles, 4, ["wal", "lsn"]);
  add(articles, 1, ["wal"]);
  add(articles, 1, ["lsn"]);
  add(articles, 19, ["filler"]);
  const edges = cooccurs(mentionGraph(articles));

  it("rejects two hubs named together only as often as chance, however many articles they share", () => {
    expect(pairs(edges)).not.toContain("hub-a–hub-b");
  });

  it("keeps two concepts named together far more often than chance, with their count and G²", () => {
    expect(edges.find((edge) => edge.source === "entity:lsn" && edge.target === "entity:wal")).toEqual({
      source: "entity:lsn",
      target: "entity:wal",
      weight: 4,
      score: Math.round(logLikelihoodRatio(4, 5, 5, 100) * 1000) / 1000,
    });
    expect(pairs(edges)).toEqual(["lsn–wal"]);
  });

  it("rejects concepts that avoid each other, however surprising their table", () => {
    // Each named by half the articles, together in only 2 of 100 (chance: 25).
    const avoiding = add(add(add({}, 2, ["x", "y"]), 48, ["x"]), 48, ["y"]);
    add(avoiding, 2, ["z"]);
    expect(logLikelihoodRatio(2, 50, 50, 100)).toBeGreaterThan(DEFAULT_COOCCURS_OPTIONS.minScore);
    expect(cooccurs(mentionGraph(avoiding))).toEqual([]);
  });

  it("needs minArticles shared articles: one article naming two rare concepts is an anecdote", () => {
    const once = add(add({}, 1, ["rare-a", "rare-b"]), 30, ["filler"]);
    expect(cooccurs(mentionGraph(once))).toEqual([]);
    expect(pairs(cooccurs(mentionGraph(once), { minArticles: 1 }))).toEqual(["rare-a–rare-b"]);
  });

  it("needs a G² of minScore", () => {
    const score = logLikelihoodRatio(4, 5, 5, 100);
    expect(cooccurs(mentionGraph(articles), { minScore: score + 1 })).toEqual([]);
  });

  it("keeps each concept's k best partners, and an edge when either end keeps it", () => {
    // "hub" co-occurs with six concepts, each of which has a partner it is tied to more closely.
    const star: Mentions = {};
    for (let i = 0; i < 6; i++) {
      add(star, 2, ["hub", `p${i}`]);
      add(star, 3, [`p${i}`, `q${i}`]);
    }
    add(star, 40, ["filler"]);
    const ofHub = (edges: CooccursEdge[]) => pairs(edges).filter((pair) => pair.includes("hub"));
    // The threshold aside (minScore 0): with k = 1 each p keeps its q, and the hub its one best
    // p (they tie: the smallest key); with k = 2 every p keeps the hub as well.
    const graph = mentionGraph(star);
    expect(ofHub(cooccurs(graph, { k: 1, minScore: 0 }))).toEqual(["hub–p0"]);
    expect(pairs(cooccurs(graph, { k: 1, minScore: 0 }))).toContain("p3–q3");
    expect(ofHub(cooccurs(graph, { k: 2, minScore: 0 }))).toHaveLength(6);
  });

  it("leaves articles naming more than maxConcepts concepts out of the counts", () => {
    const glossary = add(add({}, 2, ["a", "b", "c", "d"]), 20, ["filler"]);
    expect(pairs(cooccurs(mentionGraph(glossary)))).toHaveLength(6);
    expect(cooccurs(mentionGraph(glossary), { maxConcepts: 3 })).toEqual([]);
  });

  it("counts mentions only: a grouping concept no article names has no co-occurrence", () => {
    const grouped = add(add({}, 3, ["raft", "paxos"]), 20, ["filler"]);
    const graph = mentionGraph(grouped, { broader: [["raft", "consensus"], ["paxos", "consensus"]] });
    expect(pairs(cooccurs(graph))).toEqual(["paxos–raft"]);
  });

  it("gives the same edges, in the same order, whatever the order the graph was built in", () => {
    const forward = cooccurs(mentionGraph(articles));
    expect(cooccurs(mentionGraph(articles, { reverse: true }))).toEqual(forward);
    const star = add(add(add(add({}, 3, ["a", "b", "c"]), 2, ["b", "d"]), 3, ["c", "d", "e"]), 30, ["f"]);
    const edges = cooccurs(mentionGraph(star));
    expect(cooccurs(mentionGraph(star, { reverse: true }))).toEqual(edges);
    expect(edges.every((edge) => edge.source < edge.target)).toBe(true);
    expect(pairs(edges)).toEqual([...pairs(edges)].sort());
  });

  it("assign adds undirected cooccurs edges keyed by undirectedKey, beside a broader edge between the same concepts", () => {
    const graph = mentionGraph(add(add({}, 3, ["wal-archiving", "wal"]), 20, ["filler"]), { broader: [["wal-archiving", "wal"]] });
    cooccurs.assign(graph);
    const key = undirectedKey("cooccurs", "entity:wal-archiving", "entity:wal");
    expect(graph.isUndirected(key)).toBe(true);
    expect(graph.getEdgeAttributes(key)).toMatchObject({ kind: "cooccurs", weight: 3 });
    expect(graph.hasDirectedEdge("entity:wal-archiving", "entity:wal")).toBe(true);
  });
});

describe("cooccurs on many() articles", () => {
  it("joins nothing when every article names the same concepts (no concept is informative)", () => {
    expect(cooccurs(mentionGraph(many("a", 10, ["x", "y"])))).toEqual([]);
  });
});
