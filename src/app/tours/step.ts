/**
 * A tour step and the app's state, both ways: the state a step asks for when it is shown, and
 * the step that "Add this view as a step" makes of what is on screen. Pure.
 *
 * A step says what a link says (what to show, the view, filters, colours, camera), so it is read
 * through the same decoder as the address bar: a step and a link naming the same things give
 * the same state, and whatever this graph cannot show (an unknown node, a view or a section it
 * lacks) is dropped exactly as a link's would be.
 */
import type { TourFilters, TourFocus, TourStep } from "../../core/tours/types";
import { isArticle, isEntity, type AppGraph } from "../data/graph";
import { isDefaultFilters, type Filters } from "../data/filters";
import { regionsOf } from "../data/regions";
import type { AppState } from "../state/store";
import { decodeState } from "../state/url";

/**
 * The state `step` asks for in `graph`. Everything on screen comes from the step (a step that
 * names no camera lets go of the camera, so the app frames what it shows); the list mode,
 * presentation and the place in a tour are the person's, kept from `base` (the player moves
 * the place in the tour).
 */
export function stateForStep(step: TourStep, graph: AppGraph, base: AppState): AppState {
  const { state } = decodeState(stepParams(step, graph), graph);
  return { ...state, listMode: base.listMode, presentation: base.presentation, tour: base.tour };
}

/** The address-bar parameters that say what `step` says (see src/app/state/url). */
function stepParams(step: TourStep, graph: AppGraph): URLSearchParams {
  const params = new URLSearchParams();
  focusParams(step.show, graph, params);
  filterParams(step.filters ?? {}, params);
  if (step.view) params.set("view", step.view);
  if (step.color) params.set("color", step.color);
  if (step.camera) params.set("camera", [step.camera.x, step.camera.y, step.camera.ratio].join(","));
  return params;
}

function focusParams(show: TourFocus, graph: AppGraph, params: URLSearchParams): void {
  if ("node" in show) {
    // One node is focused as a click on it would: an article as an article, a concept as a query of one.
    const attributes = graph.hasNode(show.node) ? graph.getNodeAttributes(show.node) : undefined;
    if (attributes && isArticle(attributes)) params.set("article", show.node);
    else if (attributes && isEntity(attributes)) params.set("concept", show.node);
  } else if ("concepts" in show) {
    for (const id of show.concepts) params.append("concept", id);
    if (show.match === "any") params.set("match", "any");
  } else if ("path" in show) {
    params.set("from", show.path.from);
    params.set("to", show.path.to);
  } else {
    const community = graph.hasNode(show.regionOf) ? graph.getNodeAttribute(show.regionOf, "community") : undefined;
    if (community !== undefined) params.set("region", String(community));
  }
}

function filterParams(filters: TourFilters, params: URLSearchParams): void {
  for (const hidden of filters.hide ?? []) params.append("hide", hidden);
  if (filters.min !== undefined) params.set("min", String(filters.min));
  if (filters.rare !== undefined) params.set("rare", filters.rare ? "1" : "0");
}

/**
 * The step that shows what `state` shows, with `note`: the selection (or, when nothing is
 * selected, the path), the view when it is not the map, the filters and colours when they are
 * not the defaults, and the camera when the state has one. A state that shows nothing (no
 * selection and no path with both ends) makes no step: undefined.
 *
 * The graph names a region: communities are numbered afresh by every build, so a step names a
 * region by a node in it, the concept that names it when the build gave one.
 */
export function stepFromState(state: AppState, graph: AppGraph, note?: string): TourStep | undefined {
  const show = focusOf(state, graph);
  if (!show) return undefined;
  const step: TourStep = { show };
  if (state.view !== "map") step.view = state.view;
  if (!isDefaultFilters(state.filters)) step.filters = tourFilters(state.filters);
  if (state.colorBy !== "type") step.color = state.colorBy;
  if (state.camera) step.camera = { x: state.camera.x, y: state.camera.y, ratio: state.camera.ratio };
  if (note?.trim()) step.note = note.trim();
  return step;
}

function focusOf(state: AppState, graph: AppGraph): TourFocus | undefined {
  const { selection, path } = state;
  switch (selection.kind) {
    case "article":
      return { node: selection.id };
    case "concepts":
      // A query of one concept is what a click on it makes: the step focuses the node.
      if (selection.ids.length === 1) return { node: selection.ids[0]! };
      return selection.match === "any" ? { concepts: [...selection.ids], match: "any" } : { concepts: [...selection.ids] };
    case "region": {
      const node = regionNode(graph, selection.community);
      return node === undefined ? undefined : { regionOf: node };
    }
    case "none":
      return path.from && path.to ? { path: { from: path.from, to: path.to } } : undefined;
  }
}

/** The node that stands for a region: the first of its naming concepts in it, else its first node. */
function regionNode(graph: AppGraph, community: number): string | undefined {
  const inRegion = (node: string) => graph.hasNode(node) && graph.getNodeAttribute(node, "community") === community;
  const naming = regionsOf(graph)[community]?.concepts ?? [];
  return naming.find(inRegion) ?? graph.findNode((_node, attributes) => attributes.community === community);
}

function tourFilters(filters: Filters): TourFilters {
  const hide = [...filters.hiddenTypes.map((type) => `type:${type}`), ...filters.hiddenSections.map((section) => `section:${section}`)];
  return {
    ...(hide.length > 0 ? { hide } : {}),
    ...(filters.minArticles > 1 ? { min: filters.minArticles } : {}),
    ...(filters.showRare ? { rare: true } : {}),
  };
}
