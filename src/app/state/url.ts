/**
 * The state in the address bar, and back. Parameters are readable and stable:
 *
 *   ?concept=entity:postgresql&concept=entity:mvcc&match=any   concept focus (1–3 concepts)
 *   &narrower=0                                                "Include narrower concepts" turned off
 *   ?article=article:how-postgres-mvcc-works                   article focus
 *   ?region=3                                                  a region (community) by its number
 *   &from=entity:a&to=entity:b                                 path endpoints
 *   &hide=type:person&hide=section:Case Studies                filters (hidden choices)
 *   &min=3                                                     minimum articles per concept
 *   &rare=1                                                    concepts named by one article shown
 *   &view=concepts                                             the concepts view (or articles; the map when absent)
 *   &camera=0.512,0.430,0.250                                  camera x, y, ratio (links made before
 *                                                              views wrote it as view=x,y,ratio: still read)
 *   &list=1                                                    list view
 *   &present=1                                                 presentation mode
 *   &color=region                                              colours by region (community), not by type
 *   &tour=load-management&step=2                               a tour open at its second step (steps count from 1 here)
 *   ?graph=awesome-scalability-md-mik3x0a1                     a graph imported in this browser (import/store.ts),
 *                                                              read by boot before the rest: not part of the state
 *
 * Decoding never throws: whatever cannot be used is dropped and named in `ignored`, so the
 * page can say so briefly and show the rest.
 */
import type { Tour } from "../../core/tours/types";
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import { hasArticle, hasEntity, sectionPath, type AppGraph } from "../data/graph";
import { regionsOf } from "../data/regions";
import { availableViews, isViewName } from "../data/views";
import { MAX_QUERY_CONCEPTS, INITIAL_STATE, type AppState } from "./store";

/** The parameter naming the graph shown, when it is not the bundled one. */
export const GRAPH_PARAM = "graph";

const KNOWN = new Set(["concept", "match", "narrower", "article", "region", "from", "to", "hide", "min", "rare", "view", "camera", "list", "present", "color", "tour", "step", GRAPH_PARAM]);

/**
 * The address of `state` on the graph `graphId` names (none: the bundled graph). The graph comes
 * first: every other parameter is read against it.
 */
export function addressOf(state: AppState, graphId?: string): URLSearchParams {
  const params = new URLSearchParams(graphId === undefined ? undefined : { [GRAPH_PARAM]: graphId });
  for (const [key, value] of encodeState(state)) params.append(key, value);
  return params;
}

export function encodeState(state: AppState): URLSearchParams {
  const params = new URLSearchParams();
  const { selection, filters, path, view, camera } = state;
  if (selection.kind === "concepts") {
    for (const id of selection.ids) params.append("concept", id);
    if (selection.match !== "all") params.set("match", selection.match);
    // Only the choice that differs from the default is written: off.
    if (selection.narrower === false) params.set("narrower", "0");
  } else if (selection.kind === "article") {
    params.set("article", selection.id);
  } else if (selection.kind === "region") {
    params.set("region", String(selection.community));
  }
  if (path.from) params.set("from", path.from);
  if (path.to) params.set("to", path.to);
  for (const type of filters.hiddenTypes) params.append("hide", `type:${type}`);
  for (const section of filters.hiddenSections) params.append("hide", `section:${section}`);
  if (filters.minArticles > 1) params.set("min", String(filters.minArticles));
  if (filters.showRare) params.set("rare", "1");
  if (view !== "map") params.set("view", view);
  if (camera) params.set("camera", [camera.x, camera.y, camera.ratio].map((n) => round(n)).join(","));
  if (state.listMode) params.set("list", "1");
  if (state.presentation) params.set("present", "1");
  if (state.colorBy !== "type") params.set("color", state.colorBy);
  if (state.tour) {
    params.set("tour", state.tour.id);
    params.set("step", String(state.tour.step + 1));
  }
  return params;
}

function round(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

/** A part of the address that was dropped: which parameter, and why (for logs and tests). */
export interface IgnoredPart {
  param: string;
  reason: string;
}

export interface Decoded {
  state: AppState;
  ignored: IgnoredPart[];
}

/**
 * A short notice for the parts of a link that were dropped, or "" when none were. It names the
 * parameters and never echoes their values, which may be long or hostile.
 */
export function ignoredNotice(ignored: readonly IgnoredPart[]): string {
  if (ignored.length === 0) return "";
  const names = [...new Set(ignored.map((part) => (part.param.length > 20 ? `${part.param.slice(0, 20)}…` : part.param)))];
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ", …" : "");
  return `Part of this link could not be used and was ignored (${shown}).`;
}

/**
 * `tours`: the tours a link may name (the graph's and the browser's). A tour and step are only
 * recorded here (`state.tour`); what the step shows is the player's to apply (see
 * tours/player.ts `readAddress`), since a step is itself read through this decoder.
 */
export function decodeState(params: URLSearchParams, graph: AppGraph, tours: readonly Pick<Tour, "id" | "steps">[] = []): Decoded {
  const ignored: IgnoredPart[] = [];
  const ignore = (param: string, reason: string) => ignored.push({ param, reason });
  const state: AppState = {
    ...INITIAL_STATE,
    filters: { hiddenTypes: [], hiddenSections: [], minArticles: 1, showRare: false },
    path: { from: null, to: null },
  };

  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) ignore(key, "unknown parameter");
  }

  const concepts: string[] = [];
  for (const id of params.getAll("concept")) {
    if (!hasEntity(graph, id)) ignore("concept", `unknown concept ${JSON.stringify(id)}`);
    else if (concepts.includes(id)) continue;
    else if (concepts.length >= MAX_QUERY_CONCEPTS) ignore("concept", `more than ${MAX_QUERY_CONCEPTS} concepts`);
    else concepts.push(id);
  }
  const match = params.get("match");
  if (match !== null && match !== "all" && match !== "any") ignore("match", "neither all nor any");
  const article = params.get("article");
  if (article !== null && !hasArticle(graph, article)) ignore("article", `unknown article ${JSON.stringify(article)}`);

  const narrower = params.get("narrower");
  if (narrower !== null && narrower !== "0") ignore("narrower", "not 0");
  if (concepts.length > 0) {
    state.selection = { kind: "concepts", ids: concepts, match: match === "any" ? "any" : "all", ...(narrower === "0" ? { narrower: false } : {}) };
    if (article !== null && hasArticle(graph, article)) ignore("article", "an article focus alongside concepts");
  } else if (article !== null && hasArticle(graph, article)) {
    state.selection = { kind: "article", id: article };
  }
  const region = params.get("region");
  if (region !== null) {
    const community = Number(region);
    const exists = /^\d+$/.test(region) && community < regionsOf(graph).length;
    if (!exists) ignore("region", "not the number of one of this graph's regions");
    else if (state.selection.kind !== "none") ignore("region", "a region alongside another focus");
    else state.selection = { kind: "region", community };
  }

  for (const end of ["from", "to"] as const) {
    const id = params.get(end);
    if (id === null) continue;
    if (graph.hasNode(id)) state.path[end] = id;
    else ignore(end, `unknown node ${JSON.stringify(id)}`);
  }

  const sections = sectionKeys(graph);
  for (const value of params.getAll("hide")) {
    const [kind, ...rest] = value.split(":");
    const name = rest.join(":");
    if (kind === "type" && (ENTITY_TYPES as readonly string[]).includes(name)) {
      if (!state.filters.hiddenTypes.includes(name as EntityType)) state.filters.hiddenTypes.push(name as EntityType);
    } else if (kind === "section" && sections.has(name)) {
      if (!state.filters.hiddenSections.includes(name)) state.filters.hiddenSections.push(name);
    } else {
      ignore("hide", `unknown filter ${JSON.stringify(value)}`);
    }
  }

  const min = params.get("min");
  if (min !== null) {
    const n = Number(min);
    if (Number.isInteger(n) && n >= 1) state.filters.minArticles = n;
    else ignore("min", "not a whole number of at least 1");
  }

  const rare = params.get("rare");
  if (rare === "1") state.filters.showRare = true;
  else if (rare !== null && rare !== "0") ignore("rare", "neither 0 nor 1");

  // `view` names a view; before views existed it held the camera, which old links still carry.
  const views = availableViews(graph);
  let camera = params.get("camera");
  const view = params.get("view");
  if (view !== null && /^[^,]*,[^,]*,[^,]*$/.test(view)) camera ??= view;
  else if (isViewName(view) && views.includes(view)) state.view = view;
  else if (view !== null) ignore("view", isViewName(view) ? `this graph has no ${view} view` : "not map, concepts or articles");
  if (camera !== null) {
    const numbers = camera.split(",").map(Number);
    const [x, y, ratio] = numbers;
    if (numbers.length === 3 && numbers.every(Number.isFinite) && ratio! > 0) {
      state.camera = { x: x!, y: y!, ratio: ratio! };
    } else {
      ignore(params.has("camera") ? "camera" : "view", "not three finite numbers with a positive ratio");
    }
  }

  for (const [param, key] of [
    ["list", "listMode"],
    ["present", "presentation"],
  ] as const) {
    const value = params.get(param);
    if (value === "1") state[key] = true;
    else if (value !== null && value !== "0") ignore(param, "neither 0 nor 1");
  }

  const color = params.get("color");
  if (color === "region" && regionsOf(graph).length > 0) state.colorBy = "region";
  else if (color !== null && color !== "type") ignore("color", color === "region" ? "this graph has no regions" : "neither type nor region");

  const tourId = params.get("tour");
  const step = params.get("step");
  if (tourId !== null) {
    const tour = tours.find((t) => t.id === tourId);
    const index = step === null ? 1 : /^\d+$/.test(step) ? Number(step) : NaN;
    if (!tour) ignore("tour", "not one of the tours this page knows");
    else if (!(index >= 1 && index <= tour.steps.length)) ignore("step", `not a step of tour ${JSON.stringify(tourId)}`);
    else state.tour = { id: tour.id, step: index - 1 };
  } else if (step !== null) {
    ignore("step", "a step without a tour");
  }

  return { state, ignored };
}

function sectionKeys(graph: AppGraph): Set<string> {
  const keys = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    if (attributes.kind !== "article" || !attributes.section) return;
    keys.add(attributes.section);
    keys.add(sectionPath(attributes));
  });
  return keys;
}
