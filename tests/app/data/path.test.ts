import { describe, expect, it } from "vitest";
import { findPath } from "../../../src/app/data/path";
import { fixtureGraph } from "../fixtures/graph";

const graph = fixtureGraph();

describe("findPath", () => {
  it("finds the shortest chain between two concepts through the articles that join them", () => {
    const path = findPath(graph, "entity:kafka", "entity:mvcc");
    expect(path?.steps.map((s) => s.id)).toEqual([
      "entity:kafka",
      expect.stringMatching(/^article:/),
      expect.stringMatching(/^entity:/),
      "article:how-postgres-mvcc-works-netflix",
      "entity:mvcc",
    ]);
    expect(path?.edges).toHaveLength(4);
  });

  it("walks mentions in both directions and quotes the evidence of every hop", () => {
    const path = findPath(graph, "entity:netflix", "entity:io-uring");
    expect(path).not.toBeNull();
    const steps = path!.steps;
    expect(steps[0]?.via).toBeUndefined();
    for (const step of steps.slice(1)) {
      expect(step.via).toBeDefined();
      const { text, markStart, markEnd } = step.via!.quote;
      expect(markEnd).toBeGreaterThan(markStart);
      expect(text.length).toBeGreaterThan(0);
    }
    const hops = steps.slice(1).map((s) => s.via!.edge);
    expect(new Set(hops).size).toBe(hops.length);
  });

  it("goes from an article to a concept too", () => {
    const path = findPath(graph, "article:async-i-o-with-io-uring", "entity:mvcc");
    expect(path?.steps.map((s) => s.kind)).toEqual(["article", "entity", "article", "entity"]);
  });

  it("returns null for nodes that are not connected or do not exist", () => {
    expect(findPath(graph, "article:a-note-with-no-concepts", "entity:kafka")).toBeNull();
    expect(findPath(graph, "entity:nope", "entity:kafka")).toBeNull();
  });
});
