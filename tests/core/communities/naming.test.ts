import { describe, expect, it } from "vitest";
import { communityNames, rankConcepts, specificity, type ConceptCounts, type NamingInput } from "../../../src/core/communities/naming";

describe("specificity", () => {
  it("is 0 for a concept no article of the community mentions", () => {
    expect(specificity(0, 10, 5, 100)).toBe(0);
  });

  it("is 0 for a concept every article of the graph mentions: it tells no region from another", () => {
    expect(specificity(10, 10, 100, 100)).toBe(0);
  });

  it("grows with the share of the community's articles that mention the concept", () => {
    expect(specificity(8, 10, 20, 100)).toBeGreaterThan(specificity(4, 10, 20, 100));
    expect(specificity(4, 10, 20, 100)).toBeCloseTo(0.4 * Math.log(5));
  });

  it("favours, at the same share, the concept fewer articles of the graph mention", () => {
    expect(specificity(5, 10, 5, 100)).toBeGreaterThan(specificity(5, 10, 50, 100));
  });

  it("is 0, not NaN, for an empty community or graph", () => {
    expect(specificity(1, 0, 1, 10)).toBe(0);
    expect(specificity(0, 0, 0, 0)).toBe(0);
  });
});

describe("rankConcepts", () => {
  const concept = (key: string, inCommunity: number, inGraph: number): ConceptCounts => ({ key, label: key, inCommunity, inGraph });

  it("puts the characteristic concepts before the common ones, however often those occur", () => {
    // "database" is in 9 of the community's 10 articles, but in 90 of the graph's 100.
    const ranked = rankConcepts([concept("database", 9, 90), concept("vacuum", 6, 6), concept("mvcc", 8, 9)], 10, 100);
    expect(ranked.map((c) => c.key)).toEqual(["mvcc", "vacuum", "database"]);
  });

  it("breaks ties by articles in the community, then in the graph, then by key, whatever the input order", () => {
    // A grouping concept no article mentions scores 0, like one every article mentions.
    const concepts = [concept("b", 0, 0), concept("a", 0, 0), concept("everywhere", 10, 100), concept("c", 0, 3)];
    const expected = ["everywhere", "c", "a", "b"];
    expect(rankConcepts(concepts, 10, 100).map((c) => c.key)).toEqual(expected);
    expect(rankConcepts([...concepts].reverse(), 10, 100).map((c) => c.key)).toEqual(expected);
  });
});

describe("communityNames", () => {
  const named = (...concepts: string[]): NamingInput => ({ concepts, places: [], titles: [] });

  it("joins the two or three most characteristic labels", () => {
    expect(communityNames([named("PostgreSQL", "MVCC", "vacuum", "WAL")])).toEqual(["PostgreSQL · MVCC · vacuum"]);
    expect(communityNames([named("Raft")])).toEqual(["Raft"]);
  });

  it("takes a third label only while the name stays short", () => {
    expect(communityNames([named("Amazon Web Services", "AWS Lambda", "Amazon SQS")])).toEqual(["Amazon Web Services · AWS Lambda"]);
    expect(communityNames([named("Amazon Web Services", "AWS Lambda", "Amazon SQS")], { maxLength: 60 })).toEqual([
      "Amazon Web Services · AWS Lambda · Amazon SQS",
    ]);
    // The first two are always taken, however long.
    expect(communityNames([named("multi-version concurrency control", "write-ahead logging", "x")])).toEqual([
      "multi-version concurrency control · write-ahead logging",
    ]);
  });

  it("drops a label that repeats the words of a better one", () => {
    expect(communityNames([named("Amazon Aurora", "Amazon Aurora PostgreSQL", "replication")])).toEqual(["Amazon Aurora · replication"]);
    expect(communityNames([named("C", "C++", "Zig")])).toEqual(["C · C++ · Zig"]);
  });

  it("never names two communities the same: a later one takes its next concept, or a number", () => {
    expect(communityNames([named("Kafka", "streams", "Flink"), named("Kafka", "streams", "Flink", "Beam")], { maxConcepts: 2, maxLength: 100 })).toEqual([
      "Kafka · streams",
      "Kafka · streams · Flink",
    ]);
    expect(communityNames([named("Raft"), named("Raft"), named("Raft")])).toEqual(["Raft", "Raft (2)", "Raft (3)"]);
  });

  it("names a community without concepts by the subsection most of its articles sit in", () => {
    const input: NamingInput = {
      concepts: [],
      places: [
        ["Techniques", "Caching"],
        ["Techniques", "Queues"],
        ["Techniques", "Queues"],
      ],
      titles: ["Cache stampedes", "CoDel", "Little's Law"],
    };
    expect(communityNames([input])).toEqual(["Queues"]);
    expect(communityNames([input, input, input])).toEqual(["Queues", "Techniques › Queues", "Queues (2)"]);
  });

  it("names it by its section when the articles have no subsection, and by a title when they have no section", () => {
    expect(communityNames([{ concepts: [], places: [["See Also", ""]], titles: ["Other note"] }])).toEqual(["See Also"]);
    expect(communityNames([{ concepts: [], places: [["", ""]], titles: ["  ", "An untitled list's item"] }])).toEqual(["An untitled list's item"]);
    expect(communityNames([{ concepts: [], places: [], titles: [] }])).toEqual(["Untitled"]);
  });
});
