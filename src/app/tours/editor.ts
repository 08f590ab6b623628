/**
 * Making a tour in the app: "New tour", "Add this view as a step" with a note, each step's
 * title and note edited in place, moved up or down, deleted; Play; export as a JSON file or as a
 * link; import a JSON tour file. Every change is kept at once in the browser's local storage
 * (storage.ts), so nothing is lost on a reload and the presenter view finds the tour; a tour
 * stays there until it is removed. The Tours panel mounts the editor below its list.
 *
 * The edits themselves are pure functions of the tour (below `createTourEditor`), so that what
 * the buttons do is specified by unit tests and the DOM code only wires them.
 */
import "./editor.css";
import { describeStep, type LabelOf } from "../../core/tours/describe";
import { formatTourError, type TourError } from "../../core/tours";
import type { Tour, TourFile, TourStep } from "../../core/tours/types";
import type { AppContext } from "../context";
import { append, h, plural, uid, type Child } from "../dom";
import { importTourFile } from "./import";
import { sharedFile, tourLink } from "./share";
import { loadLocalTours, localTourId, removeLocalTour, saveLocalTour, tourSlug } from "./storage";

export interface TourEditorDeps {
  /** The step that shows what is on screen now (A's `stepFromState`), or undefined when nothing is chosen. */
  currentStep: () => TourStep | undefined;
  /** Plays `tour` from `step` (its first by default). */
  play: (tour: Tour, step?: number) => void;
  /** The browser's tours changed (made, edited, imported, removed): the Tours list reads them again. */
  refresh: () => void;
}

/** The schema's bounds (data/tours/tour.schema.json), held by the fields so a kept tour always exports. */
const MAX_TITLE = 120;
const MAX_DESCRIPTION = 500;
const MAX_STEP_TITLE = 80;
const MAX_NOTE = 1200;
export const MAX_STEPS = 100;

/** How many of an import's problems are listed; the rest are counted. */
const SHOWN_IMPORT_ERRORS = 5;

/** Typing in a title or a note is kept at once, and the Tours list is told once typing pauses. */
const REFRESH_AFTER_TYPING_MS = 400;

export function createTourEditor(context: AppContext, deps: TourEditorDeps): { element: HTMLElement } {
  const { graph } = context;
  const labelOf: LabelOf = (key) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);

  /** The tour being edited, or null when the editor shows its start (new, import, your tours). */
  let editing: Tour | null = resumedTour();
  const edit = (tour: Tour | null) => {
    editing = tour;
    rememberEditing(tour);
  };
  /** The last tour removed, until something else happens: "Undo" brings it back. */
  let removed: Tour | null = null;

  const headingId = uid("tour-editor");
  const body = h("div", { class: "tour-editor-body" });
  const status = h("p", { class: "editor-status", role: "status" });
  const alert = h("div", { class: "editor-alert", role: "alert" });
  const element = h("section", { class: "tour-editor", "aria-labelledby": headingId }, h("h3", { id: headingId }, "Make a tour"), alert, status, body);

  let refreshTimer: number | undefined;
  const refreshSoon = () => {
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(deps.refresh, REFRESH_AFTER_TYPING_MS);
  };

  const say = (text: string, ...extra: Node[]) => {
    status.replaceChildren(text, ...extra);
  };
  /** What the alert says now: a failed import stays until the next action, a storage failure until a save succeeds. */
  let warning: "storage" | "import" | null = null;
  const warn = (lines: readonly string[], kind: "storage" | "import" | null) => {
    warning = kind;
    alert.replaceChildren(...lines.map((line) => h("p", null, line)));
  };

  /** Keeps `tour` in the browser and makes it the one edited; says so when the browser will not keep it. */
  const keep = (tour: Tour, typing = false) => {
    edit(tour);
    const saved = saveLocalTour(tour);
    if (!saved.ok) warn([saved.message], "storage");
    else if (warning === "storage") warn([], null);
    if (typing) refreshSoon();
    else deps.refresh();
  };

  // -------------------------------------------------------------------------------------------
  // The start: a new tour, an import, the tours made here.

  const fileInput = h("input", { type: "file", accept: ".json,application/json", class: "visually-hidden", tabindex: "-1", "aria-hidden": "true" });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) void importChosen(file);
  });

  const importChosen = async (file: File) => {
    const taken = loadLocalTours().map((tour) => tour.id);
    const result = await importTourFile(file, graph, taken);
    if ("errors" in result) {
      warn(importErrorLines(file.name, result.errors), "import");
      say("");
      return;
    }
    warn([], null);
    keep(result.tour);
    say(`Imported "${result.tour.title}" (${plural(result.tour.steps.length, "step")}); it is kept in this browser.`);
    draw();
  };

  const startView = (): Child[] => {
    const titleInput = h("input", { type: "text", name: "title", required: true, maxlength: MAX_TITLE, autocomplete: "off" });
    const form = h(
      "form",
      { class: "new-tour" },
      h("label", null, "Title of a new tour ", titleInput),
      h("button", { type: "submit" }, "New tour"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const title = titleInput.value.trim();
      if (!title) {
        say("Give the tour a title first.");
        titleInput.focus();
        return;
      }
      const tour = newTour(title, loadLocalTours().map((t) => t.id));
      warn([], null);
      keep(tour);
      say(`"${title}" is made: show something on the map, then add it as a step.`);
      draw({ focus: "add" });
    });

    const mine = loadLocalTours();
    return [
      form,
      h(
        "p",
        { class: "buttons" },
        h("button", { type: "button", onClick: () => fileInput.click() }, "Import a tour file…"),
        fileInput,
      ),
      mine.length === 0
        ? null
        : [
            h("h4", null, "Made in this browser"),
            h(
              "ul",
              { class: "my-tours", role: "list", "aria-label": "Tours made in this browser" },
              mine.map((tour) => {
                const nameId = uid("my-tour");
                return h(
                  "li",
                  null,
                  h("span", { id: nameId, class: "my-tour-title" }, tour.title),
                  h("span", { class: "count" }, plural(tour.steps.length, "step")),
                  h("span", { class: "buttons" },
                    h("button", { type: "button", "aria-describedby": nameId, onClick: () => open(tour) }, "Edit"),
                    h("button", { type: "button", class: "secondary", "aria-describedby": nameId, onClick: () => remove(tour) }, "Remove"),
                  ),
                );
              }),
            ),
          ],
    ];
  };

  const open = (tour: Tour) => {
    edit(tour);
    warn([], null);
    say("");
    draw({ focus: "title" });
  };

  const remove = (tour: Tour) => {
    const result = removeLocalTour(tour.id);
    if (!result.ok) {
      warn([result.message], "storage");
      return;
    }
    removed = tour;
    if (editing?.id === tour.id) edit(null);
    deps.refresh();
    draw();
    const undo = h("button", { type: "button", class: "undo", onClick: () => restore() }, "Undo");
    say(`Removed "${tour.title}". `, undo);
  };

  const restore = () => {
    if (!removed) return;
    const tour = removed;
    removed = null;
    keep(tour);
    say(`"${tour.title}" is back.`);
    draw({ focus: "title" });
  };

  // -------------------------------------------------------------------------------------------
  // Editing one tour.

  const editView = (tour: Tour): Child[] => {
    const titleInput = h("input", { type: "text", value: tour.title, maxlength: MAX_TITLE, autocomplete: "off" });
    titleInput.addEventListener("input", () => {
      if (!editing || !titleInput.value.trim()) return;
      keep({ ...editing, title: titleInput.value.trim() }, true);
      editingHeading.textContent = `Editing "${editing.title}"`;
    });
    const description = h("textarea", { rows: 2, maxlength: MAX_DESCRIPTION });
    description.value = tour.description ?? "";
    description.addEventListener("input", () => {
      if (!editing) return;
      const text = description.value.trim();
      const { description: _old, ...rest } = editing;
      keep(text ? { ...rest, description: text } : rest, true);
    });
    const editingHeading = h("h4", { class: "editing" }, `Editing "${tour.title}"`);

    const noteInput = h("textarea", { rows: 3, maxlength: MAX_NOTE, "data-role": "new-note" });
    const full = tour.steps.length >= MAX_STEPS;
    const addButton = h("button", { type: "button", "data-role": "add", disabled: full, onClick: () => addCurrent() }, "Add this view as a step");
    const addCurrent = () => {
      if (!editing) return;
      const step = deps.currentStep();
      if (!step) {
        say("Choose something on the map first (a concept, an article, a region or a path), then add it as a step.");
        return;
      }
      const note = noteInput.value.trim();
      keep(addStep(editing, note ? { ...step, note } : step));
      noteInput.value = "";
      say(`Step ${editing.steps.length} added: ${describeStep(editing.steps.at(-1)!, labelOf)}.`);
      draw({ focus: "add" });
    };

    const link = h("input", { type: "text", readonly: true, class: "tour-link", "aria-label": "Link to this tour" });
    // What became of the link is said beside it: the status line sits at the editor's top, out of view by now.
    const linkNote = h("span", { class: "hint link-note" });
    const linkRow = h("p", { class: "link-row", hidden: true }, link, linkNote);

    const stepsList = h(
      "ol",
      { class: "editor-steps", "aria-label": "Steps of the tour" },
      tour.steps.map((step, index) => stepItem(step, index, tour.steps.length)),
    );

    return [
      editingHeading,
      h("label", { class: "field" }, "Title ", titleInput),
      h("label", { class: "field" }, "Description (optional) ", description),
      tour.steps.length === 0 ? h("p", { class: "hint" }, "No steps yet.") : stepsList,
      h(
        "div",
        { class: "add-step", role: "group", "aria-label": "Add a step" },
        h("label", { class: "field" }, "Note for the next step (Markdown, optional) ", noteInput),
        addButton,
        full ? h("p", { class: "hint" }, `A tour holds at most ${MAX_STEPS} steps.`) : null,
      ),
      h(
        "p",
        { class: "buttons" },
        h("button", { type: "button", disabled: tour.steps.length === 0, onClick: () => editing && deps.play(editing) }, "Play"),
        h("button", { type: "button", disabled: tour.steps.length === 0, onClick: () => editing && download(editing) }, "Export as file"),
        h("button", { type: "button", disabled: tour.steps.length === 0, onClick: () => editing && void share(editing, link, linkRow, linkNote) }, "Export as link"),
      ),
      linkRow,
      h(
        "p",
        { class: "buttons" },
        h("button", { type: "button", class: "secondary", onClick: () => close() }, "Done"),
        h("button", { type: "button", class: "secondary", onClick: () => remove(tour) }, "Remove tour"),
      ),
    ];
  };

  const stepItem = (step: TourStep, index: number, count: number) => {
    const number = index + 1;
    const name = h("span", { class: "step-name" }, describeStep(step, labelOf));
    const untitled = describeStep({ ...step, title: undefined }, labelOf);
    const title = h("input", { type: "text", value: step.title ?? "", placeholder: untitled, maxlength: MAX_STEP_TITLE, autocomplete: "off" });
    title.addEventListener("input", () => {
      if (!editing) return;
      keep(editStep(editing, index, { title: title.value }), true);
      name.textContent = describeStep(editing.steps[index]!, labelOf);
    });
    const note = h("textarea", { rows: 3, maxlength: MAX_NOTE });
    note.value = step.note ?? "";
    note.addEventListener("input", () => editing && keep(editStep(editing, index, { note: note.value }), true));

    const control = (label: string, action: "up" | "down" | "delete", disabled: boolean, run: () => void) =>
      h("button", { type: "button", "data-action": action, "aria-label": `${label} step ${number}`, disabled, onClick: run }, label);
    return h(
      "li",
      { "data-index": index },
      h("h5", { class: "step-heading" }, h("span", { class: "step-number" }, `${number}.`), " ", name),
      h("label", { class: "field" }, "Title ", title),
      h("label", { class: "field" }, "Note ", note),
      h(
        "p",
        { class: "buttons step-buttons" },
        control("Move up", "up", index === 0, () => move(index, -1)),
        control("Move down", "down", index === count - 1, () => move(index, 1)),
        control("Delete", "delete", false, () => deleteStep(index)),
      ),
    );
  };

  // A change of the steps' order or number is kept and redrawn, and the keyboard focus goes
  // where the hand is: on the same button of the step that moved, or of the step that took the
  // deleted one's place.
  const move = (index: number, by: -1 | 1) => {
    if (!editing) return;
    keep(moveStep(editing, index, by));
    say(`Step ${index + 1} moved to ${index + 1 + by}.`);
    draw({ focus: { step: index + by, action: by < 0 ? "up" : "down" } });
  };

  const deleteStep = (index: number) => {
    if (!editing) return;
    const gone = editing.steps[index];
    keep(removeStep(editing, index));
    say(`Step ${index + 1} deleted${gone ? ` (${describeStep(gone, labelOf)})` : ""}.`);
    draw({ focus: editing.steps.length === 0 ? "add" : { step: Math.min(index, editing.steps.length - 1), action: "delete" } });
  };

  const close = () => {
    edit(null);
    say("");
    draw({ focus: "new" });
  };

  const download = (tour: Tour) => {
    const blob = new Blob([tourFileText(tour)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const anchor = h("a", { href: url, download: exportFileName(tour), hidden: true });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    // The download has started from the URL by now; it is let go a little later for browsers that read it late.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(`Exported as ${exportFileName(tour)}.`);
  };

  const share = async (tour: Tour, link: HTMLInputElement, row: HTMLElement, note: HTMLElement) => {
    link.value = await tourLink(tour, new URL(".", document.baseURI));
    row.hidden = false;
    link.select();
    let said: string;
    try {
      await navigator.clipboard.writeText(link.value);
      said = `Link copied (${link.value.length.toLocaleString("en")} characters): whoever opens it sees this tour.`;
    } catch {
      // The clipboard needs a permission some browsers do not give a page: the selected box serves instead.
      said = "The link is in the box above, selected: copy it from there.";
    }
    note.textContent = said;
    say(said);
  };

  // -------------------------------------------------------------------------------------------

  type Focus = "new" | "title" | "add" | { step: number; action: "up" | "down" | "delete" };

  const draw = (options: { focus?: Focus } = {}) => {
    body.replaceChildren();
    append(body, editing ? editView(editing) : startView());
    const { focus } = options;
    if (!focus) return;
    let target: HTMLElement | null = null;
    if (focus === "new") target = body.querySelector("form.new-tour input");
    else if (focus === "title") target = body.querySelector("input");
    else if (focus === "add") target = body.querySelector('[data-role="new-note"]');
    else {
      const item = body.querySelector(`.editor-steps > li[data-index="${focus.step}"]`);
      // A step moved to the top has no "Move up" left: the other move button takes the focus.
      target = item?.querySelector<HTMLButtonElement>(`button[data-action="${focus.action}"]:not(:disabled)`) ?? item?.querySelector("button:not(:disabled)") ?? null;
    }
    target?.focus();
  };

  draw();
  return { element };
}

/**
 * The tour being edited is remembered for the tab's session (by id: the tour itself is in local
 * storage), so a reload, or a link followed to show something else, comes back to it.
 */
const EDITING_KEY = "insight-graph:editing-tour";

function rememberEditing(tour: Tour | null): void {
  try {
    if (tour) sessionStorage.setItem(EDITING_KEY, tour.id);
    else sessionStorage.removeItem(EDITING_KEY);
  } catch {
    // No session storage (blocked): the editor simply starts afresh on a reload.
  }
}

function resumedTour(): Tour | null {
  let id: string | null = null;
  try {
    id = sessionStorage.getItem(EDITING_KEY);
  } catch {
    return null;
  }
  return id === null ? null : (loadLocalTours().find((tour) => tour.id === id) ?? null);
}

/** The lines an import that failed shows: which file, then its first problems, each saying where. */
export function importErrorLines(fileName: string, errors: readonly TourError[]): string[] {
  const lines = errors.slice(0, SHOWN_IMPORT_ERRORS).map(formatTourError);
  const more = errors.length - SHOWN_IMPORT_ERRORS;
  return [`${fileName || "The file"} is not a tour this map can show:`, ...lines, ...(more > 0 ? [`and ${more} more`] : [])];
}

// ---------------------------------------------------------------------------------------------
// The edits, as pure functions: each gives a new tour and leaves the one given untouched.

/** A new empty tour titled `title`, with a local id not among `taken`. */
export function newTour(title: string, taken: Iterable<string>): Tour {
  return { id: localTourId(title, taken), title: title.trim(), steps: [] };
}

export function addStep(tour: Tour, step: TourStep): Tour {
  return { ...tour, steps: [...tour.steps, step] };
}

/** Moves step `index` one place up (-1) or down (1); a move past either end changes nothing. */
export function moveStep(tour: Tour, index: number, by: -1 | 1): Tour {
  const to = index + by;
  if (index < 0 || index >= tour.steps.length || to < 0 || to >= tour.steps.length) return tour;
  const steps = [...tour.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...tour, steps };
}

export function removeStep(tour: Tour, index: number): Tour {
  if (index < 0 || index >= tour.steps.length) return tour;
  return { ...tour, steps: tour.steps.filter((_, i) => i !== index) };
}

/**
 * Step `index` with a new title or note, trimmed (a note's inner line breaks are Markdown and
 * stay). A blank one is no title or note at all: the step is then named by what it shows.
 */
export function editStep(tour: Tour, index: number, change: { title?: string; note?: string }): Tour {
  const step = tour.steps[index];
  if (!step) return tour;
  const next: TourStep = { ...step };
  for (const field of ["title", "note"] as const) {
    const value = change[field]?.trim();
    if (value === undefined) continue;
    if (value) next[field] = value;
    else delete next[field];
  }
  return { ...tour, steps: tour.steps.map((s, i) => (i === index ? next : s)) };
}

/**
 * The tour as a file for `data/tours/`: its schema named for editors, no app id (the file's
 * name is the id there), two-space indents and a final newline, as the bundled tours are written.
 */
export function tourFileText(tour: Tour | TourFile): string {
  const file: TourFile = { $schema: "./tour.schema.json", ...sharedFile(tour) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "load-management-from-uber-to-codel.json": the title's slug, which is also the id the file gets in `data/tours/`. */
export function exportFileName(tour: Tour | TourFile): string {
  return `${tourSlug(tour.title)}.json`;
}
