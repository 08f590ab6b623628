/**
 * List view: the current selection as tables, for reading without the canvas (keyboard and
 * screen reader). It shows what the map shows: the matching articles of a concept query, an
 * article's concepts, the steps of a path, or, with nothing on show, every visible concept and
 * article.
 */
import { articlesMatching, conceptsOfArticle } from "../data/articles";
import { articleAttributes, entityAttributes, isArticle, mentionedConcepts, sectionPath } from "../data/graph";
import type { FoundPath } from "../data/path";
import type { AppContext } from "../context";
import { h, plural } from "../dom";
import { focusArticle, focusConcept, type AppState } from "../state/store";

export interface ListView {
  element: HTMLElement;
  /** `found`: the path between the state's path ends, shown when nothing is selected. */
  render(state: AppState, visible: Set<string>, found: FoundPath | null): void;
}

export function createListView(context: AppContext): ListView {
  const { graph, store } = context;
  const element = h("section", { "aria-label": "List view", class: "list-view", id: "list-view" });
  element.hidden = true;

  const conceptCell = (id: string) =>
    h(
      "button",
      { type: "button", class: "concept-link", onClick: () => store.update((s) => focusConcept(s, id)) },
      entityAttributes(graph, id).label,
    );
  const articleCell = (id: string) =>
    h(
      "button",
      { type: "button", class: "article-link", onClick: () => store.update((s) => focusArticle(s, id)) },
      articleAttributes(graph, id).label,
    );
  const table = (caption: string, head: string[], rows: (Node | string)[][]) =>
    h(
      "table",
      null,
      h("caption", null, caption),
      h("thead", null, h("tr", null, head.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        null,
        rows.map((cells) => h("tr", null, cells.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", null, c))))),
      ),
    );

  let shown: { selection: AppState["selection"]; visible: Set<string>; found: FoundPath | null } | null = null;
  return {
    element,
    render(state, visible, found) {
      element.hidden = !state.listMode;
      if (!state.listMode) {
        shown = null;
        return;
      }
      if (shown && shown.selection === state.selection && shown.visible === visible && shown.found === found) return;
      shown = { selection: state.selection, visible, found };
      const { selection } = state;
      let content: HTMLElement[];
      if (selection.kind === "none" && found) {
        const ends = [found.steps[0]!, found.steps.at(-1)!].map((step) => step.label);
        content = [
          table(
            `${plural(found.steps.length - 1, "step")} from ${ends[0]} to ${ends[1]}`,
            ["Step", "Kind", "Linked to the step before by"],
            found.steps.map((step) => [
              step.kind === "article" ? articleCell(step.id) : conceptCell(step.id),
              step.kind === "article" ? "article" : entityAttributes(graph, step.id).type,
              step.via ? `“${step.via.quote.text}”` : "",
            ]),
          ),
        ];
      } else if (selection.kind === "concepts") {
        const labels = selection.ids.map((id) => entityAttributes(graph, id).label);
        const matches = articlesMatching(graph, selection.ids, selection.match);
        content = [
          table(
            `${plural(matches.length, "article")} mentioning ${labels.join(selection.match === "all" ? " and " : " or ")}`,
            ["Article", "Section", "Mentions"],
            matches.map((m) => [
              articleCell(m.id),
              sectionPath(m),
              m.matched.map((id) => entityAttributes(graph, id).label).join(", "),
            ]),
          ),
        ];
      } else if (selection.kind === "article") {
        const concepts = conceptsOfArticle(graph, selection.id);
        content = [
          table(
            `${plural(concepts.length, "concept")} in “${articleAttributes(graph, selection.id).label}”`,
            ["Concept", "Type", "Articles"],
            concepts.map((c) => [conceptCell(c.id), c.type, String(entityAttributes(graph, c.id).articleCount)]),
          ),
        ];
      } else {
        const concepts: string[] = [];
        const articles: string[] = [];
        graph.forEachNode((node, attributes) => {
          if (!visible.has(node)) return;
          (isArticle(attributes) ? articles : concepts).push(node);
        });
        concepts.sort(
          (a, b) =>
            entityAttributes(graph, b).articleCount - entityAttributes(graph, a).articleCount ||
            entityAttributes(graph, a).label.localeCompare(entityAttributes(graph, b).label),
        );
        content = [
          table(
            `${plural(concepts.length, "concept")}`,
            ["Concept", "Type", "Articles"],
            concepts.map((id) => {
              const a = entityAttributes(graph, id);
              return [conceptCell(id), a.type, String(a.articleCount)];
            }),
          ),
          table(
            `${plural(articles.length, "article")}`,
            ["Article", "Section", "Concepts"],
            articles.map((id) => [articleCell(id), sectionPath(articleAttributes(graph, id)), String(mentionedConcepts(graph, id).length)]),
          ),
        ];
      }
      element.replaceChildren(h("h2", null, "List view"), ...content);
    },
  };
}
