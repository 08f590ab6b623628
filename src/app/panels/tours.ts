/**
 * The Tours region: the tours the page knows (the graph's, then the browser's), each with its
 * description, its number of steps and "Start"; once one is open, its steps (the current one
 * marked `aria-current="step"`), the current step's note (so that someone following on their own
 * screen reads what the room hears), Previous and Next, "Present", "Open presenter view" and
 * "Close tour". The tour editor, when there is one, sits below.
 */
import { GRAPH_PARAM } from "../state/url";
import type { Tour } from "../../core/tours/types";
import { describeStep } from "../../core/tours/describe";
import type { AppContext } from "../context";
import { h, plural, uid } from "../dom";
import type { AppState } from "../state/store";
import { renderNote } from "../tours/note";
import type { TourPlayer } from "../tours/player";

export interface ToursPanel {
  element: HTMLElement;
  render(state: AppState): void;
  /** Draws the list again: the tours may have changed (made, edited or removed in the editor). */
  refresh(): void;
}

export interface TourActions {
  /** Starts or ends presenting. */
  present(): void;
  /** Below the list: the tour editor. */
  editor?: HTMLElement;
  /** Problems with the browser's tours, said once under the list. */
  problems?: () => readonly string[];
}

/** The name of the presenter view's window: a second press brings the same window back. */
export const PRESENTER_WINDOW = "insight-graph-presenter";

/**
 * The presenter view's address for a step, relative to the page (steps count from 1 there), and
 * the graph the page shows when it is one imported in this browser, so both windows read the same.
 */
export function presenterAddress(tourId: string, step: number, graphId: string | null = null): string {
  const params = new URLSearchParams({ tour: tourId, step: String(step + 1) });
  if (graphId !== null) params.set(GRAPH_PARAM, graphId);
  return `presenter.html?${params}`;
}

export function createToursPanel(context: AppContext, player: TourPlayer, actions: TourActions): ToursPanel {
  const { graph, store } = context;
  const labelOf = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);
  const body = h("div", { class: "tours-body" });
  const problems = h("p", { class: "hint tours-problems", hidden: true });
  const element = h("section", { "aria-label": "Tours", class: "panel tours" }, h("h2", null, "Tours"), body, problems, actions.editor);

  // The list, and the open tour's view, are drawn when they change; moving from step to step
  // only marks the new step, so the button just pressed keeps the keyboard focus.
  let drawnList = "";
  let open: OpenTour | null = null;

  const listOf = (tours: readonly Tour[]) =>
    tours.length === 0
      ? h("p", { class: "hint" }, "No tours yet: make one with the editor below, or import a tour file.")
      : h(
          "ul",
          { class: "tour-list", role: "list", "aria-label": "Tours" },
          tours.map((tour) => {
            const titleId = uid("tour-title");
            return h(
              "li",
              null,
              h("h3", { id: titleId }, tour.title),
              tour.description ? h("p", { class: "tour-description" }, tour.description) : null,
              h(
                "p",
                { class: "tour-start" },
                h("span", { class: "count" }, plural(tour.steps.length, "step")),
                h(
                  "button",
                  { type: "button", "aria-describedby": titleId, disabled: tour.steps.length === 0, onClick: () => player.play(tour) },
                  "Start",
                ),
              ),
            );
          }),
        );

  const render = (state: AppState, force = false) => {
    const current = player.current();
    if (current) {
      if (!open || open.tour !== current.tour || force) {
        open = openTourView(current.tour, player, actions, labelOf);
        drawnList = "";
        const hadFocus = body.contains(document.activeElement);
        body.replaceChildren(open.element);
        if (hadFocus) open.focusCurrent();
      }
      open.mark(current.step, state.presentation);
    } else {
      const tours = player.tours();
      const key = JSON.stringify(tours.map((t) => [t.id, t.title, t.description, t.steps.length]));
      if (open || key !== drawnList || force) {
        const hadFocus = body.contains(document.activeElement);
        open = null;
        drawnList = key;
        body.replaceChildren(listOf(tours));
        if (hadFocus) body.querySelector<HTMLElement>("button:not([disabled])")?.focus();
      }
    }
    const said = actions.problems?.() ?? [];
    problems.textContent = said.join(" ");
    problems.hidden = said.length === 0;
  };

  return {
    element,
    render: (state) => render(state),
    refresh() {
      player.refresh();
      render(store.get(), true);
    },
  };
}

interface OpenTour {
  tour: Tour;
  element: HTMLElement;
  /** Marks step `index` as the current one, and the Present button as pressed or not. */
  mark(index: number, presenting: boolean): void;
  /** Gives the keyboard focus to the current step's button. */
  focusCurrent(): void;
}

function openTourView(tour: Tour, player: TourPlayer, actions: TourActions, labelOf: (key: string) => string | undefined): OpenTour {
  const position = h("p", { class: "tour-position", "aria-live": "polite" });
  const note = h("div", { class: "tour-note" });
  const stepButtons = tour.steps.map((step, index) =>
    h("button", { type: "button", class: "tour-step", onClick: () => player.go(index) }, describeStep(step, labelOf)),
  );
  const previous = h("button", { type: "button", onClick: () => player.move("previous") }, "Previous");
  const next = h("button", { type: "button", onClick: () => player.move("next") }, "Next");
  const present = h("button", { type: "button", class: "tool", "aria-pressed": "false", onClick: () => actions.present() }, "Present");
  let at = 0;
  const presenter = h(
    "button",
    {
      type: "button",
      // The presenter view is another page of the site, in a window of its own (see presenter.html).
      onClick: () => void window.open(presenterAddress(tour.id, at, new URLSearchParams(location.search).get(GRAPH_PARAM)), PRESENTER_WINDOW, "popup,width=1100,height=760"),
    },
    "Open presenter view",
  );
  const element = h(
    "div",
    { class: "tour-open" },
    h("h3", null, tour.title),
    position,
    // Previous and Next first: they are what one presses most, and stay in sight above a long note.
    h("p", { class: "buttons" }, previous, next),
    h("ol", { class: "tour-steps", "aria-label": "Steps" }, stepButtons.map((button) => h("li", null, button))),
    note,
    h("p", { class: "buttons" }, present, presenter),
    h("p", { class: "buttons" }, h("button", { type: "button", class: "secondary", onClick: () => player.close() }, "Close tour")),
  );
  return {
    tour,
    element,
    mark(index, presenting) {
      if (index !== at || !note.hasChildNodes()) {
        const text = tour.steps[index]?.note;
        note.replaceChildren(text ? renderNote(text) : "");
        note.hidden = !text;
      }
      at = index;
      position.textContent = `Step ${index + 1} of ${tour.steps.length}`;
      stepButtons.forEach((button, i) => {
        if (i === index) button.setAttribute("aria-current", "step");
        else button.removeAttribute("aria-current");
      });
      // aria-disabled rather than disabled: a button that takes one to the last step keeps the
      // keyboard focus there (a disabled one would drop it), and pressing it again does nothing.
      previous.setAttribute("aria-disabled", String(index === 0));
      next.setAttribute("aria-disabled", String(index === tour.steps.length - 1));
      present.setAttribute("aria-pressed", String(presenting));
    },
    focusCurrent() {
      stepButtons[at]?.focus();
    },
  };
}
