/**
 * "Open a reading list…": the page's import. Files come from the picker or are dropped anywhere
 * on the page (several make one graph, as several `--input`s do); the graph is built in a worker
 * (./client.ts) while a panel says how far it is and offers Cancel, then kept in the browser
 * (./store.ts) and opened by its address (`?graph=<id>`), so it is explored, linked and reloaded
 * like the bundled one. A file that cannot be read is named with its line in the page's alert,
 * and the graph on screen stays.
 *
 * "Your graphs" lists what the browser keeps (open, download, remove) and leads back to the
 * bundled graph.
 */
import { parseGraph } from "../data/graph";
import { h, placeUnder, uid } from "../dom";
import { download } from "../exports/download";
import { GRAPH_PARAM } from "../state/url";
import { startImport, type ImportOutcome, type RunningImport } from "./client";
import { downloadName, listNames, NAME_JOINER } from "./names";
import { describeProgress } from "./progress";
import { describeStored, newGraphId, storageProblem, storedInfo, type GraphShelf, type StoredGraphInfo } from "./store";
import "./import.css";

/** What the picker offers; any other file is still tried (as the text format, like the command line). */
const ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

export interface ImporterOptions {
  shelf: GraphShelf;
  /** The imported graph on screen; none when it is the bundled one. */
  shown?: StoredGraphInfo;
  /** The page's `role="alert"` element: where an import's error is said. */
  alert: HTMLElement;
  /** The page's `role="status"` element: where quieter news goes. */
  status: HTMLElement;
  /** Where the progress panel shows: over the map, clear of the toolbar. */
  stage: HTMLElement;
}

export interface Importer {
  /** "Open a reading list…", for the toolbar. */
  openButton: HTMLButtonElement;
  /** "Your graphs" and its panel, for the toolbar. */
  shelfMenu: HTMLElement;
  /** Imports files as if they were picked (the picker and a drop both come here): one graph of them all. */
  open(files: readonly File[]): Promise<void>;
}

/** The page's address for a kept graph, or for the bundled one: only the graph, no state of the graph left. */
export function graphAddress(id?: string): string {
  return `${location.pathname}${id === undefined ? "" : `?${new URLSearchParams({ [GRAPH_PARAM]: id })}`}`;
}

export function createImporter(options: ImporterOptions): Importer {
  const { shelf, shown, alert, status, stage } = options;
  // Several files make one graph, as several `--input`s do on the command line.
  const picker = h("input", { type: "file", accept: ACCEPT, multiple: true, hidden: true, "aria-hidden": "true", tabindex: "-1" });
  const openButton = h(
    "button",
    { type: "button", class: "tool", onClick: () => picker.click() },
    "Open a reading list…",
  );
  picker.addEventListener("change", () => {
    const files = [...(picker.files ?? [])];
    picker.value = "";
    if (files.length > 0) void open(files);
  });

  const progress = createProgressPanel();
  const dropTarget = h(
    "div",
    { class: "import-drop", hidden: true, "aria-hidden": "true" },
    h("p", { class: "import-drop-title" }, "Drop the file to open it as a graph"),
    h("p", null, "A bookmarks text file, a Markdown list (.md) or a browser bookmarks export (.html); several make one graph"),
  );
  document.body.append(picker, dropTarget);
  stage.append(progress.element);
  listenForDrops(dropTarget, (files) => void open(files));

  /** Set from the moment a file is taken until its import ends here or the page leaves for its graph: one at a time. */
  let busy = false;

  /** The import ends without leaving the page: the panel goes, and the keyboard's place (its Cancel button) returns to the button that opens a list. */
  const endImport = () => {
    busy = false;
    const hadFocus = progress.element.contains(document.activeElement);
    progress.hide();
    if (hadFocus || document.activeElement === document.body) openButton.focus();
  };

  async function open(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    if (busy) {
      say(status, "A reading list is being opened: cancel it first to open another.");
      return;
    }
    busy = true;
    const names = files.map((file) => file.name);
    const spoken = listNames(names);
    alert.textContent = "";
    progress.start(spoken);
    let outcome: ImportOutcome;
    try {
      const lists = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
      const running: RunningImport = startImport(lists, { onProgress: (p) => progress.show(describeProgress(p)) });
      progress.onCancel(() => running.cancel());
      outcome = await running.outcome;
    } catch (error) {
      outcome = { kind: "failed", message: `${names.join(", ")}: could not be read (${error instanceof Error ? error.message : String(error)})` };
    }

    if (outcome.kind === "cancelled") {
      endImport();
      say(status, `Opening ${spoken} was cancelled; the graph on screen is unchanged.`);
      return;
    }
    if (outcome.kind === "failed") {
      endImport();
      alert.textContent = outcome.message;
      return;
    }
    const date = new Date();
    let taken = new Set<string>();
    try {
      taken = new Set((await shelf.list()).map((info) => info.id));
    } catch {
      // An unreadable shelf makes adding fail too, and that failure is the one said below.
    }
    const name = names.join(NAME_JOINER);
    const info = storedInfo(newGraphId(name, date, taken), name, outcome.graph, outcome, date);
    try {
      await shelf.add(info, outcome.graph);
    } catch (error) {
      endImport();
      // What was built is not lost: it can still be saved as a file, and opened in another tool.
      const graph = outcome.graph;
      alert.replaceChildren(
        `The graph of ${spoken} was built but could not be kept in this browser: ${storageProblem(error)}. `,
        h("button", { type: "button", onClick: () => download(new Blob([graph], { type: "application/json" }), downloadName(name, "json")) }, "Download it as JSON"),
      );
      return;
    }
    progress.show({ stage: "Opening the graph", count: "", fraction: 1 });
    location.assign(graphAddress(info.id));
  }

  return { openButton, shelfMenu: createShelfMenu(shelf, shown, status), open };
}

/** Says `text` in a live region, emptied first so that the same words twice are still heard. */
function say(region: HTMLElement, text: string): void {
  region.textContent = "";
  requestAnimationFrame(() => (region.textContent = text));
}

// ---------------------------------------------------------------------------------------------
// Progress

function createProgressPanel() {
  const titleId = uid("import-title");
  const title = h("p", { id: titleId, class: "import-title" });
  // Only the stage is announced: it changes a handful of times; the count changes constantly.
  const stage = h("p", { class: "import-stage", "aria-live": "polite" });
  const bar = h("progress", { max: "1", value: "0", "aria-labelledby": titleId });
  const count = h("p", { class: "import-count" });
  const cancel = h("button", { type: "button", class: "import-cancel" }, "Cancel");
  const element = h("section", { class: "import-progress", role: "region", "aria-labelledby": titleId, hidden: true }, title, stage, bar, count, cancel);
  let onCancel: (() => void) | undefined;
  cancel.addEventListener("click", () => onCancel?.());
  return {
    element,
    start(name: string) {
      title.textContent = `Opening ${name}`;
      stage.textContent = "Starting";
      count.textContent = "";
      bar.value = 0;
      bar.removeAttribute("aria-valuetext");
      cancel.hidden = false;
      element.hidden = false;
      cancel.focus();
    },
    show(words: { stage: string; count: string; fraction: number }) {
      if (stage.textContent !== words.stage) stage.textContent = words.stage;
      count.textContent = words.count;
      bar.value = words.fraction;
      bar.setAttribute("aria-valuetext", [words.stage, words.count].filter(Boolean).join(": "));
      // Past the build, nothing is left to cancel: the page is about to open the graph.
      if (words.fraction >= 1 && !words.count) cancel.hidden = true;
    },
    onCancel(listener: () => void) {
      onCancel = listener;
    },
    hide() {
      onCancel = undefined;
      element.hidden = true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Dropping a file on the page

/**
 * Shows `target` while files are dragged over the page, and hands a drop's files on. A drop of
 * files anywhere is taken (a browser would otherwise leave the page to show the file); drags of
 * text or links inside the page are left alone.
 */
function listenForDrops(target: HTMLElement, onFiles: (files: File[]) => void): void {
  // dragenter and dragleave fire for every element crossed: count them to know when the drag has left the page.
  let depth = 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") === true;
  const hide = () => {
    depth = 0;
    target.hidden = true;
  };
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    target.hidden = false;
  });
  document.addEventListener("dragover", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (event) => {
    if (!carriesFiles(event)) return;
    depth -= 1;
    if (depth <= 0) hide();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hide();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
  });
  window.addEventListener("blur", hide);
}

// ---------------------------------------------------------------------------------------------
// The graphs kept in this browser

function createShelfMenu(shelf: GraphShelf, shown: StoredGraphInfo | undefined, status: HTMLElement): HTMLElement {
  const panelId = uid("import-shelf");
  const toggle = h("button", { type: "button", class: "tool", "aria-expanded": "false", "aria-controls": panelId }, "Your graphs");
  const panel = h("div", { id: panelId, class: "import-shelf", role: "group", "aria-label": "Your graphs", hidden: true });
  const element = h("div", { class: "import-shelf-menu" }, toggle, panel);

  const showing = shown
    ? h(
        "p",
        null,
        `Showing the graph of ${shown.name}, built in this browser. `,
        h("a", { href: graphAddress() }, "Back to the bundled graph"),
      )
    : h("p", null, "Showing the bundled graph.");

  const row = (info: StoredGraphInfo) => {
    const current = info.id === shown?.id;
    const remove = async () => {
      try {
        await shelf.remove(info.id);
      } catch (error) {
        say(status, `The graph of ${info.name} could not be removed: ${storageProblem(error)}.`);
        return;
      }
      if (current) return location.assign(graphAddress());
      say(status, `Removed the graph of ${info.name}.`);
      await render();
    };
    const save = async (format: "json" | "gexf") => {
      try {
        const text = await shelf.read(info.id);
        if (text === undefined) return say(status, `The graph of ${info.name} is no longer kept in this browser.`);
        const blob = format === "json" ? new Blob([text], { type: "application/json" }) : await gexfOf(text, info.name);
        const fileName = downloadName(info.name, format);
        download(blob, fileName);
        say(status, `Saved ${fileName}.`);
      } catch (error) {
        say(status, `The graph of ${info.name} could not be saved: ${error instanceof Error ? error.message : String(error)}.`);
      }
    };
    return h(
      "li",
      { class: "import-graph" },
      h("a", { href: graphAddress(info.id), "aria-current": current ? "page" : null }, info.name),
      h("span", { class: "hint" }, describeStored(info)),
      h(
        "span",
        { class: "import-graph-actions" },
        h("button", { type: "button", "aria-label": `Download the graph of ${info.name} as JSON`, onClick: () => void save("json") }, "JSON"),
        h("button", { type: "button", "aria-label": `Download the graph of ${info.name} as GEXF`, onClick: () => void save("gexf") }, "GEXF"),
        h("button", { type: "button", "aria-label": `Remove the graph of ${info.name}`, onClick: () => void remove() }, "Remove"),
      ),
    );
  };

  async function render(): Promise<void> {
    let kept: StoredGraphInfo[];
    let list: HTMLElement;
    try {
      kept = await shelf.list();
      list =
        kept.length === 0
          ? h("p", { class: "hint" }, "None yet: open a reading list, or drop one on the page.")
          : h("ul", { role: "list", "aria-label": "Graphs built in this browser" }, kept.map(row));
    } catch (error) {
      list = h("p", { class: "hint" }, `The graphs kept in this browser could not be read: ${storageProblem(error)}.`);
    }
    panel.replaceChildren(showing, h("h2", null, "Built in this browser"), list);
  }

  const place = () => placeUnder(panel, toggle);
  const close = (refocus: boolean) => {
    if (panel.hidden) return;
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (refocus) toggle.focus();
  };
  toggle.addEventListener("click", async () => {
    if (!panel.hidden) return close(false);
    await render();
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    place();
  });
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || panel.hidden) return;
    event.preventDefault();
    close(true);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!element.contains(event.target as Node)) close(false);
  });
  window.addEventListener("resize", () => !panel.hidden && place());
  return element;
}

/** GEXF of a kept graph, made on demand by the exports' code (a chunk of its own, loaded only here and by the Export menu). */
async function gexfOf(text: string, name: string): Promise<Blob> {
  const { exportFiles } = await import("../../core/exports/index");
  const graph = parseGraph(text, { name: `the graph of ${name}`, remedy: "open the list again" });
  const [file] = exportFiles(graph, "gexf", downloadName(name, "gexf"));
  return new Blob([file!.text], { type: file!.type });
}
