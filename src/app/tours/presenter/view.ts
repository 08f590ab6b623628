/**
 * The presenter view's screen: the tour's title and where it stands, the current step (its
 * name, what it shows, its note in large type), the next step, the timer, the step list and the
 * step buttons. It draws what it is told (`show`, `ended`, `notice`) and says what the
 * presenter asked for (`go`); the channel and the keys are the page's (presenter.ts).
 */
import { describeStep, type LabelOf } from "../../../core/tours/describe";
import type { Tour, TourStep } from "../../../core/tours/types";
import { h } from "../../dom";
import { renderNote } from "../note";
import { elapsed, formatElapsed, pause, readStopwatch, reset, resume, startStopwatch, type Stopwatch } from "./timer";

export interface PresenterView {
  element: HTMLElement;
  /** Shows step `index` of `tour` (a tour not shown before rebuilds the step list). */
  show(tour: Tour, index: number): void;
  /** Presenting ended in the main window: said on screen until a step is shown again. */
  ended(): void;
  /** A line under the header (the main window does not answer, a tour is unknown); "" clears it. */
  notice(text: string): void;
}

export interface PresenterViewOptions {
  labelOf: LabelOf;
  /** The presenter asked for step `index` (a button or the step list). */
  go(index: number): void;
  /** Where the timer is kept across a reload of the view (sessionStorage), if anywhere. */
  timerStorage: Storage | null;
}

const VIEW_NAMES = { map: "the map", concepts: "the concepts view", articles: "the articles view" } as const;

export function createPresenterView({ labelOf, go, timerStorage }: PresenterViewOptions): PresenterView {
  let tour: Tour | undefined;
  let at = 0;

  // Until a tour is shown (the address named none the page knows, and the main window has not
  // answered yet), the headings say what the view waits for rather than standing empty.
  const title = h("h1", { class: "presenter-title" }, "Presenter view");
  const position = h("p", { class: "presenter-position" });
  const banner = h("p", { class: "presenter-banner", role: "status" });
  const noticeLine = h("p", { class: "presenter-notice" });
  // Said once per step change; the step's name is on screen already, in the Now section.
  const announcer = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });

  const nowName = h("h2", { class: "now-name", id: "now-name" }, "No tour yet");
  const nowShows = h("p", { class: "now-shows" });
  const nowNote = h("div", { class: "note now-note" });
  const now = h(
    "section",
    { class: "now", "aria-labelledby": "now-label now-name" },
    h("p", { class: "kicker", id: "now-label" }, "Now"),
    nowName,
    nowShows,
    nowNote,
  );

  const nextName = h("h2", { class: "next-name", id: "next-name" }, "—");
  const nextNote = h("div", { class: "note next-note" });
  const next = h(
    "section",
    { class: "next", "aria-labelledby": "next-label next-name" },
    h("p", { class: "kicker", id: "next-label" }, "Next"),
    nextName,
    nextNote,
  );

  const stepList = h("ol", { class: "step-list", "aria-labelledby": "steps-heading" });
  const steps = h("nav", { class: "steps", "aria-labelledby": "steps-heading" }, h("h2", { id: "steps-heading" }, "Steps"), stepList);

  const button = (label: string, keys: string, onClick: () => void) =>
    h("button", { type: "button", "aria-keyshortcuts": keys, onClick }, label);
  const first = button("First", "Home", () => go(0));
  const previous = button("← Previous", "ArrowLeft PageUp", () => go(at - 1));
  const nextButton = button("Next →", "ArrowRight Space PageDown", () => go(at + 1));
  const last = button("Last", "End", () => go((tour?.steps.length ?? 1) - 1));
  const controls = h("div", { class: "step-controls", role: "group", "aria-label": "Move between steps" }, first, previous, nextButton, last);
  // aria-disabled, not disabled: the button that leads to the last step keeps the keyboard focus
  // there (a disabled one would drop it to the page), and pressing it again does nothing.
  const mark = (button: HTMLButtonElement, off: boolean) => button.setAttribute("aria-disabled", String(off));
  for (const button of [first, previous, nextButton, last]) mark(button, true);

  const clock = createClock(timerStorage);

  const element = h(
    "div",
    { class: "presenter-view" },
    h("header", { class: "presenter-header" }, h("div", { class: "presenter-heading" }, title, position), clock.element),
    banner,
    noticeLine,
    h("main", { class: "presenter-main" }, now, h("div", { class: "presenter-aside" }, next, steps)),
    h("footer", { class: "presenter-footer" }, controls, h("p", { class: "hint" }, "Keys: → Space PageDown next · ← PageUp previous · Home End")),
    announcer,
  );

  const nameOf = (step: TourStep) => describeStep(step, labelOf);

  const buildList = (shown: Tour) => {
    stepList.replaceChildren(
      ...shown.steps.map((step, i) =>
        h("li", null, h("button", { type: "button", onClick: () => go(i) }, h("span", { class: "step-number" }, `${i + 1}`), " ", nameOf(step))),
      ),
    );
  };

  return {
    element,
    show(shown, index) {
      const step = shown.steps[index];
      if (!step) return;
      if (shown !== tour) buildList(shown);
      const moved = shown !== tour || index !== at;
      tour = shown;
      at = index;
      banner.textContent = "";
      document.body.classList.remove("ended");

      const count = shown.steps.length;
      title.textContent = shown.title;
      document.title = `${shown.title} · Presenter view`;
      position.textContent = `Step ${index + 1} of ${count}`;

      nowName.textContent = nameOf(step);
      nowShows.textContent = showsLine(step, labelOf);
      nowShows.hidden = nowShows.textContent === "";
      nowNote.replaceChildren(noteOf(step, "No note for this step."));

      const following = shown.steps[index + 1];
      nextName.textContent = following ? nameOf(following) : "End of the tour";
      nextNote.replaceChildren(following ? noteOf(following, "No note.") : "");

      stepList.querySelectorAll("button").forEach((item, i) => {
        if (i === index) item.setAttribute("aria-current", "step");
        else item.removeAttribute("aria-current");
      });
      stepList.children[index]?.scrollIntoView({ block: "nearest" });
      mark(first, index === 0);
      mark(previous, index === 0);
      mark(nextButton, index === count - 1);
      mark(last, index === count - 1);
      if (moved) announcer.textContent = `Step ${index + 1} of ${count}: ${nameOf(step)}`;
    },
    ended() {
      banner.textContent = "Presenting ended";
      document.body.classList.add("ended");
      clock.pause();
    },
    notice(text) {
      noticeLine.textContent = text;
    },
  };
}

/**
 * What the audience sees, when the name does not say it already: a titled step names its focus
 * here, and a step in another view or coloured by region says so.
 */
function showsLine(step: TourStep, labelOf: LabelOf): string {
  const focus = step.title?.trim() ? `Shows ${focusName(step, labelOf)}` : "";
  const where = step.view && step.view !== "map" ? `in ${VIEW_NAMES[step.view]}` : "";
  const colours = step.color === "region" ? "coloured by region" : "";
  const line = [[focus, where].filter(Boolean).join(" "), colours].filter(Boolean).join(", ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** What a step shows, to follow "Shows": "PostgreSQL", "the path from Uber to CoDel", "the region of CoDel". */
function focusName(step: TourStep, labelOf: LabelOf): string {
  const name = describeStep({ ...step, title: undefined }, labelOf);
  const lowered = name.charAt(0).toLowerCase() + name.slice(1);
  if ("path" in step.show) return `the path ${lowered}`;
  if ("regionOf" in step.show) return lowered;
  return name;
}

function noteOf(step: TourStep, none: string): Node {
  return step.note?.trim() ? renderNote(step.note, document) : h("p", { class: "muted" }, none);
}

/** The timer: time since presenting started, with Pause (Resume) and Reset, kept across a reload. */
function createClock(storage: Storage | null): { element: HTMLElement; pause(): void } {
  const KEY = "insight-graph:presenter-timer";
  let watch: Stopwatch = readStopwatch(safely(() => storage?.getItem(KEY) ?? null)) ?? startStopwatch(Date.now());
  const time = h("span", { class: "timer-time", role: "timer", "aria-label": "Time presenting" });
  const toggle = h("button", { type: "button", onClick: () => set(watch.pausedAt === null ? pause(watch, Date.now()) : resume(watch, Date.now())) });
  const resetButton = h("button", { type: "button", onClick: () => set(reset(watch, Date.now())) }, "Reset timer");
  const element = h("div", { class: "timer", role: "group", "aria-label": "Timer" }, time, toggle, resetButton);

  const draw = () => {
    time.textContent = formatElapsed(elapsed(watch, Date.now()));
    toggle.textContent = watch.pausedAt === null ? "Pause timer" : "Resume timer";
    element.classList.toggle("paused", watch.pausedAt !== null);
  };
  const set = (next: Stopwatch) => {
    watch = next;
    safely(() => storage?.setItem(KEY, JSON.stringify(watch)));
    draw();
  };
  set(watch);
  // A tick a little after each whole second of elapsed time, so the display never lags a second behind.
  const tick = () => {
    draw();
    window.setTimeout(tick, 1000 - (elapsed(watch, Date.now()) % 1000) + 20);
  };
  tick();
  return { element, pause: () => set(pause(watch, Date.now())) };
}

/** Storage may throw (blocked, full): the timer then simply is not kept across a reload. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
