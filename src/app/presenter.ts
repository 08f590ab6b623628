/**
 * The presenter view: a second page, opened by the main window as
 * `presenter.html?tour=ID&step=N` (N from 1). A tour opened from a link lives in the link's
 * fragment: this page reads it from its own address, else from the window that opened it. It reads the tours and the node names from graph.json
 * without drawing the map, shows the current and next step with their notes, a timer and the
 * step list, and keeps step with the main window over the presenter channel: it says `hello` on
 * opening, follows every `step`, sends `go` for its buttons and keys, and says "Presenting
 * ended" on `end`.
 */
import "./tours/presenter/presenter.css";
import { GraphLoadError, type AppGraph } from "./data/graph";
import { openShownGraph } from "./import/open";
import { browserGraphShelf } from "./import/store";
import type { Tour } from "../core/tours/types";
import { isTourMessage, TOUR_CHANNEL, type TourMessage } from "./tours/channel";
import { toursOf } from "./tours/load";
import { moveFor, stepAfter } from "./tours/presenter/navigation";
import { createPresenterView } from "./tours/presenter/view";
import { readSharedTour } from "./tours/share";
import { loadLocalTours } from "./tours/storage";

/** How long the main window has to answer `hello` before the view says it is on its own. */
const ANSWER_WAIT_MS = 2500;

/**
 * How long answers to this view's own `go` messages are waited for. The main window answers
 * each `go` with a `step`; while later ones are on their way, an earlier answer is stale and
 * following it would flick the view back a step.
 */
const GO_ANSWER_MS = 1500;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from presenter.html`);
  return element;
}

/** The graph the main window shows: the one its address names (import/open.ts). */
async function loadGraph(): Promise<AppGraph> {
  return (await openShownGraph(browserGraphShelf(), location.search)).graph;
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

async function boot(): Promise<void> {
  const graph = await loadGraph();
  const bundled = toursOf(graph);
  const shared = await readSharedTour(sharedHash(), graph);
  const sharedTour = shared && "tour" in shared ? shared.tour : undefined;
  let known: Tour[] = [];
  const readTours = () => {
    known = [...bundled.tours, ...loadLocalTours(), ...(sharedTour ? [sharedTour] : [])];
  };
  readTours();
  const find = (id: string) => known.find((tour) => tour.id === id);

  const labelOf = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);
  const channel = typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel(TOUR_CHANNEL);
  const post = (message: TourMessage) => channel?.postMessage(message);

  let tour: Tour | undefined;
  let at = 0;
  let unanswered = 0;
  let answersTimer: number | undefined;

  /** Shows a step here and keeps it in the address, so a reload comes back to it. */
  const show = (next: Tour, index: number) => {
    tour = next;
    at = index;
    view.show(next, index);
    const query = new URLSearchParams({ tour: next.id, step: String(index + 1) });
    history.replaceState(null, "", `${location.pathname}?${query}${location.hash}`);
  };

  /** The presenter asks for a step: shown here at once, and asked of the main window. */
  const go = (index: number) => {
    if (!tour || index < 0 || index >= tour.steps.length || index === at) return;
    show(tour, index);
    unanswered += 1;
    window.clearTimeout(answersTimer);
    answersTimer = window.setTimeout(() => (unanswered = 0), GO_ANSWER_MS);
    post({ type: "go", tourId: tour.id, step: index });
  };

  const view = createPresenterView({ labelOf, go, timerStorage: sessionStore() });
  byId("loading").hidden = true;
  byId("presenter").append(view.element);

  const problems = [...bundled.problems, ...(shared && "errors" in shared ? [`The tour in this address could not be read (${shared.errors.length} problem${shared.errors.length === 1 ? "" : "s"}).`] : [])];
  const params = new URLSearchParams(location.search);
  const wanted = params.get("tour");
  const opening = wanted === null ? undefined : find(wanted);
  if (opening) {
    const step = Number(params.get("step") ?? "1");
    show(opening, Number.isInteger(step) && step >= 1 && step <= opening.steps.length ? step - 1 : 0);
  }
  const waiting = wanted === null
    ? "No tour is named here: waiting for the main window to present one."
    : opening
      ? ""
      : `This browser has no tour "${short(wanted)}": waiting for the main window to present one.`;
  view.notice([waiting, ...problems].filter(Boolean).join(" "));

  if (!channel) {
    view.notice("This browser cannot link two windows (no BroadcastChannel): the buttons move this view only.");
  } else {
    let answered = false;
    channel.addEventListener("message", (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isTourMessage(message)) return;
      if (message.type === "end") {
        view.ended();
        return;
      }
      if (message.type !== "step") return;
      if (!answered) {
        answered = true;
        view.notice(problems.join(" "));
      }
      if (unanswered > 0 && --unanswered > 0) return;
      if (!find(message.tourId)) readTours();
      const shown = find(message.tourId);
      if (!shown) {
        view.notice(`The main window presents a tour this view does not know ("${short(message.tourId)}").`);
        return;
      }
      if (message.step < shown.steps.length) show(shown, message.step);
    });
    post({ type: "hello" });
    window.setTimeout(() => {
      if (!answered) {
        view.notice(
          "The main window does not answer: open the tour there (in this browser) and press Present, or use this view on its own.",
        );
      }
    }, ANSWER_WAIT_MS);
  }

  // Tours made or changed in the editor of the main window reach this one through storage events.
  window.addEventListener("storage", () => {
    readTours();
    const updated = tour && find(tour.id);
    if (updated && updated !== tour) show(updated, Math.min(at, updated.steps.length - 1));
  });

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || !tour) return;
    const move = moveFor(event, targetKind(event.target));
    if (!move) return;
    event.preventDefault();
    go(stepAfter(move, at, tour.steps.length));
  });
}

/**
 * The fragment that may carry a tour from a link: this page's own, else that of the main window
 * that opened it (same origin, so its address is readable; a window opened otherwise has none).
 */
function sharedHash(): string {
  if (/(^#|&)tour=/.test(location.hash)) return location.hash;
  try {
    return (window.opener as Window | null)?.location.hash ?? "";
  } catch {
    return "";
  }
}

/** What a key pressed on `target` already means there: Space presses a button, a text field takes every key. */
function targetKind(target: EventTarget | null): "button" | "text" | "other" {
  if (!(target instanceof HTMLElement)) return "other";
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return "text";
  return target.closest("button, a[href], summary") ? "button" : "other";
}

/** An id as a message quotes it: it came from an address or another window. */
function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

boot().catch((error: unknown) => {
  const reason = error instanceof GraphLoadError ? error.message : "an unexpected error occurred";
  byId("alert").textContent = `Could not open the presenter view: ${reason}.`;
  byId("loading").hidden = true;
  if (!(error instanceof GraphLoadError)) console.error(error);
});
