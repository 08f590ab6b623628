/**
 * The Path region: "How is X connected to Y?". Two comboboxes choose the ends; the shortest
 * chain is drawn on the map and listed in Details, hop by hop with the sentence that makes each
 * link (this narrow panel only says whether the ends are connected).
 */
import type { AppContext } from "../context";
import { TYPE_NAMES } from "../context";
import type { FoundPath } from "../data/path";
import { h, plural } from "../dom";
import { showPath, type AppState, type PathQuery } from "../state/store";
import { createCombobox, type ComboGroup } from "./combobox";

export interface PathPanel {
  element: HTMLElement;
  render(state: AppState, found: FoundPath | null): void;
}

/** Concepts and articles, ranked as the search box ranks them: the best match first. */
function nodeGroups(context: AppContext, query: string): ComboGroup<string>[] {
  return context.search.search(query, { limit: 6 }).names.map((group) =>
    group.kind === "concepts"
      ? {
          heading: TYPE_NAMES[group.type],
          count: group.total,
          options: group.hits.map((hit) => ({ value: hit.id, label: hit.label, detail: plural(hit.articleCount, "article") })),
        }
      : {
          heading: "Articles",
          count: group.total,
          options: group.hits.map((hit) => ({ value: hit.id, label: hit.label })),
        },
  );
}

export function createPath(context: AppContext): PathPanel {
  const { graph, store } = context;
  let pending: PathQuery = { from: null, to: null };
  const end = (which: "from" | "to") =>
    createCombobox<string>({
      label: which === "from" ? "From" : "To",
      placeholder: which === "from" ? "A concept or article" : "Another concept or article",
      keepChoice: true,
      source: (query) => {
        pending = { ...pending, [which]: null };
        return nodeGroups(context, query);
      },
      onChoose: ({ value }) => {
        pending = { ...pending, [which]: value };
      },
    });
  const from = end("from");
  const to = end("to");
  const message = h("p", { class: "path-message", "aria-live": "polite" });

  const find = h("button", { type: "button" }, "Find path");
  find.addEventListener("click", () => {
    if (!pending.from || !pending.to) {
      message.textContent = "Choose both ends from the suggestions first.";
      return;
    }
    const next = { ...pending };
    store.update((s) => showPath(s, next));
  });
  const clear = h("button", { type: "button", class: "secondary" }, "Clear path");
  clear.addEventListener("click", () => {
    pending = { from: null, to: null };
    from.setValue("");
    to.setValue("");
    store.update((s) => ({ ...s, path: { from: null, to: null } }));
  });

  const element = h(
    "section",
    { "aria-label": "Path", class: "panel path" },
    h("h2", null, "Path"),
    h("p", { class: "hint" }, "How is one concept or article connected to another?"),
    h("div", { class: "path-ends" }, from.element, to.element),
    h("p", { class: "buttons" }, find, clear),
    message,
  );

  let shown: { path: PathQuery; found: FoundPath | null; onShow: boolean } | null = null;
  return {
    element,
    render(state, found) {
      // The path is on show (map and Details) while nothing is selected over it.
      const onShow = state.selection.kind === "none";
      if (shown && shown.path === state.path && shown.found === found && shown.onShow === onShow) return;
      const endsChanged = shown?.path !== state.path;
      shown = { path: state.path, found, onShow };
      if (endsChanged) {
        pending = { ...state.path };
        // Keep the boxes in step with the state (deep links, "Find path from here").
        for (const [box, id] of [
          [from, state.path.from],
          [to, state.path.to],
        ] as const) {
          const label = id && graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : "";
          if (document.activeElement !== box.input && (id || !box.chosen)) box.setValue(label);
        }
      }
      message.textContent = "";
      if (!state.path.from || !state.path.to) {
        if (state.path.from) message.textContent = "Now choose where the path should lead (To), then Find path.";
        return;
      }
      if (!found) {
        message.textContent = "These two are not connected.";
        return;
      }
      const steps = plural(found.steps.length - 1, "step");
      message.textContent = onShow
        ? `Connected in ${steps}, listed in Details.`
        : `Connected in ${steps}. Find path shows them again.`;
    },
  };
}
