/**
 * The Export menu of the toolbar: hand-outs for a study group. A disclosure button ("Export")
 * opens a list of buttons: reading lists in Markdown (what is shown, the region shown, the tour
 * open) and images of the view at slide resolution. Keyboard: the button opens it (Enter, Space,
 * ↓ to its first item), ↑ ↓ Home End move among the items, Esc closes it and gives the button its
 * focus back; it closes too when focus or a click goes elsewhere. What happens is said in a polite
 * live region ("Saved insight-graph-map.png").
 */
import "./menu.css";
import type { Tour } from "../../core/tours/types";
import type { AppContext } from "../context";
import { findPath } from "../data/path";
import { h, uid } from "../dom";
import type { InsightSigma } from "../renderer";
import type { AppState } from "../state/store";
import { handoutMarkdown, regionHandout, selectionHandout, tourHandout, type HandoutPlan } from "./articles";
import { download } from "./download";
import { SLIDE, SLIDE_2X, exportItems, handoutFileName, imageFileName, type ExportItem, type SlideSize } from "./choices";
import { viewPng } from "./png";

export interface OpenTour {
  current(): { tour: Tour; step: number } | null;
}

const IMAGE_SIZES: Record<"image" | "image-2x", SlideSize> = { image: SLIDE, "image-2x": SLIDE_2X };

export function createExportMenu(context: AppContext, sigma: InsightSigma, tours: OpenTour): HTMLElement {
  const { graph, store } = context;
  const listId = uid("export-list");
  const toggle = h("button", { type: "button", class: "tool", "aria-expanded": "false", "aria-controls": listId }, "Export");
  const list = h("ul", { id: listId, class: "export-list", role: "list", "aria-label": "Export", hidden: true });
  const status = h("p", { class: "export-status", role: "status", "aria-live": "polite" });
  const element = h("div", { class: "export-menu" }, toggle, list, status);
  let busy = false;

  const items = () => [...list.querySelectorAll<HTMLButtonElement>("button")];

  const say = (text: string) => {
    // Emptied first, so that saying the same twice is still heard.
    status.textContent = "";
    requestAnimationFrame(() => (status.textContent = text));
  };

  const saveMarkdown = (plan: HandoutPlan | null, nothing: string) => {
    if (!plan) return say(nothing);
    const fileName = handoutFileName(plan);
    download(new Blob([handoutMarkdown(graph, plan)], { type: "text/markdown;charset=utf-8" }), fileName);
    say(`Saved ${fileName}.`);
  };

  const saveImage = async (size: SlideSize) => {
    if (busy) return;
    busy = true;
    toggle.setAttribute("aria-busy", "true");
    say("Drawing the image…");
    try {
      // Drawing takes the page for a while (seconds with software WebGL at 2×): the menu closes
      // and the notice shows first.
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
      const fileName = imageFileName(sigma.getGraphState().view, size);
      download(await viewPng(sigma, graph, size), fileName);
      say(`Saved ${fileName}.`);
    } catch (error) {
      say(`The image could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
      toggle.removeAttribute("aria-busy");
    }
  };

  const run = (item: ExportItem, state: AppState) => {
    if (item.unavailable) return say(item.unavailable);
    switch (item.id) {
      case "shown": {
        const path = state.path.from && state.path.to ? findPath(graph, state.path.from, state.path.to) : null;
        return saveMarkdown(selectionHandout(graph, state.selection, path), "What is shown holds no article.");
      }
      case "region":
        return saveMarkdown(state.selection.kind === "region" ? regionHandout(graph, state.selection.community) : null, "This region holds no article.");
      case "tour": {
        const open = tours.current();
        return saveMarkdown(open ? tourHandout(graph, open.tour) : null, "No tour is open.");
      }
      case "image":
      case "image-2x":
        return void saveImage(IMAGE_SIZES[item.id]);
    }
  };

  /** Under its button, or above it where the screen has no room below (the phone's toolbar is low). */
  const place = () => {
    const at = toggle.getBoundingClientRect();
    const height = list.offsetHeight;
    const below = at.bottom + 4 + height <= window.innerHeight;
    list.style.top = `${below ? at.bottom + 4 : Math.max(4, at.top - 4 - height)}px`;
    list.style.left = `${Math.max(4, Math.min(at.left, window.innerWidth - list.offsetWidth - 4))}px`;
  };

  const open = (focusFirst: boolean) => {
    const state = store.get();
    list.replaceChildren(
      ...exportItems(state, tours.current() !== null).map((item) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              "data-export": item.id,
              "aria-disabled": item.unavailable ? "true" : null,
              onClick: () => {
                close(true);
                run(item, store.get());
              },
            },
            item.text,
          ),
        ),
      ),
    );
    list.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    place();
    if (focusFirst) items()[0]?.focus();
  };

  const close = (refocus: boolean) => {
    if (list.hidden) return;
    list.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (refocus) toggle.focus();
  };

  toggle.addEventListener("click", () => (list.hidden ? open(false) : close(false)));
  toggle.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown") return;
    event.preventDefault();
    open(true);
  });
  element.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "Escape") {
      // The menu takes this Esc: the app's own (letting go of the selection) must not run too.
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    // Arrows move among the items only from an item (↓ on the button opened the menu just now).
    if (!list.contains(event.target as Node)) return;
    const buttons = items();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "ArrowDown" ? (at + 1) % buttons.length
      : event.key === "ArrowUp" ? (at - 1 + buttons.length) % buttons.length
      : event.key === "Home" ? 0
      : event.key === "End" ? buttons.length - 1
      : undefined;
    if (next === undefined || at < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  });
  element.addEventListener("focusout", (event) => {
    if (!element.contains(event.relatedTarget as Node | null)) close(false);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!element.contains(event.target as Node)) close(false);
  });
  window.addEventListener("resize", () => (list.hidden ? undefined : place()));

  return element;
}
