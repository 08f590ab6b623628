/**
 * The search box: one combobox over concepts (grouped by type), article titles and insight
 * text. Choosing a concept focuses it; an article or an insight focuses its article.
 */
import type { AppContext } from "../context";
import { TYPE_NAMES } from "../context";
import { h, marked, plural } from "../dom";
import { focusArticle, focusConcept } from "../state/store";
import { createCombobox, type ComboGroup } from "./combobox";

type Target = { kind: "concept" | "article"; id: string };

/** The groups in the order search ranks them (the best match first), then the text matches. */
export function searchGroups(context: AppContext, query: string): ComboGroup<Target>[] {
  const results = context.search.search(query);
  const groups: ComboGroup<Target>[] = results.names.map((group) =>
    group.kind === "concepts"
      ? {
          heading: TYPE_NAMES[group.type],
          count: group.total,
          options: group.hits.map((hit) => ({
            value: { kind: "concept", id: hit.id },
            label: hit.label,
            detail: [hit.alias ? `“${hit.alias}” · ` : "", hit.narrower ? `includes “${hit.narrower}” · ` : "", plural(hit.articleCount, "article")],
          })),
        }
      : {
          heading: "Articles",
          count: group.total,
          options: group.hits.map((hit) => ({
            value: { kind: "article", id: hit.id },
            label: hit.label,
            detail: hit.section,
          })),
        },
  );
  groups.push({
    heading: "Text matches",
    count: results.insights.total,
    options: results.insights.hits.map((hit) => ({
      value: { kind: "article", id: hit.id },
      label: hit.label,
      detail: marked(hit.snippet, hit.markStart, hit.markEnd),
    })),
  });
  return groups;
}

export function createSearch(context: AppContext): HTMLElement {
  const combobox = createCombobox<Target>({
    label: "Search",
    placeholder: "Search concepts, articles, insights  ( / )",
    source: (query) => searchGroups(context, query),
    emptyText: "Nothing matches",
    onChoose: ({ value }) => {
      context.store.update((state) =>
        value.kind === "concept" ? focusConcept(state, value.id) : focusArticle(state, value.id),
      );
    },
  });
  // "/" focuses search from anywhere except while typing elsewhere.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    combobox.input.focus();
    combobox.input.select();
  });
  return h("div", { class: "search", role: "search" }, combobox.element);
}
