/**
 * The Details region: what the current selection is, in words. Concept focus lists every
 * mentioning article with the quoted sentence; article focus shows the article with each
 * mentioned concept as a control; combined concepts list the articles that match the query; a
 * region is described in region.ts.
 * With nothing selected, a path asked for in the Path panel is listed here hop by hop.
 */
import { ENTITY_TYPES } from "../../core/types";
import { articlesForEntity, articlesMatching, conceptsOfArticle, segmentField } from "../data/articles";
import { articleAttributes, entityAttributes, sectionPath } from "../data/graph";
import type { FoundPath } from "../data/path";
import type { Quote } from "../data/quote";
import type { Selection } from "../data/scene";
import type { AppContext } from "../context";
import { TYPE_NAMES } from "../context";
import { append, h, marked, markedRanges, plural, uid, type Child } from "../dom";
import {
  addConcept,
  focusArticle,
  focusConcept,
  removeConcept,
  setMatch,
  MAX_QUERY_CONCEPTS,
  type AppState,
  type PathQuery,
} from "../state/store";
import { createCombobox } from "./combobox";
import { findArticle } from "./find-article";
import { furtherLinks, linkTo } from "./links";
import { hierarchyView } from "./narrower";
import { regionView } from "./region";
import { relatedView } from "./related";

export interface DetailsPanel {
  element: HTMLElement;
  /** `found`: the path between the state's path ends, when they are connected. */
  render(state: AppState, found: FoundPath | null): void;
}

export function createDetails(context: AppContext): DetailsPanel {
  const body = h("div", { class: "details-body" });
  const element = h("aside", { role: "region", "aria-label": "Details", class: "panel details" }, body);
  // What is on show: the selection, or the path (found, or its ends when they are not connected).
  let shown: Selection | FoundPath | PathQuery | null = null;

  return {
    element,
    render(state, found) {
      const { selection, path } = state;
      const pathShown = selection.kind === "none" && path.from !== null && path.to !== null;
      const showing = pathShown ? (found ?? path) : selection;
      if (showing === shown) return;
      shown = showing;
      const content =
        selection.kind === "concepts"
          ? conceptView(context, selection)
          : selection.kind === "article"
            ? articleView(context, selection.id)
            : selection.kind === "region"
              ? regionView(context, selection.community, { conceptButton, articleButton })
              : pathShown
              ? pathView(context, path.from!, path.to!, found)
              : overview(context);
      // A control inside the panel that changed the selection is about to disappear; keyboard
      // users continue from the new heading rather than from the top of the page.
      const hadFocus = element.contains(document.activeElement);
      body.replaceChildren();
      append(body, content);
      element.scrollTop = 0;
      const heading = body.querySelector("h2");
      if (hadFocus && heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    },
  };
}

function overview(context: AppContext): Child[] {
  const { graph } = context;
  const name = graph.getAttribute("name");
  let articles = 0;
  let concepts = 0;
  graph.forEachNode((_n, a) => (a.kind === "article" ? articles++ : concepts++));
  // No h2 here: the level-2 heading names the selection, and there is none yet.
  return [
    h(
      "p",
      { class: "lead" },
      `${plural(articles, "article")} and ${plural(concepts, "concept")}`,
      name ? ` from ${name}` : "",
      ".",
    ),
    h(
      "p",
      { class: "hint" },
      "Search (press /) or click a node to see every article that mentions a concept, with the sentence that mentions it.",
    ),
  ];
}

function conceptButton(context: AppContext, id: string, text?: string): HTMLButtonElement {
  const attributes = entityAttributes(context.graph, id);
  return h(
    "button",
    {
      type: "button",
      class: `concept-link type-${attributes.type}`,
      onClick: () => context.store.update((s) => focusConcept(s, id)),
    },
    text ?? attributes.label,
  );
}

function articleButton(context: AppContext, id: string): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: "article-link", onClick: () => context.store.update((s) => focusArticle(s, id)) },
    articleAttributes(context.graph, id).label,
  );
}

function quoteBlock(quote: Quote, cite?: string): HTMLElement {
  const where = quote.field === "insight" ? "insight" : quote.field;
  return h(
    "p",
    { class: "quote" },
    cite ? h("span", { class: "quote-concept" }, `${cite}: `) : null,
    h("q", null, ...marked(quote.text, quote.markStart, quote.markEnd)),
    h("span", { class: "quote-field" }, ` (${where})`),
  );
}

function conceptView(context: AppContext, selection: Extract<Selection, { kind: "concepts" }>): Child[] {
  const { graph, store } = context;
  const { ids, match } = selection;
  const first = ids[0]!;
  const labels = ids.map((id) => entityAttributes(graph, id).label);
  const combined = ids.length > 1;
  const heading = h("h2", null, combined ? labels.join(match === "all" ? " + " : " or ") : labels[0]!);

  const typeLine = combined
    ? null
    : h(
        "p",
        { class: "kind" },
        h("span", { class: `swatch type-${entityAttributes(graph, first).type}`, "aria-hidden": "true" }),
        entityAttributes(graph, first).type,
        entityAttributes(graph, first).aliases.length
          ? ` · also written ${entityAttributes(graph, first).aliases.join(", ")}`
          : "",
      );

  // The query: chips with remove buttons, "Add concept", and the match mode.
  const chips = h(
    "ul",
    { class: "chips", role: "list", "aria-label": "Query concepts" },
    ids.map((id, i) =>
      h(
        "li",
        { class: "chip" },
        h("span", null, labels[i]!),
        h(
          "button",
          {
            type: "button",
            class: "chip-remove",
            "aria-label": `Remove ${labels[i]!}`,
            title: `Remove ${labels[i]!}`,
            onClick: () => store.update((s) => removeConcept(s, id)),
          },
          "×",
        ),
      ),
    ),
  );
  const add = createCombobox<string>({
    label: "Add concept",
    placeholder: ids.length >= MAX_QUERY_CONCEPTS ? `At most ${MAX_QUERY_CONCEPTS} concepts` : "Add concept…",
    source: (query) =>
      context.search.search(query).concepts.map((group) => ({
        heading: TYPE_NAMES[group.type],
        count: group.total,
        options: group.hits
          .filter((hit) => !ids.includes(hit.id))
          .map((hit) => ({ value: hit.id, label: hit.label, detail: plural(hit.articleCount, "article") })),
      })),
    emptyText: "No concept matches",
    onChoose: ({ value }) => store.update((s) => addConcept(s, value)),
  });
  if (ids.length >= MAX_QUERY_CONCEPTS) add.input.disabled = true;
  const legendId = uid("match");
  const matchGroup = h(
    "fieldset",
    { role: "radiogroup", "aria-labelledby": legendId, class: "match" },
    h("legend", { id: legendId }, "Match"),
    (["all", "any"] as const).map((mode) =>
      h(
        "label",
        null,
        h("input", {
          type: "radio",
          name: "match",
          value: mode,
          checked: match === mode,
          onChange: () => store.update((s) => setMatch(s, mode)),
        }),
        mode === "all" ? "All" : "Any",
      ),
    ),
  );

  const matches = articlesMatching(graph, ids, match);
  const countHeading = h(
    "h3",
    null,
    plural(matches.length, "article"),
    combined ? (match === "all" ? " mention all of them" : " mention any of them") : "",
  );
  const list = h(
    "ul",
    { class: "article-list", role: "list", "aria-label": "Mentioning articles" },
    combined
      ? matches.map((m) =>
          h(
            "li",
            null,
            articleButton(context, m.id),
            h("span", { class: "section" }, sectionPath(m)),
            m.quotes.map((q, i) => quoteBlock(q, entityAttributes(graph, m.matched[i]!).label)),
          ),
        )
      : articlesForEntity(graph, first).map((m) =>
          h(
            "li",
            null,
            articleButton(context, m.id),
            h("span", { class: "section" }, sectionPath(m)),
            quoteBlock(m.quote),
          ),
        ),
  );

  const hierarchy = combined ? null : hierarchyView(context, selection, { conceptButton, articleButton, quoteBlock });
  return [
    heading,
    typeLine,
    h(
      "div",
      { class: "query" },
      chips,
      add.element,
      matchGroup,
    ),
    hierarchy?.links,
    hierarchy?.option,
    hierarchy?.articles ?? [countHeading, list],
    relatedView(context, selection, { conceptButton, articleButton }),
    pathShortcut(context, first),
  ];
}

/** The chain between two ends, hop by hop, each hop with the words that make it. */
function pathView(context: AppContext, from: string, to: string, found: FoundPath | null): Child[] {
  const { graph } = context;
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const heading = h("h2", null, `How ${label(from)} connects to ${label(to)}`);
  if (!found) {
    return [
      heading,
      h("p", { class: "lead" }, "They are not connected: no chain of articles and concepts leads from one to the other."),
    ];
  }
  const hops = found.steps.length - 1;
  const between = found.steps.slice(1, -1);
  const articles = between.filter((step) => step.kind === "article").length;
  const through = [
    articles ? plural(articles, "article") : "",
    between.length - articles ? plural(between.length - articles, "concept") : "",
  ].filter(Boolean);
  const steps = found.steps.map((step, i) => {
    const attributes = graph.getNodeAttributes(step.id);
    const isArticleStep = attributes.kind === "article";
    // Every hop joins an article and a concept, and the article holds the words that join
    // them: its quotes go under it, one sentence once even when it names both neighbours.
    const quotes = isArticleStep ? [step.via?.quote, found.steps[i + 1]?.via?.quote].filter((q) => q !== undefined) : [];
    return h(
      "li",
      { class: `step ${step.kind}` },
      h(
        "p",
        { class: "step-node" },
        isArticleStep ? articleButton(context, step.id) : conceptButton(context, step.id),
        h(
          "span",
          { class: "step-kind" },
          isArticleStep ? ` article · ${sectionPath(articleAttributes(graph, step.id))}` : ` ${attributes.type}`,
        ),
      ),
      sameSentence(quotes) ? sentenceBlock(quotes) : quotes.map((quote) => quoteBlock(quote)),
    );
  });
  return [
    heading,
    h(
      "p",
      { class: "lead" },
      hops === 0 ? "Both ends are the same node." : plural(hops, "step"),
      through.length ? `, through ${through.join(" and ")}` : "",
      hops === 0 ? "" : ". Each article quotes the words that name its neighbours.",
    ),
    h("ol", { class: "path-steps", "aria-label": "Path steps" }, steps),
  ];
}

function sameSentence(quotes: readonly Quote[]): boolean {
  const [first, ...rest] = quotes;
  return first !== undefined && rest.length > 0 && rest.every((q) => q.field === first.field && q.index === first.index && q.text === first.text);
}

/** One sentence quoted once, with every mention in it marked. */
function sentenceBlock(quotes: readonly Quote[]): HTMLElement {
  const [first] = quotes as [Quote, ...Quote[]];
  return h(
    "p",
    { class: "quote" },
    h("q", null, ...markedRanges(first.text, quotes.map((q) => [q.markStart, q.markEnd] as const))),
    h("span", { class: "quote-field" }, ` (${first.field})`),
  );
}

function pathShortcut(context: AppContext, id: string): HTMLElement {
  return h(
    "p",
    null,
    h(
      "button",
      {
        type: "button",
        class: "secondary",
        // The Path panel is where the other end is chosen, so it must be on screen.
        onClick: () =>
          context.store.update((s) => ({
            ...s,
            presentation: false,
            path: { from: id, to: s.path.to === id ? null : s.path.to },
          })),
      },
      "Find path from here",
    ),
  );
}

function articleView(context: AppContext, id: string): Child[] {
  const { graph } = context;
  const article = articleAttributes(graph, id);
  const concepts = conceptsOfArticle(graph, id);
  const path = sectionPath(article);

  const insights = article.insights.map((text, index) =>
    h(
      "li",
      null,
      segmentField(graph, id, "insight", index, text).map((segment) =>
        segment.entity ? conceptButton(context, segment.entity, segment.text) : segment.text,
      ),
    ),
  );
  const description = segmentField(graph, id, "description", 0, article.description).map((segment) =>
    segment.entity ? conceptButton(context, segment.entity, segment.text) : segment.text,
  );

  return [
    h("h2", null, article.label),
    h(
      "dl",
      { class: "facts" },
      path ? [h("dt", null, "Section"), h("dd", null, path)] : null,
      article.source ? [h("dt", null, "Source"), h("dd", null, article.source)] : null,
      article.entryKind === "reference" ? [h("dt", null, "Kind"), h("dd", null, "See Also reference")] : null,
      article.note ? [h("dt", null, "Note"), h("dd", null, article.note)] : null,
      article.year !== undefined ? [h("dt", null, "Year"), h("dd", null, String(article.year))] : null,
      article.addedAt ? [h("dt", null, "Added"), h("dd", null, h("time", { datetime: article.addedAt }, article.addedAt.slice(0, 10)))] : null,
      article.inputs?.length
        ? [h("dt", null, article.inputs.length === 1 ? "Input" : "Inputs"), h("dd", null, article.inputs.join(", "))]
        : null,
    ),
    article.url ? h("p", { class: "article-link-line" }, linkTo(article.url, "Open the article ↗", "Link")) : findArticle(article.label),
    article.description ? h("p", { class: "description" }, description) : null,
    insights.length ? [h("h3", null, "Key insights"), h("ul", { class: "insights" }, insights)] : null,
    article.links?.length ? furtherLinks(article.links) : null,
    h("h3", null, `Concepts (${concepts.length})`),
    concepts.length === 0 ? h("p", { class: "hint" }, "No concept was found in this article.") : null,
    ENTITY_TYPES.map((type) => {
      const ofType = concepts.filter((c) => c.type === type);
      if (ofType.length === 0) return null;
      return [
        h("h4", null, `${TYPE_NAMES[type]} (${ofType.length})`),
        h(
          "ul",
          { class: "concept-group", role: "list", "aria-label": TYPE_NAMES[type] },
          ofType.map((c) => h("li", null, conceptButton(context, c.id))),
        ),
      ];
    }),
    relatedView(context, { kind: "article", id }, { conceptButton, articleButton }),
    pathShortcut(context, id),
  ];
}
