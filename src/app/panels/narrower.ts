/**
 * Broader and narrower concepts in Details: the concepts a concept is a kind of, those below it,
 * and "Include narrower concepts", which lists every article that mentions the concept or any
 * concept below it, saying which, with a count for each. Details asks for it with one call.
 */
import { articlesWithNarrower, broaderConcepts, includesNarrower, narrowerConcepts } from "../data/hierarchy";
import { entityAttributes, sectionPath } from "../data/graph";
import type { Quote } from "../data/quote";
import type { Selection } from "../data/scene";
import type { AppContext } from "../context";
import { h, headedList, plural, type Child } from "../dom";
import type { AppState } from "../state/store";

/** How Details draws its own parts, so that these lists look like its other lists. */
export interface DetailsParts {
  conceptButton(context: AppContext, id: string): HTMLElement;
  articleButton(context: AppContext, id: string): HTMLElement;
  quoteBlock(quote: Quote, cite?: string): HTMLElement;
}

export interface HierarchyView {
  /** The broader and narrower concepts, as links that select them (nothing when there are none). */
  links: Child[];
  /** "Include narrower concepts", when the concept has narrower ones. */
  option: Child;
  /** When the option is on: the articles that replace the concept's own list, with the counts. */
  articles: Child[] | null;
}

/** The checkbox keeps its id across renders, so focus can return to it after a toggle. */
const OPTION_ID = "include-narrower";

/** Turns "Include narrower concepts" on or off for the chosen concept. */
export function setIncludeNarrower(state: AppState, include: boolean): AppState {
  const { selection } = state;
  if (selection.kind !== "concepts") return state;
  return { ...state, selection: { ...selection, narrower: include } };
}

/** For a single chosen concept: its place among broader and narrower concepts, and its option. */
export function hierarchyView(context: AppContext, selection: Extract<Selection, { kind: "concepts" }>, parts: DetailsParts): HierarchyView {
  const { graph, store } = context;
  const id = selection.ids[0]!;
  const broader = broaderConcepts(graph, id);
  const narrower = narrowerConcepts(graph, id);
  const list = (name: string, concepts: typeof broader, counts: boolean) =>
    concepts.length === 0
      ? null
      : headedList(
          name,
          "hierarchy",
          concepts.map((c) => [
            parts.conceptButton(context, c.id),
            counts ? h("span", { class: "count" }, ` ${plural(entityAttributes(graph, c.id).articleCount, "article")}`) : null,
          ]),
        );
  const links = [list("Broader concepts", broader, false), list("Narrower concepts", narrower, true)];
  if (narrower.length === 0) return { links, option: null, articles: null };

  const included = includesNarrower(graph, selection);
  const option = h(
    "p",
    { class: "include-narrower" },
    h(
      "label",
      null,
      h("input", {
        type: "checkbox",
        id: OPTION_ID,
        checked: included,
        onChange: (event: Event) => {
          store.update((s) => setIncludeNarrower(s, (event.target as HTMLInputElement).checked));
          // Details redraws and would move focus to its heading; the person is still on the option.
          document.getElementById(OPTION_ID)?.focus();
        },
      }),
      " Include narrower concepts",
    ),
  );
  if (!included) return { links, option, articles: null };

  const { counts, articles } = articlesWithNarrower(graph, id);
  const label = (concept: string) => entityAttributes(graph, concept).label;
  return {
    links,
    option,
    articles: [
      h("h3", null, plural(articles.length, "article"), " mention it or a narrower concept"),
      h(
        "p",
        { class: "narrower-counts" },
        // Each "concept n" stays on one line; the line breaks between them.
        counts.map((c, i) => [i > 0 ? "\u00a0· " : "", h("span", { class: "narrower-count" }, `${c.label} ${c.count}`)]),
        ` — ${plural(articles.length, "article")}`,
      ),
      h(
        "ul",
        { class: "article-list", role: "list", "aria-label": "Mentioning articles" },
        articles.map((a) =>
          h(
            "li",
            null,
            parts.articleButton(context, a.id),
            h("span", { class: "section" }, sectionPath(a)),
            a.concepts.map((concept, i) => parts.quoteBlock(a.quotes[i]!, label(concept))),
          ),
        ),
      ),
    ],
  };
}
