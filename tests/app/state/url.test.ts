import { describe, expect, it } from "vitest";
import { decodeState, encodeState, ignoredNotice } from "../../../src/app/state/url";
import { INITIAL_STATE, type AppState } from "../../../src/app/state/store";
import { communities } from "../../../src/core/communities/index";
import { fixtureGraph } from "../fixtures/graph";
import { viewsGraph } from "../data/views-fixture";

const graph = fixtureGraph();
// The same graph with the regions a build gives it.
const withRegions = fixtureGraph();
communities.assign(withRegions as unknown as Parameters<typeof communities.assign>[0]);
// The same graph with places in the concepts and articles views.
const withViews = viewsGraph();
communities.assign(withViews as unknown as Parameters<typeof communities.assign>[0]);

describe("the address bar", () => {
  it("round-trips every part of the state", () => {
    const state: AppState = {
      selection: { kind: "concepts", ids: ["entity:postgresql", "entity:mvcc"], match: "any" },
      filters: { hiddenTypes: ["person"], hiddenSections: ["Techniques › I/O", "Case Studies"], minArticles: 2, showRare: true },
      path: { from: "entity:kafka", to: "article:rust-for-storage-engines" },
      view: "articles",
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
      listMode: true,
      presentation: true,
      colorBy: "region",
      tour: { id: "storage", step: 1 },
    };
    const tours = [{ id: "storage", steps: [{ show: { node: "entity:postgresql" } }, { show: { node: "entity:mvcc" } }] }];
    const decoded = decodeState(new URLSearchParams(encodeState(state).toString()), withViews, tours);
    expect(decoded.ignored).toEqual([]);
    expect(decoded.state).toEqual(state);
  });

  it("keeps \"Include narrower concepts\" turned off, and writes nothing for the default", () => {
    const off: AppState = { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:mvcc"], match: "all", narrower: false } };
    expect(encodeState(off).get("narrower")).toBe("0");
    expect(decodeState(encodeState(off), graph).state.selection).toEqual(off.selection);
    const byDefault: AppState = { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:mvcc"], match: "all" } };
    expect(encodeState(byDefault).has("narrower")).toBe(false);
    const { state, ignored } = decodeState(new URLSearchParams("concept=entity:mvcc&narrower=yes"), graph);
    expect(state.selection).toEqual(byDefault.selection);
    expect(ignored.map((i) => i.param)).toEqual(["narrower"]);
  });

  it("colours by region only when the graph has regions, and says why it ignores the rest", () => {
    expect(decodeState(new URLSearchParams("color=region"), withRegions).state.colorBy).toBe("region");
    const older = decodeState(new URLSearchParams("color=region"), graph);
    expect(older.state.colorBy).toBe("type");
    expect(older.ignored).toEqual([{ param: "color", reason: "this graph has no regions" }]);
    const odd = decodeState(new URLSearchParams("color=rainbow"), withRegions);
    expect(odd.state.colorBy).toBe("type");
    expect(odd.ignored.map((i) => i.param)).toEqual(["color"]);
    expect(encodeState({ ...INITIAL_STATE, colorBy: "type" }).has("color")).toBe(false);
  });

  it("shows a region by its number, and ignores a number the graph does not have", () => {
    const region: AppState = { ...INITIAL_STATE, selection: { kind: "region", community: 1 } };
    expect(encodeState(region).toString()).toBe("region=1");
    expect(decodeState(encodeState(region), withRegions).state.selection).toEqual(region.selection);
    for (const odd of ["99", "-1", "1.5", "one"]) {
      const decoded = decodeState(new URLSearchParams(`region=${odd}`), withRegions);
      expect(decoded.state.selection).toEqual({ kind: "none" });
      expect(decoded.ignored.map((i) => i.param)).toEqual(["region"]);
    }
    expect(decodeState(new URLSearchParams("region=0"), graph).ignored.map((i) => i.param)).toEqual(["region"]);
    const both = decodeState(new URLSearchParams("article=article:rust-for-storage-engines&region=0"), withRegions);
    expect(both.state.selection.kind).toBe("article");
    expect(both.ignored.map((i) => i.param)).toEqual(["region"]);
  });

  it("names the view, and writes nothing for the map", () => {
    for (const view of ["concepts", "articles"] as const) {
      const params = encodeState({ ...INITIAL_STATE, view });
      expect(params.toString()).toBe(`view=${view}`);
      expect(decodeState(params, withViews).state.view).toBe(view);
    }
    expect(encodeState({ ...INITIAL_STATE, view: "map" }).has("view")).toBe(false);
    expect(decodeState(new URLSearchParams("view=map"), withViews)).toEqual({ state: INITIAL_STATE, ignored: [] });
  });

  it("shows the map, and says so, when the graph has no such view", () => {
    const older = decodeState(new URLSearchParams("view=concepts&concept=entity:kafka"), graph);
    expect(older.state.view).toBe("map");
    expect(older.state.selection).toEqual({ kind: "concepts", ids: ["entity:kafka"], match: "all" });
    expect(older.ignored).toEqual([{ param: "view", reason: "this graph has no concepts view" }]);
    expect(decodeState(new URLSearchParams("view=galaxy"), withViews).ignored.map((i) => i.param)).toEqual(["view"]);
  });

  it("reads the camera of links made before views, when view held it", () => {
    const { state, ignored } = decodeState(new URLSearchParams("view=0.25,0.75,0.5"), withViews);
    expect(ignored).toEqual([]);
    expect(state.view).toBe("map");
    expect(state.camera).toEqual({ x: 0.25, y: 0.75, ratio: 0.5 });
    expect(encodeState(state).toString()).toBe("camera=0.25%2C0.75%2C0.5");
  });

  it("keeps one-article concepts shown with rare=1, and hidden by default", () => {
    const shown = { ...INITIAL_STATE, filters: { ...INITIAL_STATE.filters, showRare: true } };
    expect(encodeState(shown).toString()).toBe("rare=1");
    expect(decodeState(encodeState(shown), graph).state.filters.showRare).toBe(true);
    expect(decodeState(new URLSearchParams("rare=0"), graph).state.filters.showRare).toBe(false);
    expect(decodeState(new URLSearchParams("rare=yes"), graph).ignored.map((i) => i.param)).toEqual(["rare"]);
  });

  it("round-trips an article focus and writes nothing for the initial state", () => {
    expect(encodeState(INITIAL_STATE).toString()).toBe("");
    const state: AppState = { ...INITIAL_STATE, selection: { kind: "article", id: "article:kafka-at-netflix-scale" } };
    expect(decodeState(encodeState(state), graph).state.selection).toEqual(state.selection);
  });

  it("drops what it cannot use, names the parameters, and keeps the rest", () => {
    const params = new URLSearchParams(
      "concept=entity:nope&concept=entity:kafka&match=most&hide=type:alien&hide=section:Nowhere&min=-3&view=NaN,1,2&list=maybe&present=2&wat=1&from=entity:gone",
    );
    const { state, ignored } = decodeState(params, graph);
    expect(state.selection).toEqual({ kind: "concepts", ids: ["entity:kafka"], match: "all" });
    expect(state.filters).toEqual({ hiddenTypes: [], hiddenSections: [], minArticles: 1, showRare: false });
    expect(state.camera).toBeNull();
    expect(state.listMode).toBe(false);
    expect(state.presentation).toBe(false);
    expect(state.path).toEqual({ from: null, to: null });
    expect(new Set(ignored.map((i) => i.param))).toEqual(
      new Set(["concept", "match", "hide", "min", "view", "list", "present", "wat", "from"]),
    );
    const notice = ignoredNotice(ignored);
    expect(notice.length).toBeLessThan(200);
    expect(notice).not.toContain("entity:nope");
  });

  it("never throws on hostile input", () => {
    for (const query of ["%E0%A4%A=x", "concept=%00%3Cscript%3E", "view=1,2", "view=,,,", "view=,,", "camera=a,b,c", "article=", "hide=:", "rare=%00"]) {
      expect(() => decodeState(new URLSearchParams(query), graph)).not.toThrow();
    }
  });

  it("keeps at most three query concepts", () => {
    const params = new URLSearchParams(
      ["postgresql", "mvcc", "kafka", "rust"].map((id) => `concept=entity:${id}`).join("&"),
    );
    const { state, ignored } = decodeState(params, graph);
    expect(state.selection.kind === "concepts" && state.selection.ids).toHaveLength(3);
    expect(ignored).toHaveLength(1);
  });

  it("says nothing when nothing was ignored", () => {
    expect(ignoredNotice([])).toBe("");
  });

  it("names a tour and its step, counting steps from 1, and writes nothing without a tour", () => {
    const at: AppState = { ...INITIAL_STATE, tour: { id: "load-management", step: 0 } };
    expect(encodeState(at).toString()).toBe("tour=load-management&step=1");
    const tours = [{ id: "load-management", steps: [{ show: { node: "entity:postgresql" } }] }];
    expect(decodeState(encodeState(at), graph, tours).state.tour).toEqual(at.tour);
    expect(encodeState(INITIAL_STATE).has("tour")).toBe(false);
  });

  it("ignores a tour it is not told of, and a step its tour does not have, naming which", () => {
    const tours = [{ id: "load-management", steps: [{ show: { node: "entity:postgresql" } }] }];
    expect(decodeState(new URLSearchParams("tour=load-management&step=1"), graph).ignored).toEqual([
      { param: "tour", reason: "not one of the tours this page knows" },
    ]);
    const past = decodeState(new URLSearchParams("tour=load-management&step=2"), graph, tours);
    expect(past.state.tour).toBeNull();
    expect(past.ignored.map((part) => part.param)).toEqual(["step"]);
    expect(ignoredNotice(past.ignored)).toBe("Part of this link could not be used and was ignored (step).");
  });
});
