import { describe, expect, it } from "vitest";
import { stateForStep, stepFromState } from "../../../src/app/tours/step";
import { INITIAL_STATE, focusArticle, focusConcept, focusRegion, showPath, type AppState } from "../../../src/app/state/store";
import { communities } from "../../../src/core/communities/index";
import type { TourStep } from "../../../src/core/tours/types";
import { fixtureGraph } from "../fixtures/graph";
import { KAFKA_AT_NETFLIX, POSTGRES_MVCC, RUST_STORAGE, viewsGraph } from "../data/views-fixture";

// The fixture with the regions and view places a build gives it.
const graph = viewsGraph();
communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
// The same reading list built before views and communities: the map only, no regions.
const mapOnly = fixtureGraph();

const base: AppState = { ...INITIAL_STATE, listMode: true, presentation: true, tour: { id: "kafka", step: 2 } };
const regionOfPostgres = graph.getNodeAttribute("entity:postgresql", "community")!;

describe("stateForStep", () => {
  it("focuses an article as a click on it would", () => {
    const state = stateForStep({ show: { node: POSTGRES_MVCC } }, graph, base);
    expect(state).toEqual(focusArticle(base, POSTGRES_MVCC));
  });

  it("focuses a concept as a click on it would: a query of one concept", () => {
    const state = stateForStep({ show: { node: "entity:postgresql" } }, graph, base);
    expect(state).toEqual(focusConcept(base, "entity:postgresql"));
  });

  it("asks for the articles naming all the concepts, or any of them", () => {
    expect(stateForStep({ show: { concepts: ["entity:postgresql", "entity:mvcc"] } }, graph, base).selection).toEqual({
      kind: "concepts",
      ids: ["entity:postgresql", "entity:mvcc"],
      match: "all",
    });
    expect(stateForStep({ show: { concepts: ["entity:kafka", "entity:rust"], match: "any" } }, graph, base).selection).toEqual({
      kind: "concepts",
      ids: ["entity:kafka", "entity:rust"],
      match: "any",
    });
  });

  it("asks for a path with nothing selected, as the path panel does", () => {
    const state = stateForStep({ show: { path: { from: "entity:kafka", to: RUST_STORAGE } } }, graph, base);
    expect(state).toEqual(showPath(base, { from: "entity:kafka", to: RUST_STORAGE }));
  });

  it("shows the region that holds the node", () => {
    const state = stateForStep({ show: { regionOf: "entity:postgresql" } }, graph, base);
    expect(state).toEqual(focusRegion(base, regionOfPostgres));
  });

  it("takes the view, filters, colours and camera from the step, and keeps list mode, presentation and the place in a tour", () => {
    const step: TourStep = {
      show: { node: "entity:kafka" },
      view: "concepts",
      filters: { hide: ["type:person", "section:Techniques › I/O"], min: 2, rare: true },
      color: "region",
      camera: { x: 0.25, y: 0.5, ratio: 0.75 },
    };
    expect(stateForStep(step, graph, { ...base, colorBy: "type" })).toEqual({
      ...base,
      selection: { kind: "concepts", ids: ["entity:kafka"], match: "all" },
      view: "concepts",
      filters: { hiddenTypes: ["person"], hiddenSections: ["Techniques › I/O"], minArticles: 2, showRare: true },
      colorBy: "region",
      camera: { x: 0.25, y: 0.5, ratio: 0.75 },
    });
  });

  it("replaces what the previous step showed: its path, filters, view and camera do not linger", () => {
    const shown: AppState = {
      ...showPath(base, { from: "entity:kafka", to: RUST_STORAGE }),
      filters: { hiddenTypes: ["person"], hiddenSections: [], minArticles: 3, showRare: true },
      view: "articles",
      camera: { x: 1, y: 1, ratio: 2 },
      colorBy: "region",
    };
    expect(stateForStep({ show: { node: KAFKA_AT_NETFLIX } }, graph, shown)).toEqual(focusArticle(base, KAFKA_AT_NETFLIX));
  });

  it("drops what this graph cannot show, as a link's decoder does", () => {
    const step: TourStep = {
      show: { concepts: ["entity:postgresql", "entity:nowhere"] },
      view: "articles",
      filters: { hide: ["type:person", "section:No Such Section", "colour:blue"] },
      color: "region",
    };
    const state = stateForStep(step, mapOnly, base);
    expect(state.selection).toEqual({ kind: "concepts", ids: ["entity:postgresql"], match: "all" });
    expect(state.view).toBe("map");
    expect(state.filters.hiddenTypes).toEqual(["person"]);
    expect(state.filters.hiddenSections).toEqual([]);
    expect(state.colorBy).toBe("type");
  });

  it("shows nothing for a node the graph does not have, or a region in a graph without regions", () => {
    expect(stateForStep({ show: { node: "entity:nowhere" } }, graph, base).selection).toEqual({ kind: "none" });
    expect(stateForStep({ show: { regionOf: "entity:postgresql" } }, mapOnly, base).selection).toEqual({ kind: "none" });
  });
});

describe("stepFromState", () => {
  it("makes no step of a state that shows nothing", () => {
    expect(stepFromState(INITIAL_STATE, graph)).toBeUndefined();
    expect(stepFromState({ ...INITIAL_STATE, path: { from: "entity:kafka", to: null } }, graph)).toBeUndefined();
  });

  it("writes only what differs from the defaults", () => {
    expect(stepFromState(focusArticle(INITIAL_STATE, POSTGRES_MVCC), graph)).toEqual({ show: { node: POSTGRES_MVCC } });
    expect(stepFromState(focusConcept(INITIAL_STATE, "entity:mvcc"), graph)).toEqual({ show: { node: "entity:mvcc" } });
  });

  it("keeps the note, trimmed, and no empty one", () => {
    expect(stepFromState(focusConcept(INITIAL_STATE, "entity:mvcc"), graph, "  Look *here*.\n")?.note).toBe("Look *here*.");
    expect(stepFromState(focusConcept(INITIAL_STATE, "entity:mvcc"), graph, " \n ")).not.toHaveProperty("note");
  });

  it("takes the selection over a path it was chosen from", () => {
    const state = focusArticle(showPath(INITIAL_STATE, { from: "entity:kafka", to: RUST_STORAGE }), KAFKA_AT_NETFLIX);
    expect(stepFromState(state, graph)?.show).toEqual({ node: KAFKA_AT_NETFLIX });
  });

  it("names a region by the concept that names it", () => {
    const naming = graph.getAttribute("communities")![regionOfPostgres]!.concepts[0]!;
    expect(stepFromState(focusRegion(INITIAL_STATE, regionOfPostgres), graph)?.show).toEqual({ regionOf: naming });
  });

  it("makes no step of a region the graph does not have", () => {
    expect(stepFromState(focusRegion(INITIAL_STATE, 999), graph)).toBeUndefined();
  });

  const states: [string, AppState][] = [
    ["an article", focusArticle(INITIAL_STATE, POSTGRES_MVCC)],
    ["a concept", focusConcept(INITIAL_STATE, "entity:postgresql")],
    ["concepts, all", { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:postgresql", "entity:mvcc"], match: "all" } }],
    [
      "three concepts, any",
      { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:kafka", "entity:rust", "entity:mvcc"], match: "any" } },
    ],
    ["a path", showPath(INITIAL_STATE, { from: "entity:kafka", to: RUST_STORAGE })],
    ["a region", focusRegion(INITIAL_STATE, regionOfPostgres)],
    [
      "everything set",
      {
        ...focusArticle(INITIAL_STATE, KAFKA_AT_NETFLIX),
        filters: { hiddenTypes: ["person", "organization"], hiddenSections: ["Case Studies", "Techniques › I/O"], minArticles: 2, showRare: true },
        view: "articles",
        camera: { x: 0.125, y: -3.5, ratio: 0.3333 },
        colorBy: "region",
      },
    ],
  ];

  it.each(states)("round-trips %s through a step", (_name, state) => {
    const step = stepFromState(state, graph, "A note.")!;
    expect(step.note).toBe("A note.");
    expect(stateForStep(step, graph, INITIAL_STATE)).toEqual(state);
  });

  it.each(states)("keeps a step made from %s the same through the state it asks for", (_name, state) => {
    const step = stepFromState(state, graph)!;
    expect(stepFromState(stateForStep(step, graph, INITIAL_STATE), graph)).toEqual(step);
  });
});
