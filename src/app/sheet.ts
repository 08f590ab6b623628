/**
 * The bottom sheet of narrow screens. Below 700 px wide (`NARROW_SCREEN`, the media query of
 * styles.css) the map fills the screen and the panels (Details, Tours, Legend, Path, Filters)
 * open one at a time in a sheet over it, at one of three heights: collapsed to its bar (the
 * search box, the size button and a button per panel), half the screen, or all of it but a strip
 * of map.
 *
 * The layout is CSS. This module keeps the sheet's state on `<body>` (`data-sheet` = height,
 * `data-sheet-panel` = panel, `--sheet-bar` = the bar's measured height, `--sheet-panel` while a
 * drag is under way) and moves it on a tap, a key or a drag of the bar. Choosing something to
 * look at (a node, a search result, a path) opens the sheet on Details, at half height so that the
 * map stays in view above it. Wider screens ignore all of this: the panels are columns there.
 */
import type { AppContext } from "./context";
import type { AppState } from "./state/store";

export type SheetHeight = "collapsed" | "half" | "full";
export type SheetPanel = "details" | "tours" | "legend" | "path" | "filters";

/** The same breakpoint as the narrow-screen media query of styles.css. */
export const NARROW_SCREEN = "(max-width: 699.98px)";

/** Lowest first. */
export const SHEET_HEIGHTS: readonly SheetHeight[] = ["collapsed", "half", "full"];

/**
 * Where each height puts the sheet's top edge, as styles.css draws it: `bar` px above the
 * bottom when collapsed, the middle of the screen at half height, and 3rem (48 px) from the
 * top at full height, so that a strip of map still says what is underneath.
 */
export function sheetTops(viewportHeight: number, bar: number): Record<SheetHeight, number> {
  return {
    collapsed: viewportHeight - bar,
    half: viewportHeight / 2,
    full: Math.min(FULL_SHEET_GAP, viewportHeight / 2),
  };
}
const FULL_SHEET_GAP = 48;

/** One height up (`+1`) or down (`-1`), staying within the three. */
export function stepHeight(height: SheetHeight, direction: 1 | -1): SheetHeight {
  const index = SHEET_HEIGHTS.indexOf(height) + direction;
  return SHEET_HEIGHTS[Math.max(0, Math.min(SHEET_HEIGHTS.length - 1, index))]!;
}

/** Pointer speed (px/ms) above which a drag counts as a flick: it goes on to the next height. */
const FLICK_SPEED = 0.4;

/**
 * The height a drag of the sheet ends at: the one whose top edge is nearest to where it was let
 * go, or, when it was flicked (`velocity` in px/ms, positive downwards), the next one in the
 * flick's direction from there.
 */
export function snapHeight(top: number, tops: Record<SheetHeight, number>, velocity: number): SheetHeight {
  if (Math.abs(velocity) >= FLICK_SPEED) {
    // Heights in the flick's direction: lower ones (larger tops) when flicked down.
    const ahead = SHEET_HEIGHTS.filter((height) => (velocity > 0 ? tops[height] > top : tops[height] < top));
    if (ahead.length > 0) return nearest(ahead, top, tops);
  }
  return nearest(SHEET_HEIGHTS, top, tops);
}

function nearest(heights: readonly SheetHeight[], top: number, tops: Record<SheetHeight, number>): SheetHeight {
  return heights.reduce((best, height) => (Math.abs(tops[height] - top) < Math.abs(tops[best] - top) ? height : best));
}

/** Details shows something chosen: a selection, or a path (shown while nothing is selected). */
export function hasSubject(state: AppState): boolean {
  return state.selection.kind !== "none" || (state.path.from !== null && state.path.to !== null);
}

/** Details has something new to show: a node or a result chosen, a path found. */
export function hasNewSubject(state: AppState, previous: AppState): boolean {
  return hasSubject(state) && (state.selection !== previous.selection || state.path !== previous.path);
}

/** The name the size button takes: what pressing it does. */
const SIZE_ACTIONS: Record<SheetHeight, string> = {
  collapsed: "Open panels",
  half: "Enlarge panels",
  full: "Collapse panels",
};

/** A tap cycles: collapsed, half, full, collapsed. */
const SIZE_NEXT: Record<SheetHeight, SheetHeight> = { collapsed: "half", half: "full", full: "collapsed" };

/** A move shorter than this (px) is a tap, not a drag. */
const DRAG_THRESHOLD = 8;

export interface Sheet {
  readonly height: SheetHeight;
  readonly panel: SheetPanel;
  show(panel: SheetPanel, height?: SheetHeight): void;
  resize(height: SheetHeight): void;
}

/**
 * Wires the sheet's controls of index.html (`#sheet-size`, the "Panels" buttons, the header as
 * its bar) to its state. `onStageResize` is called when a change of height has changed the map's
 * size (sigma measures its container only on window resizes).
 */
export function mountSheet(context: AppContext, onStageResize: () => void): Sheet {
  const body = document.body;
  const bar = document.querySelector<HTMLElement>("header.top");
  const sizeButton = document.getElementById("sheet-size");
  const chevron = sizeButton?.querySelector<HTMLElement>(".sheet-chevron");
  const panelButtons = [...document.querySelectorAll<HTMLButtonElement>(".sheet-tabs button[data-panel]")];
  const stage = document.getElementById("stage");
  if (!bar || !sizeButton || !stage) throw new Error("index.html lacks the sheet's bar, size button or stage");
  const narrow = window.matchMedia(NARROW_SCREEN);

  let height: SheetHeight = "collapsed";
  let panel: SheetPanel = "details";

  /** Runs a change of the sheet and tells the map when it changed the map's size. */
  const resizing = (change: () => void) => {
    const before = stage.getBoundingClientRect().height;
    change();
    if (narrow.matches && stage.getBoundingClientRect().height !== before) requestAnimationFrame(onStageResize);
  };

  const apply = (nextHeight: SheetHeight, nextPanel: SheetPanel) => resizing(() => {
    height = nextHeight;
    panel = nextPanel;
    body.dataset.sheet = height;
    body.dataset.sheetPanel = panel;
    sizeButton.setAttribute("aria-expanded", String(height !== "collapsed"));
    sizeButton.setAttribute("aria-label", SIZE_ACTIONS[height]);
    if (chevron) chevron.dataset.points = height === "full" ? "down" : "up";
    for (const button of panelButtons) button.setAttribute("aria-pressed", String(button.dataset.panel === panel));
  });

  const sheet: Sheet = {
    get height() {
      return height;
    },
    get panel() {
      return panel;
    },
    show(nextPanel, nextHeight = height === "collapsed" ? "half" : height) {
      apply(nextHeight, nextPanel);
    },
    resize(nextHeight) {
      apply(nextHeight, panel);
    },
  };

  // The bar's height is what the map leaves below it when the sheet is collapsed.
  new ResizeObserver(() => resizing(() => body.style.setProperty("--sheet-bar", `${bar.offsetHeight}px`))).observe(bar);

  for (const button of panelButtons) {
    button.addEventListener("click", () => sheet.show(button.dataset.panel as SheetPanel));
  }
  sizeButton.addEventListener("click", () => sheet.resize(SIZE_NEXT[height]));
  sizeButton.addEventListener("keydown", (event) => {
    const next =
      event.key === "ArrowUp" ? stepHeight(height, 1)
      : event.key === "ArrowDown" ? stepHeight(height, -1)
      : event.key === "Home" ? "collapsed"
      : event.key === "End" ? "full"
      : null;
    if (!next) return;
    event.preventDefault();
    sheet.resize(next);
  });

  dragToResize(bar, narrow, () => height, (next) => sheet.resize(next));

  context.store.subscribe((state, previous) => {
    // Stepping through a tour from its panel stays there, where the step's note and Next are.
    const stepped = state.tour !== null && state.tour !== previous.tour && panel === "tours";
    if (hasNewSubject(state, previous) && !stepped) sheet.show("details");
  });
  // A link to a concept, an article or a path opens on it.
  apply(hasSubject(context.store.get()) ? "half" : "collapsed", "details");
  return sheet;
}

/**
 * Dragging the bar (anywhere but the search box and its list) moves the sheet's top edge with
 * the pointer; letting go snaps it to a height. A drag is not a tap: the click it would end in
 * is swallowed, so dragging by a panel button does not also press it.
 */
function dragToResize(
  bar: HTMLElement,
  narrow: MediaQueryList,
  current: () => SheetHeight,
  snap: (height: SheetHeight) => void,
): void {
  const body = document.body;
  let drag: { pointer: number; startY: number; startTop: number; dragging: boolean; lastY: number; lastTime: number; velocity: number } | null = null;
  let swallowClick = false;

  const topsNow = () => sheetTops(window.innerHeight, bar.offsetHeight);
  // Once a drag has begun, the pointer soon leaves the bar: follow it on the whole window.
  const move = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const moved = event.clientY - drag.startY;
    if (!drag.dragging) {
      if (Math.abs(moved) < DRAG_THRESHOLD) return;
      drag.dragging = true;
      body.dataset.sheetDragging = "";
    }
    const tops = topsNow();
    const top = Math.max(tops.full, Math.min(tops.collapsed, drag.startTop + moved));
    body.style.setProperty("--sheet-panel", `${tops.collapsed - top}px`);
    const elapsed = event.timeStamp - drag.lastTime;
    if (elapsed > 0) drag.velocity = (event.clientY - drag.lastY) / elapsed;
    drag.lastY = event.clientY;
    drag.lastTime = event.timeStamp;
  };
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    if (drag.dragging) {
      const tops = topsNow();
      const top = Math.max(tops.full, Math.min(tops.collapsed, drag.startTop + event.clientY - drag.startY));
      // A pause before letting go is not a flick.
      const velocity = event.timeStamp - drag.lastTime > 100 ? 0 : drag.velocity;
      swallowClick = true;
      end();
      snap(snapHeight(top, tops, velocity));
    } else {
      end();
    }
  };
  const end = () => {
    drag = null;
    body.removeAttribute("data-sheet-dragging");
    body.style.removeProperty("--sheet-panel");
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
    window.removeEventListener("pointercancel", end);
  };

  bar.addEventListener("pointerdown", (event) => {
    swallowClick = false;
    if (!narrow.matches || !event.isPrimary || event.button !== 0) return;
    if ((event.target as Element).closest("input, .listbox")) return;
    const startTop = topsNow()[current()];
    drag = { pointer: event.pointerId, startY: event.clientY, startTop, dragging: false, lastY: event.clientY, lastTime: event.timeStamp, velocity: 0 };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", end);
  });
  bar.addEventListener(
    "click",
    (event) => {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );
}
