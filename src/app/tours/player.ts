/**
 * The tour player of the main window: which tour is open and at which step, going from step to
 * step, and the presenter channel's main-window side (see channel.ts).
 *
 * A step is shown by putting its state in the store (`stateForStep`), with one history entry
 * per step, so Back returns to the previous step and the address names the step
 * (`tour=ID&step=N`). The camera is the map's business: main.ts moves it, animated, to the
 * step's camera or to frame what the step lights.
 */
import type { Tour } from "../../core/tours/types";
import type { AppGraph } from "../data/graph";
import type { AppState, HistoryMode, Store } from "../state/store";
import { closeTour } from "../state/store";
import { decodeState, type Decoded } from "../state/url";
import { isTourMessage, TOUR_CHANNEL, type TourMessage } from "./channel";
import { stateForStep } from "./step";

/** Where a press of a key or a button goes from the current step. */
export type StepMove = "next" | "previous" | "first" | "last";

/**
 * The index `move` leads to from step `current` of a tour of `count` steps, or undefined when
 * it leads nowhere: past either end (the last step stays put on "next"; a tour does not wrap
 * round in front of a group), or on a tour without steps.
 */
export function stepAfter(move: StepMove, current: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const target =
    move === "next" ? current + 1
    : move === "previous" ? current - 1
    : move === "first" ? 0
    : count - 1;
  if (target < 0 || target >= count || target === current) return undefined;
  return target;
}

/** Parameters by which an address says what to show (see state/url.ts). */
const SHOWING = ["concept", "article", "region", "from", "to", "hide", "min", "rare", "view", "color"] as const;

/**
 * The state an address asks for, a tour's step included. An address the app wrote at a step
 * names what it shows as well as the tour and step, and shows exactly that (the step's state,
 * or whatever one turned to from there); a short link that names only the tour and step
 * (`?tour=load-management&step=3`, as one would dictate it to a group) shows the step. A camera
 * in the address wins over the step's, as the camera is what the address remembers last.
 */
export function readAddress(params: URLSearchParams, graph: AppGraph, tours: readonly Tour[]): Decoded {
  const decoded = decodeState(params, graph, tours);
  const at = decoded.state.tour;
  if (!at || SHOWING.some((param) => params.has(param))) return decoded;
  const step = tours.find((tour) => tour.id === at.id)?.steps[at.step];
  if (!step) return decoded;
  const stepped = stateForStep(step, graph, decoded.state);
  return {
    state: { ...stepped, camera: params.has("camera") ? decoded.state.camera : stepped.camera, tour: at },
    ignored: decoded.ignored,
  };
}

/** The messages of the presenter channel, as the player uses them; BroadcastChannel in the page. */
export interface TourChannel {
  post(message: TourMessage): void;
  /** `handler` gets every message as it arrived: data from another window, unchecked. */
  listen(handler: (data: unknown) => void): void;
}

/** The page's presenter channel, or none where the browser has no BroadcastChannel. */
export function openTourChannel(): TourChannel | undefined {
  if (typeof BroadcastChannel === "undefined") return undefined;
  const channel = new BroadcastChannel(TOUR_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => channel.addEventListener("message", (event) => handler(event.data)),
  };
}

export interface TourPlayer {
  /** Every tour the page knows: the graph's, then the browser's. */
  tours(): readonly Tour[];
  /** The open tour and its step, or null. */
  current(): { tour: Tour; step: number } | null;
  /** Opens `tour` at `step` (its first by default). */
  play(tour: Tour, step?: number): void;
  /** Shows step `index` of the open tour; false when there is no such step. */
  go(index: number): boolean;
  /** Goes on (or back) from the current step; false when the move leads nowhere. */
  move(move: StepMove): boolean;
  /** Leaves the tour; what its last step showed stays on screen. */
  close(): void;
  /** Reads the tours again (the browser's may have changed). */
  refresh(): void;
}

export interface PlayerOptions {
  graph: AppGraph;
  store: Store;
  /** The tours the page knows, read again on `refresh`. */
  tours: () => readonly Tour[];
  /** The presenter channel (none in tests that do not need it, or where the browser lacks one). */
  channel?: TourChannel;
}

export function createPlayer({ graph, store, tours: readTours, channel }: PlayerOptions): TourPlayer {
  let known = readTours();
  // A tour handed to `play` that is not (yet) among the known ones: one just made in the editor.
  let adHoc: Tour | undefined;

  const find = (id: string) => known.find((tour) => tour.id === id) ?? (adHoc?.id === id ? adHoc : undefined);

  const show = (tour: Tour, index: number, history: HistoryMode = "push") => {
    const step = tour.steps[index];
    if (!step) return false;
    const stepped: AppState = { ...stateForStep(step, graph, store.get()), tour: { id: tour.id, step: index } };
    store.set(stepped, history);
    return true;
  };

  const player: TourPlayer = {
    tours: () => known,
    current() {
      const at = store.get().tour;
      const tour = at ? find(at.id) : undefined;
      return at && tour && at.step < tour.steps.length ? { tour, step: at.step } : null;
    },
    play(tour, index = 0) {
      if (!known.some((t) => t.id === tour.id)) player.refresh();
      // The tour as given is the one to show: the editor may hand over changes not yet stored.
      adHoc = tour;
      known = known.map((t) => (t.id === tour.id ? tour : t));
      show(tour, index);
    },
    go(index) {
      const open = player.current();
      return open !== null && index !== open.step && show(open.tour, index);
    },
    move(move) {
      const open = player.current();
      if (!open) return false;
      const target = stepAfter(move, open.step, open.tour.steps.length);
      return target !== undefined && show(open.tour, target);
    },
    close() {
      store.update(closeTour);
    },
    refresh() {
      known = readTours();
    },
  };

  if (channel) {
    const announce = () => {
      const at = store.get().tour;
      if (at) channel.post({ type: "step", tourId: at.id, step: at.step });
    };
    store.subscribe((state, previous) => {
      const moved = state.tour?.id !== previous.tour?.id || state.tour?.step !== previous.tour?.step;
      if (moved) announce();
      // The presenter view follows presenting: it ends when presenting does, or when the tour closes.
      if ((previous.presentation && !state.presentation) || (previous.tour && !state.tour)) channel.post({ type: "end" });
    });
    channel.listen((data) => {
      if (!isTourMessage(data)) return;
      if (data.type === "hello") announce();
      else if (data.type === "go") {
        const tour = find(data.tourId);
        const at = store.get().tour;
        // Already there: say so, so the other window settles on the same step.
        if (at && at.id === data.tourId && at.step === data.step) announce();
        else if (tour && data.step < tour.steps.length) show(tour, data.step);
      }
    });
  }
  return player;
}
