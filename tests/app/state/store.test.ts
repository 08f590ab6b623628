import { describe, expect, it, vi } from "vitest";
import {
  addConcept,
  clearSelection,
  createStore,
  focusArticle,
  focusConcept,
  INITIAL_STATE,
  removeConcept,
  setMatch,
  showPath,
  showView,
} from "../../../src/app/state/store";

describe("store", () => {
  it("notifies listeners with the new and previous state and the history mode", () => {
    const store = createStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update((s) => focusConcept(s, "entity:a"), "push");
    expect(listener).toHaveBeenCalledWith(store.get(), INITIAL_STATE, "push");
  });

  it("does not notify when nothing changed", () => {
    const store = createStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update(clearSelection);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("selection transitions", () => {
  it("adds up to three concepts, once each, and removes them back to no selection", () => {
    let state = focusConcept(INITIAL_STATE, "entity:a");
    state = addConcept(addConcept(addConcept(addConcept(state, "entity:b"), "entity:b"), "entity:c"), "entity:d");
    expect(state.selection).toEqual({ kind: "concepts", ids: ["entity:a", "entity:b", "entity:c"], match: "all" });
    state = setMatch(state, "any");
    expect(state.selection).toMatchObject({ match: "any" });
    for (const id of ["entity:a", "entity:b", "entity:c"]) state = removeConcept(state, id);
    expect(state.selection).toEqual({ kind: "none" });
  });

  it("adding a concept to an article focus starts a concept query", () => {
    const state = addConcept(focusArticle(INITIAL_STATE, "article:x"), "entity:a");
    expect(state.selection).toEqual({ kind: "concepts", ids: ["entity:a"], match: "all" });
  });

  it("showing a path lets go of the selection and keeps the rest", () => {
    const before = { ...focusConcept(INITIAL_STATE, "entity:a"), listMode: true };
    const state = showPath(before, { from: "entity:a", to: "entity:b" });
    expect(state.selection).toEqual({ kind: "none" });
    expect(state.path).toEqual({ from: "entity:a", to: "entity:b" });
    expect(state.listMode).toBe(true);
  });

  it("shows another view with the same selection and filters, and lets go of the camera", () => {
    const before = { ...focusConcept(INITIAL_STATE, "entity:a"), filters: { ...INITIAL_STATE.filters, minArticles: 2 }, camera: { x: 0.2, y: 0.3, ratio: 0.4 } };
    const after = showView(before, "concepts");
    expect(after.view).toBe("concepts");
    expect(after.selection).toBe(before.selection);
    expect(after.filters).toBe(before.filters);
    expect(after.camera).toBeNull();
    expect(showView(after, "concepts")).toBe(after);
  });
});
