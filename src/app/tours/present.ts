/**
 * Presenting: the current view for a room. Full screen (when the browser allows it), the side
 * panels out of the way, the high-contrast theme of presenting.css, and a caption in large type:
 * the tour and the step, the step's note, and the names of what is lit. Keys step through the
 * open tour. The state is `presentation` in the store (`present=1` in the address); this module
 * owns the full screen, the keys and the caption.
 */
import { describeStep } from "../../core/tours/describe";
import type { AppContext } from "../context";
import type { AppGraph } from "../data/graph";
import { regionsOf } from "../data/regions";
import { h } from "../dom";
import type { AppState } from "../state/store";
import { renderNote } from "./note";
import type { StepMove, TourPlayer } from "./player";

/** What each key does while presenting (Esc, which leaves, aside). */
export const PRESENTING_KEYS: Readonly<Record<string, StepMove>> = {
  ArrowRight: "next",
  " ": "next",
  PageDown: "next",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
};

/** The key that starts and ends presenting, outside text fields. */
export const PRESENT_KEY = "p";

/**
 * The names of what the state puts in focus, as the caption gives them: the chosen concepts, the
 * article's title, the region's name, or a path's two ends while nothing is chosen.
 */
export function focusNames(graph: AppGraph, state: AppState): string[] {
  const label = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : key);
  const { selection, path } = state;
  switch (selection.kind) {
    case "concepts":
      return selection.ids.map(label);
    case "article":
      return [label(selection.id)];
    case "region": {
      const region = regionsOf(graph)[selection.community];
      return region ? [region.name] : [];
    }
    case "none":
      return path.from && path.to ? [label(path.from), label(path.to)] : [];
  }
}

/** Keys typed into a field are the field's. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export interface Presenting {
  /** The caption, shown above Details while presenting. */
  caption: HTMLElement;
  /** Starts presenting (asking for full screen) or ends it: the toolbar's and the Tours panel's "Present". */
  toggle(): void;
}

export function createPresenting(context: AppContext, player: TourPlayer): Presenting {
  const { graph, store } = context;
  const tourLine = h("p", { class: "caption-tour" });
  // The step's name is announced as it changes (the Tours panel, which says it otherwise, is hidden).
  const title = h("h2", { class: "caption-title", "aria-live": "polite" });
  const note = h("div", { class: "caption-note" });
  const names = h("p", { class: "caption-names" });
  const caption = h("section", { class: "caption", "aria-label": "Caption", hidden: true }, tourLine, title, note, names);

  // Full screen is asked for by a press (a browser grants it only then), and given back when
  // presenting ends; leaving full screen (Esc, which the browser keeps for itself there) ends presenting.
  let ownsFullScreen = false;
  const start = () => {
    store.update((s) => ({ ...s, presentation: true }));
    if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().then(
        () => {
          ownsFullScreen = true;
          // Presenting may have ended while the browser was granting it.
          if (!store.get().presentation) giveBackFullScreen();
        },
        () => undefined,
      );
    }
  };
  const giveBackFullScreen = () => {
    if (!ownsFullScreen) return;
    ownsFullScreen = false;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  const stop = () => store.update((s) => ({ ...s, presentation: false }));
  const toggle = () => (store.get().presentation ? stop() : start());

  document.addEventListener("fullscreenchange", () => {
    if (document.fullscreenElement || !ownsFullScreen) return;
    ownsFullScreen = false;
    stop();
  });

  // Registered before the page's own Esc (which lets go of the selection), so that while
  // presenting Esc only leaves presenting; a widget that took the key first (an open menu, the
  // sheet's size button) has prevented its default, and keeps it. Preventing the default also
  // keeps the stepping keys from pressing a focused button or scrolling the page.
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const presenting = store.get().presentation;
    if (event.key.toLowerCase() === PRESENT_KEY && !event.shiftKey) {
      event.preventDefault();
      toggle();
    } else if (presenting && event.key === "Escape") {
      event.preventDefault();
      stop();
    } else if (presenting && event.key in PRESENTING_KEYS && player.current()) {
      event.preventDefault();
      player.move(PRESENTING_KEYS[event.key]!);
    }
  });

  const labelOf = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);
  let shown = "";
  const render = (state: AppState) => {
    const open = player.current();
    const step = open?.tour.steps[open.step];
    const focus = focusNames(graph, state);
    // Only what the caption shows decides whether it is drawn again (a camera move is not).
    const key = JSON.stringify([state.presentation, open?.tour.id, open?.step, step, focus]);
    if (key === shown) return;
    shown = key;
    tourLine.textContent = open ? `${open.tour.title} · step ${open.step + 1} of ${open.tour.steps.length}` : "";
    title.textContent = step ? describeStep(step, labelOf) : "";
    note.replaceChildren(step?.note ? renderNote(step.note) : "");
    // A step titled by what it shows ("PostgreSQL and MVCC") needs no line saying the same.
    const named = focus.every((name) => title.textContent!.includes(name));
    names.textContent = named ? "" : focus.join(" · ");
    tourLine.hidden = !open;
    title.hidden = !step;
    note.hidden = !step?.note;
    names.hidden = names.textContent === "";
    caption.hidden = !state.presentation || (!open && focus.length === 0);
  };
  store.subscribe((state, previous) => {
    // However presenting ends (Esc, the button, Back), the full screen it took goes with it.
    if (previous.presentation && !state.presentation) giveBackFullScreen();
    render(state);
  });
  render(store.get());

  return { caption, toggle };
}
