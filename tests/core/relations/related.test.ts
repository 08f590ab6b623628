import { describe, expect, it } from "vitest";
import { DEFAULT_RELATED_OPTIONS, related, type RelatedEdge } from "../../../src/core/relations/index";
import { undirectedKey } from "../../../src/core/graph/types";
import { seededRandom } from "../../../src/core/random";
import { many, mentionGraph, type Mentions } from "./graph";

const pairs = (edges: RelatedEdge[]) => edges.map((edge) => `${edge.source.slice(8)}–${edge.target.slice(8)}`);
const between = (edges: RelatedEdge[], a: string, b: string) =>
  edges.find((edge) => [edge.source, edge.target].sort().join() === [`article:${a}`, `article:${b}`].sort().join());

describe("related", () => {
  it("weighs a concept few articles name above a hub: sharing it makes articles more alike", () => {
    // "a" shares the rare "pg_repack" with "b" and the hub "postgres" (named by every filler
    // article too) with "c"; "b" and "c" are otherwise alike (one concept of their own).
    const graph = mentionGraph({
      a: ["postgres", "pg_repack"],
      b: ["pg_repack", "vacuum"],
      c: ["postgres", "kafka"],
      ...many("filler", 8, ["postgres"]),
    });
    const edges = related(graph, { k: 20, minSimilarity: 0 });
    expect(between(edges, "a", "b")!.weight).toBeGreaterThan(between(edges, "a", "c")!.weight);
  });

  it("is the cosine of the articles' vectors of idf = log(1 + N / df), each concept counted once", () => {
    const graph = mentionGraph({ a: ["x", "y"], b: ["x", "z"], c: ["y"] });
    const idf = (df: number) => Math.log(1 + 3 / df);
    const cosine = idf(2) ** 2 / (Math.hypot(idf(2), idf(2)) * Math.hypot(idf(2), idf(1)));
    expect(between(related(graph), "a", "b")!.weight).toBe(Math.round(cosine * 1000) / 1000);
    // Identical vectors are as alike as can be.
    expect(between(related(mentionGraph({ a: ["x", "y"], b: ["x", "y"], c: ["z"] })), "a", "b")!.weight).toBe(1);
  });

  it("lists the shared concepts heaviest first (the rarest), ties by key, at most maxShared", () => {
    const graph = mentionGraph({
      a: ["hub", "rare", "mid", "also-mid"],
      b: ["hub", "rare", "mid", "also-mid"],
      c: ["hub", "mid", "also-mid"],
      d: ["hub"],
    });
    const edge = between(related(graph), "a", "b")!;
    expect(edge.shared).toEqual(["entity:rare", "entity:also-mid", "entity:mid", "entity:hub"]);
    expect(between(related(graph, { maxShared: 2 }), "a", "b")!.shared).toEqual(["entity:rare", "entity:also-mid"]);
  });

  it("keeps each article's k strongest neighbours, and an edge when either end keeps it", () => {
    // "hub" shares one concept with each of six spokes; every spoke has a twin with its very
    // vector, which it prefers. With k = 1 the hub keeps one spoke (they tie: the smallest key
    // wins), and each spoke keeps its twin.
    const articles: Mentions = { hub: ["s0", "s1", "s2", "s3", "s4", "s5", "extra"] };
    for (let i = 0; i < 6; i++) {
      articles[`spoke${i}`] = [`s${i}`, `own${i}`];
      articles[`twin${i}`] = [`s${i}`, `own${i}`];
    }
    const ofHub = (edges: RelatedEdge[]) => pairs(edges.filter((edge) => edge.source === "article:hub" || edge.target === "article:hub"));
    const one = related(mentionGraph(articles), { k: 1 });
    expect(ofHub(one)).toEqual(["hub–spoke0"]);
    expect(pairs(one)).toEqual(expect.arrayContaining(["spoke0–twin0", "spoke5–twin5"]));
    // With k = 2 every spoke and twin keeps the hub second: the hub has all twelve.
    expect(ofHub(related(mentionGraph(articles), { k: 2 }))).toHaveLength(12);
  });

  it("relates no articles below minSimilarity, and none that share nothing", () => {
    // "a" and "b" share one concept among many of their own: a faint likeness.
    const graph = mentionGraph({
      a: ["shared", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"],
      b: ["shared", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"],
      lonely: ["alone"],
    });
    const faint = between(related(graph, { minSimilarity: 0 }), "a", "b")!.weight;
    expect(faint).toBeGreaterThan(0);
    expect(faint).toBeLessThan(DEFAULT_RELATED_OPTIONS.minSimilarity);
    expect(related(graph)).toEqual([]);
    expect(related(graph, { minSimilarity: 0 }).some((edge) => edge.source === "article:lonely" || edge.target === "article:lonely")).toBe(false);
  });

  it("counts mentions only: broader edges between concepts relate no articles", () => {
    const plain = { a: ["raft"], b: ["paxos"], c: ["raft", "x"], d: ["paxos", "y"] };
    expect(related(mentionGraph(plain, { broader: [["raft", "consensus"], ["paxos", "consensus"]] }))).toEqual(related(mentionGraph(plain)));
    expect(pairs(related(mentionGraph(plain)))).toEqual(["a–c", "b–d"]);
  });

  it("lets hubs above maxPostings propose no pairs, but still counts them in a pair found otherwise", () => {
    const articles = { a: ["hub", "rare"], b: ["hub", "rare"], c: ["hub", "x"], d: ["hub", "y"] };
    const exact = related(mentionGraph(articles), { maxPostings: Infinity });
    const capped = related(mentionGraph(articles), { maxPostings: 2 });
    // c and d share only the hub: found only when it may propose them.
    expect(between(exact, "c", "d")).toBeDefined();
    expect(between(capped, "c", "d")).toBeUndefined();
    // a and b are found through "rare", and their cosine counts the hub as well.
    expect(between(capped, "a", "b")).toEqual(between(exact, "a", "b"));
    expect(between(capped, "a", "b")!.shared).toEqual(["entity:rare", "entity:hub"]);
  });

  it("spreads ties: articles alike in everything do not all keep the same first k", () => {
    // Twenty articles that name only "rust" are all at cosine 1: each keeps its nearest in key
    // order, so none gathers more than the 2k edges of its two sides.
    const edges = related(mentionGraph(many("rust-only", 20, ["rust"])), { k: 2, minSimilarity: 0 });
    const degree = new Map<string, number>();
    for (const { source, target } of edges) for (const end of [source, target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    expect(degree.size).toBe(20);
    expect(Math.max(...degree.values())).toBeLessThanOrEqual(4);
  });

  it("finds, without a cap, exactly the pairs a comparison of every pair finds", () => {
    const random = seededRandom(11);
    const articles: Mentions = {};
    for (let i = 0; i < 60; i++) {
      const concepts = new Set<string>();
      const count = 1 + Math.floor(random() * 5);
      // Skewed vocabulary: low numbers are common, high ones rare.
      while (concepts.size < count) concepts.add(`c${Math.floor(random() ** 2 * 40)}`);
      articles[`a${String(i).padStart(2, "0")}`] = [...concepts];
    }
    const options = { k: 3, minSimilarity: 0.2, maxPostings: Infinity };
    expect(related(mentionGraph(articles), options)).toEqual(allPairs(articles, options));
  });

  it("gives the same edges, in the same order, whatever the order the graph was built in", () => {
    const articles = { a: ["x", "y", "z"], b: ["x", "y"], c: ["y", "z"], d: ["x"], e: ["z", "w"] };
    const forward = related(mentionGraph(articles));
    expect(related(mentionGraph(articles, { reverse: true }))).toEqual(forward);
    expect(forward.every((edge) => edge.source < edge.target)).toBe(true);
    expect(pairs(forward)).toEqual([...pairs(forward)].sort());
  });

  it("assign adds undirected related edges keyed by undirectedKey", () => {
    const graph = mentionGraph({ a: ["x", "y"], b: ["x", "y"], c: ["z"] });
    const edges = related.assign(graph);
    const key = undirectedKey("related", "article:b", "article:a");
    expect(graph.isUndirected(key)).toBe(true);
    expect(graph.getEdgeAttributes(key)).toEqual({ kind: "related", weight: 1, shared: ["entity:x", "entity:y"] });
    expect(graph.undirectedSize).toBe(edges.length);
  });
});

/**
 * The same relation by brute force: every pair's cosine, every article's top k, the union. The
 * articles are numbered in key order, and ties go to the nearer in that order, then the smaller key.
 */
function allPairs(articles: Mentions, options: { k: number; minSimilarity: number }): RelatedEdge[] {
  const names = Object.keys(articles).sort();
  const df = new Map<string, number>();
  for (const name of names) for (const concept of articles[name]!) df.set(concept, (df.get(concept) ?? 0) + 1);
  const idf = (concept: string) => Math.log(1 + names.length / df.get(concept)!);
  const norm = (name: string) => Math.hypot(...articles[name]!.map(idf));
  const cosine = (a: string, b: string) => articles[a]!.filter((c) => articles[b]!.includes(c)).reduce((sum, c) => sum + idf(c) ** 2, 0) / (norm(a) * norm(b));
  const distance = (a: string, b: string) => Math.abs(names.indexOf(a) - names.indexOf(b));
  const kept = new Set<string>();
  for (const a of names) {
    const ranked = names
      .filter((b) => b !== a)
      .map((b) => ({ b, similarity: cosine(a, b) }))
      .filter(({ similarity }) => similarity > 0 && similarity >= options.minSimilarity)
      // Ties: the article nearer in the list first, then the smaller key.
      .sort((x, y) => y.similarity - x.similarity || distance(a, x.b) - distance(a, y.b) || (x.b < y.b ? -1 : 1));
    for (const { b } of ranked.slice(0, options.k)) kept.add([a, b].sort().join(" "));
  }
  return [...kept].sort().map((pair) => {
    const [a, b] = pair.split(" ") as [string, string];
    const shared = articles[a]!.filter((c) => articles[b]!.includes(c)).sort((x, y) => df.get(x)! - df.get(y)! || (`entity:${x}` < `entity:${y}` ? -1 : 1));
    return {
      source: `article:${a}`,
      target: `article:${b}`,
      weight: Math.round(cosine(a, b) * 1000) / 1000,
      shared: shared.slice(0, 5).map((c) => `entity:${c}`),
    };
  });
}
