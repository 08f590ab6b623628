/**
 * The one store of the app: everything a person chose, as plain serialisable data. Panels and
 * the renderer read it and ask for changes; nothing else holds application state.
 */
import { DEFAULT_FILTERS, type Filters } from "../data/filters";
import type { ColorBy } from "../data/regions";
import type { Selection } from "../data/scene";
import type { ViewName } from "../data/views";

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** A place in a tour: its id, and the step's index from 0 (the address shows it from 1). */
export interface TourPosition {
  id: string;
  step: number;
}

export interface PathQuery {
  from: string | null;
  to: string | null;
}

export interface AppState {
  selection: Selection;
  filters: Filters;
  path: PathQuery;
  /** Which of the graph's views is on show: the map (default), concepts only, articles only. */
  view: ViewName;
  /** The camera, when it is not the default "fit everything" one. */
  camera: CameraView | null;
  listMode: boolean;
  /** Presenting (see tours/present.ts): full screen, side panels hidden, large type, for a projector. */
  presentation: boolean;
  /**
   * The tour open, and which of its steps (from 0) was last shown. What a step shows lives in
   * the rest of the state (see tours/step.ts); one may look elsewhere and still go on to the next.
   */
  tour: TourPosition | null;
  /** What the map's colours tell: concept type (default) or region. */
  colorBy: ColorBy;
}

export const INITIAL_STATE: AppState = {
  selection: { kind: "none" },
  filters: DEFAULT_FILTERS,
  path: { from: null, to: null },
  view: "map",
  camera: null,
  listMode: false,
  presentation: false,
  colorBy: "type",
  tour: null,
};

/**
 * How a change reaches the browser history: "push" makes a step Back can return to,
 * "replace" updates the current entry (camera moves), "none" is a change that came from the
 * history itself (popstate).
 */
export type HistoryMode = "push" | "replace" | "none";

export type Listener = (state: AppState, previous: AppState, history: HistoryMode) => void;

export interface Store {
  get(): AppState;
  set(next: AppState, history?: HistoryMode): void;
  update(change: (state: AppState) => AppState, history?: HistoryMode): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const store: Store = {
    get: () => state,
    set(next, history = "push") {
      if (next === state) return;
      const previous = state;
      state = next;
      for (const listener of listeners) listener(state, previous, history);
    },
    update(change, history = "push") {
      store.set(change(state), history);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

// Transitions, as pure functions of the state, so panels say what they mean.

export function focusConcept(state: AppState, id: string): AppState {
  return { ...state, selection: { kind: "concepts", ids: [id], match: "all" } };
}

export function focusArticle(state: AppState, id: string): AppState {
  return { ...state, selection: { kind: "article", id } };
}

/** Shows a region (community) of the graph, by its number. */
export function focusRegion(state: AppState, community: number): AppState {
  return { ...state, selection: { kind: "region", community } };
}

/** Concept queries combine up to this many concepts: beyond three, "all" rarely matches. */
export const MAX_QUERY_CONCEPTS = 3;

export function addConcept(state: AppState, id: string): AppState {
  const { selection } = state;
  if (selection.kind !== "concepts") return focusConcept(state, id);
  if (selection.ids.includes(id) || selection.ids.length >= MAX_QUERY_CONCEPTS) return state;
  return { ...state, selection: { ...selection, ids: [...selection.ids, id] } };
}

export function removeConcept(state: AppState, id: string): AppState {
  const { selection } = state;
  if (selection.kind !== "concepts") return state;
  const ids = selection.ids.filter((c) => c !== id);
  return { ...state, selection: ids.length ? { ...selection, ids } : { kind: "none" } };
}

export function setMatch(state: AppState, match: "all" | "any"): AppState {
  const { selection } = state;
  if (selection.kind !== "concepts" || selection.match === match) return state;
  return { ...state, selection: { ...selection, match } };
}

/**
 * Asks for the path between two ends. The selection is let go, so that the map and Details show
 * the path; choosing a node later shows that node over it, and letting go of it (Esc, a click
 * on the background, Back) shows the path again.
 */
export function showPath(state: AppState, path: PathQuery): AppState {
  return { ...state, selection: { kind: "none" }, path };
}

export function clearSelection(state: AppState): AppState {
  return state.selection.kind === "none" ? state : { ...state, selection: { kind: "none" } };
}

/**
 * Shows another view of the graph, with the same filters and selection. The camera is let go:
 * each view has its own layout, so a place in one means nothing in another.
 */
export function showView(state: AppState, view: ViewName): AppState {
  return state.view === view ? state : { ...state, view, camera: null };
}

/** Leaves the tour; what its last step showed stays on screen. */
export function closeTour(state: AppState): AppState {
  return state.tour === null ? state : { ...state, tour: null };
}
