/**
 * The Export menu of the toolbar: hand-outs for a study group, and the graph for other tools. A
 * disclosure button ("Export") opens a list of buttons: reading lists in Markdown (what is shown,
 * the region shown, the tour open), the graph as GEXF, GraphML, CSV (nodes, edges) or JSON, and
 * images of the view at slide resolution. The graph's downloads hold the whole graph, or, with
 * the toggle above them pressed, only what the map shows now: the toggle stays pressed while the
 * page is open, and says how many nodes that is. Keyboard: the button opens it (Enter, Space,
 * ↓ to its first item), ↑ ↓ Home End move among the items, Esc closes it and gives the button its
 * focus back; it closes too when focus or a click goes elsewhere. What happens is said in a polite
 * live region ("Saved insight-graph-map.png").
 */
import "./menu.css";
import type { Tour } from "../../core/tours/types";
import type { AppContext } from "../context";
import { findPath } from "../data/path";
import { h, placeUnder, uid } from "../dom";
import type { InsightSigma } from "../renderer";
import type { AppState } from "../state/store";
import { handoutMarkdown, regionHandout, selectionHandout, tourHandout, type HandoutPlan } from "./articles";
import { download } from "./download";
import {
  GRAPH_DOWNLOADS,
  SLIDE,
  SLIDE_2X,
  exportItems,
  handoutFileName,
  imageFileName,
  type ExportItem,
  type GraphDownload,
  type SlideSize,
} from "./choices";
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
  /** Whether the graph's downloads hold only what the map shows. */
  let onlyShown = false;

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

  /** The nodes the map shows now: those the renderer does not hide (filters, view, zoom, and what is lit). */
  const shownNodes = () => new Set(graph.filterNodes((node) => !sigma.getNodeState(node).isHidden));

  const saveGraph = async (item: GraphDownload) => {
    try {
      const { graphFile } = await import("./graph-files");
      const file = graphFile(graph, onlyShown ? shownNodes() : null, item);
      download(new Blob([file.text], { type: file.type }), file.name);
      say(`Saved ${file.name}.`);
    } catch (error) {
      say(`The file could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const scopeText = () => {
    const shown = shownNodes().size;
    return `Only what the map shows (${shown.toLocaleString("en")} of ${graph.order.toLocaleString("en")} nodes)`;
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

  const place = () => placeUnder(list, toggle);

  const listButton = (id: string, text: string, onClick: () => void, props: Record<string, string | null> = {}) =>
    h("li", null, h("button", { type: "button", "data-export": id, ...props, onClick }, text));

  const open = (focusFirst: boolean) => {
    const state = store.get();
    // The graph's downloads go between the reading lists and the images.
    const [images, handouts] = partition(exportItems(state, tours.current() !== null), (entry) => entry.id === "image" || entry.id === "image-2x");
    const action = (entry: ExportItem) =>
      listButton(
        entry.id,
        entry.text,
        () => {
          close(true);
          run(entry, store.get());
        },
        { "aria-disabled": entry.unavailable ? "true" : null },
      );
    const scope = listButton("scope", scopeText(), () => {
      // Pressing the toggle keeps the menu open: the download is chosen next.
      onlyShown = !onlyShown;
      scope.firstElementChild!.setAttribute("aria-pressed", String(onlyShown));
    }, { "aria-pressed": String(onlyShown) });
    list.replaceChildren(
      ...handouts.map(action),
      h("li", { class: "export-group", "aria-hidden": "true" }, "The graph, for other tools"),
      scope,
      ...GRAPH_DOWNLOADS.map((download) =>
        listButton(download.id, `Graph as ${download.text}`, () => {
          close(true);
          void saveGraph(download);
        }),
      ),
      ...images.map(action),
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

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const entry of items) (test(entry) ? yes : no).push(entry);
  return [yes, no];
}
