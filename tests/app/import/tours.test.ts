/**
 * Tours made in this browser on another graph are not offered on an imported one: only those
 * whose every step names nodes of this graph (concepts where a concept is needed), and one quiet
 * sentence counts the rest.
 */
import { describe, expect, it } from "vitest";
import type { Tour } from "../../../src/core/tours/types";
import { leftOutNotice, toursFitting } from "../../../src/app/import/tours";
import { KAFKA_AT_NETFLIX, viewsGraph } from "../data/views-fixture";

const tour = (id: string, ...shows: Tour["steps"][number]["show"][]): Tour => ({ id, title: id, steps: shows.map((show) => ({ show })) });

describe("toursFitting", () => {
  it("keeps the tours whose every step is on this graph", () => {
    const graph = viewsGraph();
    const fits = tour("local:fits", { node: "entity:kafka" }, { node: KAFKA_AT_NETFLIX });
    const elsewhere = tour("local:elsewhere", { node: "entity:kafka" }, { node: "entity:not-in-this-graph" });
    const articleAsConcept = tour("local:article", { concepts: [KAFKA_AT_NETFLIX], match: "all" });
    expect(toursFitting([fits, elsewhere, articleAsConcept], graph)).toEqual({ tours: [fits], left: 2 });
  });
});

describe("leftOutNotice", () => {
  it("counts the tours left out in one sentence, and says nothing when none are", () => {
    expect(leftOutNotice(0)).toBe("");
    expect(leftOutNotice(1)).toBe("1 tour made in this browser is for another graph and is not shown here.");
    expect(leftOutNotice(3)).toBe("3 tours made in this browser are for another graph and are not shown here.");
  });
});
