/**
 * The tour player of the main window: where each key or button goes from a step, what an address
 * naming a step shows, one history entry per step, and the presenter channel's main-window side.
 */
import { describe, expect, it } from "vitest";
import { createPlayer, readAddress, stepAfter, type TourChannel } from "../../../src/app/tours/player";
import { stateForStep } from "../../../src/app/tours/step";
import { encodeState } from "../../../src/app/state/url";
import { createStore, focusArticle, INITIAL_STATE, type AppState, type HistoryMode } from "../../../src/app/state/store";
import type { TourMessage } from "../../../src/app/tours/channel";
import { communities } from "../../../src/core/communities/index";
import type { Tour } from "../../../src/core/tours/types";
import { KAFKA_AT_NETFLIX, POSTGRES_MVCC, RUST_STORAGE, viewsGraph } from "../data/views-fixture";

const graph = viewsGraph();
communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);

const storage: Tour = {
  id: "storage",
  title: "Storage engines",
  steps: [
    { show: { node: "entity:postgresql" }, note: "Where it starts." },
    { show: { node: POSTGRES_MVCC }, view: "articles", camera: { x: 0.3, y: 0.6, ratio: 0.4 } },
    { show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "any" }, filters: { hide: ["type:person"] } },
    { show: { path: { from: KAFKA_AT_NETFLIX, to: RUST_STORAGE } }, color: "region" },
  ],
};
const empty: Tour = { id: "empty", title: "Nothing yet", steps: [] };
const tours = [storage, empty];

describe("stepAfter: where a move goes from a step", () => {
  it("goes on, back, to the first and to the last step", () => {
    expect(stepAfter("next", 1, 4)).toBe(2);
    expect(stepAfter("previous", 1, 4)).toBe(0);
    expect(stepAfter("first", 2, 4)).toBe(0);
    expect(stepAfter("last", 0, 4)).toBe(3);
  });

  it("goes nowhere past either end (no wrapping round in front of a group), nor to the step already shown", () => {
    expect(stepAfter("next", 3, 4)).toBeUndefined();
    expect(stepAfter("previous", 0, 4)).toBeUndefined();
    expect(stepAfter("first", 0, 4)).toBeUndefined();
    expect(stepAfter("last", 3, 4)).toBeUndefined();
  });

  it("goes nowhere in a tour without steps, and a one-step tour stays on its step", () => {
    for (const move of ["next", "previous", "first", "last"] as const) {
      expect(stepAfter(move, 0, 0)).toBeUndefined();
      expect(stepAfter(move, 0, 1)).toBeUndefined();
    }
  });
});

describe("readAddress: a link that names a tour's step", () => {
  const read = (query: string) => readAddress(new URLSearchParams(query), graph, tours);

  it("shows the step when the link names only the tour and the step, and keeps the person's list and presenting", () => {
    const { state, ignored } = read("tour=storage&step=3&present=1");
    expect(ignored).toEqual([]);
    expect(state).toEqual({ ...stateForStep(storage.steps[2]!, graph, { ...INITIAL_STATE, presentation: true }), tour: { id: "storage", step: 2 } });
    expect(state.selection).toEqual({ kind: "concepts", ids: ["entity:postgresql", "entity:mvcc"], match: "any" });
    expect(state.filters.hiddenTypes).toEqual(["person"]);
    expect(state.presentation).toBe(true);
  });

  it("opens a tour named without a step at its first step", () => {
    expect(read("tour=storage").state.tour).toEqual({ id: "storage", step: 0 });
    expect(read("tour=storage").state.selection).toEqual({ kind: "concepts", ids: ["entity:postgresql"], match: "all" });
  });

  it("takes the step's camera, unless the link has one of its own", () => {
    expect(read("tour=storage&step=2").state.camera).toEqual({ x: 0.3, y: 0.6, ratio: 0.4 });
    expect(read("tour=storage&step=2&camera=0.5,0.5,2").state.camera).toEqual({ x: 0.5, y: 0.5, ratio: 2 });
  });

  it("round-trips the address the app writes at a step, and at a step one has looked away from", () => {
    const atStep: AppState = { ...stateForStep(storage.steps[1]!, graph, INITIAL_STATE), tour: { id: "storage", step: 1 } };
    expect(read(encodeState(atStep).toString()).state).toEqual(atStep);
    const elsewhere: AppState = { ...focusArticle(atStep, RUST_STORAGE), camera: null };
    expect(read(encodeState(elsewhere).toString()).state).toEqual(elsewhere);
  });

  it("ignores an unknown tour or step with the usual notice, and shows the rest of the link", () => {
    const unknown = read("tour=nowhere&step=1&article=" + encodeURIComponent(POSTGRES_MVCC));
    expect(unknown.state.tour).toBeNull();
    expect(unknown.state.selection).toEqual({ kind: "article", id: POSTGRES_MVCC });
    expect(unknown.ignored.map((part) => part.param)).toEqual(["tour"]);
    for (const step of ["0", "5", "2.5", "two", "-1", ""]) {
      const decoded = read(`tour=storage&step=${step}`);
      expect(decoded.state.tour, step).toBeNull();
      expect(decoded.state.selection, step).toEqual({ kind: "none" });
      expect(decoded.ignored.map((part) => part.param), step).toEqual(["step"]);
    }
    expect(read("tour=empty").ignored.map((part) => part.param)).toEqual(["step"]);
    expect(read("step=2").ignored.map((part) => part.param)).toEqual(["step"]);
  });
});

/** A store with a log of the history entries its changes made. */
function recordedStore(initial: AppState = INITIAL_STATE) {
  const store = createStore(initial);
  const history: { mode: HistoryMode; tour: AppState["tour"] }[] = [];
  store.subscribe((state, _previous, mode) => history.push({ mode, tour: state.tour }));
  return { store, history };
}

/** Two ends of a channel: what the player posts, and a way to send it messages. */
function fakeChannel() {
  const posted: TourMessage[] = [];
  let handler: (data: unknown) => void = () => undefined;
  const channel: TourChannel = { post: (message) => posted.push(message), listen: (h) => (handler = h) };
  return { channel, posted, send: (data: unknown) => handler(data) };
}

describe("the player", () => {
  it("shows a step by putting its state in the store, one history entry per step", () => {
    const { store, history } = recordedStore();
    const player = createPlayer({ graph, store, tours: () => tours });
    player.play(storage);
    expect(store.get()).toEqual({ ...stateForStep(storage.steps[0]!, graph, INITIAL_STATE), tour: { id: "storage", step: 0 } });
    expect(player.move("next")).toBe(true);
    expect(player.move("last")).toBe(true);
    expect(player.move("next")).toBe(false);
    expect(player.move("previous")).toBe(true);
    expect(player.go(0)).toBe(true);
    expect(history).toEqual([0, 1, 3, 2, 0].map((step) => ({ mode: "push", tour: { id: "storage", step } })));
    expect(player.current()).toEqual({ tour: storage, step: 0 });
  });

  it("keeps the person's list view and presenting from step to step", () => {
    const { store } = recordedStore({ ...INITIAL_STATE, listMode: true, presentation: true });
    const player = createPlayer({ graph, store, tours: () => tours });
    player.play(storage, 3);
    expect(store.get()).toMatchObject({ listMode: true, presentation: true, colorBy: "region", tour: { id: "storage", step: 3 } });
  });

  it("does nothing without a tour, or for a step the tour does not have", () => {
    const { store, history } = recordedStore();
    const player = createPlayer({ graph, store, tours: () => tours });
    expect(player.move("next")).toBe(false);
    expect(player.go(1)).toBe(false);
    player.play(storage);
    expect(player.go(9)).toBe(false);
    expect(player.go(-1)).toBe(false);
    expect(history).toHaveLength(1);
  });

  it("leaves the tour on close, keeping what its last step showed", () => {
    const { store } = recordedStore();
    const player = createPlayer({ graph, store, tours: () => tours });
    player.play(storage, 1);
    const shown = store.get().selection;
    player.close();
    expect(store.get().tour).toBeNull();
    expect(store.get().selection).toBe(shown);
    expect(player.current()).toBeNull();
  });

  it("plays a tour handed to it that it did not know (one just made in the editor), and reads the tours again on refresh", () => {
    const made: Tour = { id: "local:mine", title: "Mine", steps: [{ show: { node: RUST_STORAGE } }] };
    let stored: Tour[] = [storage];
    const { store } = recordedStore();
    const player = createPlayer({ graph, store, tours: () => stored });
    player.play(made);
    expect(player.current()).toEqual({ tour: made, step: 0 });
    stored = [storage, made];
    player.refresh();
    expect(player.tours()).toEqual([storage, made]);
  });
});

describe("the presenter channel, main-window side", () => {
  it("announces every step it shows, Back and Forward included, and answers hello with the step it is on", () => {
    const { channel, posted, send } = fakeChannel();
    const { store } = recordedStore();
    const player = createPlayer({ graph, store, tours: () => tours, channel });
    send({ type: "hello" });
    expect(posted).toEqual([]);
    player.play(storage);
    player.move("next");
    // Back: the address's state comes back through the store, with no history entry of its own.
    store.set(readAddress(new URLSearchParams("tour=storage&step=1"), graph, tours).state, "none");
    send({ type: "hello" });
    expect(posted).toEqual([
      { type: "step", tourId: "storage", step: 0 },
      { type: "step", tourId: "storage", step: 1 },
      { type: "step", tourId: "storage", step: 0 },
      { type: "step", tourId: "storage", step: 0 },
    ]);
  });

  it("follows go, opening the tour when it is not open, and says where it is when already there", () => {
    const { channel, posted, send } = fakeChannel();
    const { store, history } = recordedStore();
    createPlayer({ graph, store, tours: () => tours, channel });
    send({ type: "go", tourId: "storage", step: 2 });
    expect(store.get().tour).toEqual({ id: "storage", step: 2 });
    send({ type: "go", tourId: "storage", step: 2 });
    expect(history).toHaveLength(1);
    expect(posted).toEqual([
      { type: "step", tourId: "storage", step: 2 },
      { type: "step", tourId: "storage", step: 2 },
    ]);
  });

  it("ignores what is not a message, a tour it does not know and a step the tour lacks", () => {
    const { channel, posted, send } = fakeChannel();
    const { store, history } = recordedStore();
    createPlayer({ graph, store, tours: () => tours, channel });
    for (const data of [null, "go", { type: "go" }, { type: "go", tourId: "storage", step: -1 }, { type: "go", tourId: "storage", step: 1.5 }, { type: "go", tourId: "nowhere", step: 0 }, { type: "go", tourId: "storage", step: 4 }, { type: "step", tourId: "storage", step: 1 }]) {
      send(data);
    }
    expect(history).toEqual([]);
    expect(posted).toEqual([]);
  });

  it("says end when presenting ends, and when the tour closes", () => {
    const { channel, posted } = fakeChannel();
    const { store } = recordedStore({ ...INITIAL_STATE, presentation: true });
    const player = createPlayer({ graph, store, tours: () => tours, channel });
    player.play(storage);
    store.update((s) => ({ ...s, presentation: false }));
    player.close();
    expect(posted).toEqual([{ type: "step", tourId: "storage", step: 0 }, { type: "end" }, { type: "end" }]);
  });
});
