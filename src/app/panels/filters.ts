/**
 * The Filters region: entity types, sections and subsections (each with its count), the
 * minimum number of articles a concept needs to be drawn, and whether concepts named by one
 * article show before one zooms in.
 */
import type { EntityType } from "../../core/types";
import type { AppContext } from "../context";
import { EVERYTHING, type Filters } from "../data/filters";
import { h, uid } from "../dom";
import type { AppState } from "../state/store";

export interface FiltersPanel {
  element: HTMLElement;
  render(state: AppState): void;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? without : [...without, value];
}

export function createFilters(context: AppContext): FiltersPanel {
  const { choices, store } = context;
  const setFilters = (change: (filters: Filters) => Filters) =>
    store.update((s) => ({ ...s, filters: change(s.filters) }));

  const typeBoxes = new Map<EntityType, HTMLInputElement>();
  const sectionBoxes = new Map<string, HTMLInputElement>();
  const checkbox = (text: string, onChange: (checked: boolean) => void) => {
    const input = h("input", { type: "checkbox", checked: true });
    input.addEventListener("change", () => onChange(input.checked));
    return { input, label: h("label", null, input, text) };
  };

  const types = h(
    "fieldset",
    null,
    h("legend", null, "Concept types"),
    choices.types.map(({ type, count }) => {
      const { input, label } = checkbox(`${type} (${count})`, (on) =>
        setFilters((f) => ({ ...f, hiddenTypes: toggle(f.hiddenTypes, type, on) })),
      );
      typeBoxes.set(type, input);
      return label;
    }),
  );

  const sections = h(
    "fieldset",
    null,
    h("legend", null, "Sections"),
    h(
      "ul",
      { class: "sections", role: "list" },
      choices.sections.map((section) => {
        const { input, label } = checkbox(`${section.name} (${section.count})`, (on) =>
          setFilters((f) => ({ ...f, hiddenSections: toggle(f.hiddenSections, section.key, on) })),
        );
        sectionBoxes.set(section.key, input);
        return h(
          "li",
          null,
          label,
          section.subsections.length
            ? h(
                "ul",
                { role: "list" },
                section.subsections.map((sub) => {
                  const box = checkbox(`${sub.name} (${sub.count})`, (on) =>
                    setFilters((f) => ({ ...f, hiddenSections: toggle(f.hiddenSections, sub.key, on) })),
                  );
                  sectionBoxes.set(sub.key, box.input);
                  return h("li", null, box.label);
                }),
              )
            : null,
        );
      }),
    ),
  );

  const minId = uid("min");
  const min = h("input", {
    id: minId,
    type: "number",
    min: 1,
    max: choices.maxArticleCount,
    step: 1,
    value: 1,
    inputmode: "numeric",
  });
  min.addEventListener("change", () => {
    const n = Math.round(Number(min.value));
    const value = Number.isFinite(n) ? Math.min(Math.max(1, n), choices.maxArticleCount) : 1;
    min.value = String(value);
    setFilters((f) => ({ ...f, minArticles: value }));
  });
  const minimum = h(
    "p",
    { class: "minimum" },
    h("label", { for: minId }, "Minimum articles"),
    min,
    h("span", { class: "hint" }, ` (concepts; up to ${choices.maxArticleCount})`),
  );

  // Offered only when there is something to show: a graph may have no one-article concept.
  const rare = choices.rareCount > 0 ? checkbox(`Show concepts named by one article (${choices.rareCount})`, (on) => setFilters((f) => ({ ...f, showRare: on }))) : null;

  const reset = h(
    "button",
    {
      type: "button",
      class: "secondary",
      onClick: () => setFilters(() => EVERYTHING),
    },
    "Show everything",
  );

  const element = h(
    "section",
    { "aria-label": "Filters", class: "panel filters" },
    h("h2", null, "Filters"),
    types,
    minimum,
    rare ? h("p", { class: "rare" }, rare.label, h("span", { class: "hint" }, " (otherwise they appear as you zoom in)")) : null,
    sections,
    reset,
  );

  let shown: Filters | null = null;
  return {
    element,
    render(state) {
      if (shown === state.filters) return;
      shown = state.filters;
      for (const [type, box] of typeBoxes) box.checked = !state.filters.hiddenTypes.includes(type);
      for (const [key, box] of sectionBoxes) box.checked = !state.filters.hiddenSections.includes(key);
      min.value = String(state.filters.minArticles);
      if (rare) rare.input.checked = state.filters.showRare;
    },
  };
}
