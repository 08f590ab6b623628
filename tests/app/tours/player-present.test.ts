/**
 * Presenting (src/app/tours/present.ts): the names the caption gives for what is in focus, and
 * the keys that step through a tour.
 */
import { describe, expect, it } from "vitest";
import { focusNames, PRESENTING_KEYS } from "../../../src/app/tours/present";
import { regionsOf } from "../../../src/app/data/regions";
import { focusArticle, focusConcept, focusRegion, INITIAL_STATE, showPath } from "../../../src/app/state/store";
import { communities } from "../../../src/core/communities/index";
import { POSTGRES_MVCC, RUST_STORAGE, viewsGraph } from "../data/views-fixture";

const graph = viewsGraph();
communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
const label = (key: string) => graph.getNodeAttribute(key, "label");

describe("focusNames: what the caption names", () => {
  it("names the chosen concepts, in the query's order", () => {
    const state = { ...INITIAL_STATE, selection: { kind: "concepts" as const, ids: ["entity:mvcc", "entity:postgresql"], match: "any" as const } };
    expect(focusNames(graph, state)).toEqual([label("entity:mvcc"), label("entity:postgresql")]);
    expect(focusNames(graph, focusConcept(INITIAL_STATE, "entity:postgresql"))).toEqual(["PostgreSQL"]);
  });

  it("names an article by its title, a region by its name", () => {
    expect(focusNames(graph, focusArticle(INITIAL_STATE, POSTGRES_MVCC))).toEqual([label(POSTGRES_MVCC)]);
    const region = graph.getNodeAttribute("entity:postgresql", "community")!;
    expect(focusNames(graph, focusRegion(INITIAL_STATE, region))).toEqual([regionsOf(graph)[region]!.name]);
  });

  it("names a path's two ends while nothing is chosen, and nothing when nothing is shown", () => {
    expect(focusNames(graph, showPath(INITIAL_STATE, { from: "entity:postgresql", to: RUST_STORAGE }))).toEqual(["PostgreSQL", label(RUST_STORAGE)]);
    expect(focusNames(graph, showPath(INITIAL_STATE, { from: "entity:postgresql", to: null }))).toEqual([]);
    expect(focusNames(graph, INITIAL_STATE)).toEqual([]);
    expect(focusNames(graph, focusRegion(INITIAL_STATE, 999))).toEqual([]);
  });
});

describe("the keys of presenting", () => {
  it("go on with →, Space and PageDown, back with ← and PageUp, to the ends with Home and End", () => {
    expect(PRESENTING_KEYS).toEqual({
      ArrowRight: "next",
      " ": "next",
      PageDown: "next",
      ArrowLeft: "previous",
      PageUp: "previous",
      Home: "first",
      End: "last",
    });
  });
});
