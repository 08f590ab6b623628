/**
 * The view switch: "Map", "Concepts", "Articles" as one radio group (arrow keys move between
 * them, as in any radio group), drawn as a segmented control in the toolbar. A graph built
 * before views offers only the map, and then there is nothing to switch: no control at all.
 */
import "../views.css";
import type { AppContext } from "../context";
import { availableViews, VIEW_LABELS, type ViewName } from "../data/views";
import { h, uid } from "../dom";
import { showView } from "../state/store";

export function createViewSwitch(context: AppContext): HTMLElement | null {
  const { graph, store } = context;
  const views = availableViews(graph);
  if (views.length < 2) return null;

  const name = uid("view");
  const radios = new Map<ViewName, HTMLInputElement>();
  const options = views.map((view) => {
    const input = h("input", { type: "radio", name, value: view, class: "view-radio" });
    input.addEventListener("change", () => {
      if (input.checked) store.update((s) => showView(s, view));
    });
    radios.set(view, input);
    return h("label", { class: "view-option" }, input, h("span", null, VIEW_LABELS[view]));
  });
  const element = h("div", { class: "view-switch", role: "radiogroup", "aria-label": "Views" }, options);

  const sync = (view: ViewName) => {
    for (const [value, input] of radios) input.checked = value === view;
  };
  store.subscribe((state, previous) => {
    if (state.view !== previous.view) sync(state.view);
  });
  sync(store.get().view);
  return element;
}
