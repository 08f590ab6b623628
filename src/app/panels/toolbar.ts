/**
 * The view switch; camera buttons: zoom in, zoom out, fit, fullscreen; Present (and what follows
 * it), List view, and last the graph's own controls (opening a reading list, the graphs kept).
 */
import { h } from "../dom";
import type { InsightSigma } from "../renderer";
import type { AppContext } from "../context";
import { createViewSwitch } from "./views";

/**
 * Fullscreen takes the whole page, not only the canvas: on a projector the panels are what the
 * audience reads, and the buttons must stay reachable to leave fullscreen again.
 */
export interface ToolbarOptions {
  /** Starts or ends presenting (see tours/present.ts). */
  present(): void;
  /** Controls placed right after "Present" (the Export menu). */
  afterPresent?: readonly HTMLElement[];
  /** Controls placed last, about which graph is shown ("Open a reading list…", "Your graphs"). */
  graphs?: readonly HTMLElement[];
}

export function createToolbar(context: AppContext, sigma: InsightSigma, options: ToolbarOptions): HTMLElement {
  const camera = sigma.getCamera();
  const button = (text: string, onClick: () => void, extra: Record<string, string> = {}) =>
    h("button", { type: "button", class: "tool", onClick, ...extra }, text);

  const fullscreen = button("Fullscreen", () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  });
  document.addEventListener("fullscreenchange", () => {
    fullscreen.setAttribute("aria-pressed", String(document.fullscreenElement !== null));
  });
  fullscreen.setAttribute("aria-pressed", "false");

  const list = button(
    "List view",
    () => context.store.update((s) => ({ ...s, listMode: !s.listMode })),
    { "aria-pressed": "false", "aria-controls": "list-view" },
  );
  context.store.subscribe((state) => list.setAttribute("aria-pressed", String(state.listMode)));
  list.setAttribute("aria-pressed", String(context.store.get().listMode));

  const presentation = button("Present", () => options.present(), { "aria-keyshortcuts": "P" });
  const syncPresentation = () => presentation.setAttribute("aria-pressed", String(context.store.get().presentation));
  context.store.subscribe(syncPresentation);
  syncPresentation();

  return h(
    "div",
    { class: "toolbar", role: "toolbar", "aria-label": "View" },
    createViewSwitch(context),
    button("Zoom in", () => void camera.zoomIn({ duration: 250 })),
    button("Zoom out", () => void camera.zoomOut({ duration: 250 })),
    button("Fit", () => void camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 })),
    fullscreen,
    presentation,
    ...(options.afterPresent ?? []),
    list,
    ...(options.graphs ?? []),
  );
}
