import { describe, expect, it } from "vitest";
import { importance, percentileRanks } from "../../../src/core/graph/importance";
import { communities } from "../../../src/core/communities/index";
import { related } from "../../../src/core/relations/index";
import { mentionGraph, type Mentions } from "../relations/graph";

describe("percentileRanks", () => {
  it("spreads values over 0–1 by rank, whatever their scale, ties sharing their mid rank", () => {
    expect(percentileRanks([10, 1000, 20])).toEqual([0, 1, 0.5]);
    expect(percentileRanks([3, 3, 9, 0])).toEqual([0.5, 0.5, 1, 0]);
    expect(percentileRanks([7])).toEqual([1]);
    expect(percentileRanks([])).toEqual([]);
  });
});

describe("importance", () => {
  // Two groups of articles, storage and kernels, each with its own common concept; "io_uring"
  // is named by two articles, one in each group, so it alone joins them.
  const articles: Mentions = {
    s1: ["postgres", "vacuum", "io_uring"],
    s2: ["postgres", "vacuum"],
    s3: ["postgres", "mvcc"],
    s4: ["postgres", "mvcc", "vacuum"],
    k1: ["linux", "io_uring", "scheduler"],
    k2: ["linux", "ebpf"],
    k3: ["linux", "scheduler"],
    lone: ["trivia"],
  };
  const graph = mentionGraph(articles);
  related.assign(graph);
  const values = importance(graph);

  it("ranks a concept by the articles naming it", () => {
    expect(values["entity:postgres"]).toBeGreaterThan(values["entity:vacuum"]!);
    expect(values["entity:vacuum"]).toBeGreaterThan(values["entity:trivia"]!);
  });

  it("ranks, between concepts named by as many articles, the one that bridges groups higher (betweenness)", () => {
    // io_uring, mvcc and scheduler are each named by two articles; only io_uring joins the groups.
    expect(values["entity:io_uring"]).toBeGreaterThan(values["entity:mvcc"]!);
    expect(values["entity:io_uring"]).toBeGreaterThan(values["entity:scheduler"]!);
  });

  it("ranks an article by the concepts it names and the articles related to it", () => {
    expect(values["article:s4"]).toBeGreaterThan(values["article:s3"]!);
    expect(values["article:s3"]).toBeGreaterThan(values["article:lone"]!);
  });

  it("gives every node a value in 0–1, rounded to 3 decimals, the same for the same graph", () => {
    expect(Object.keys(values).sort()).toEqual(graph.nodes().sort());
    for (const value of Object.values(values)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(Math.round(value * 1000) / 1000).toBe(value);
    }
    const again = mentionGraph(articles, { reverse: true });
    related.assign(again);
    expect(importance(again)).toEqual(values);
  });

  it("stands in for betweenness above maxBetweennessWork by the number of communities a concept's articles span", () => {
    const large = mentionGraph(articles);
    related.assign(large);
    communities.assign(large);
    const spans = (concept: string) => new Set(graph.inNeighbors(concept).map((a) => large.getNodeAttribute(a, "community"))).size;
    expect(spans("entity:io_uring")).toBeGreaterThan(spans("entity:mvcc"));
    const fallback = importance(large, { maxBetweennessWork: 0 });
    expect(fallback["entity:io_uring"]).toBeGreaterThan(fallback["entity:mvcc"]!);
    expect(fallback["entity:postgres"]).toBeGreaterThan(fallback["entity:trivia"]!);
  });

  it("assign writes each node's importance", () => {
    const assigned = mentionGraph(articles);
    related.assign(assigned);
    const result = importance.assign(assigned);
    assigned.forEachNode((node, attributes) => expect(attributes.importance).toBe(result[node]));
    expect(result).toEqual(values);
  });
});
