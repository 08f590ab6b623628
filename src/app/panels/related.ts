/**
 * Neighbours in Details: an article's related articles, strongest first, each with the concepts
 * they share ("shares CoDel, load shedding"); a concept's co-occurring concepts, each with the
 * number of articles that name both. Details asks for them with one call per selection. All
 * text reaches the page as text (see dom.ts).
 */
import type { AppContext } from "../context";
import { relatedTo, togetherWith } from "../data/related";
import type { Selection } from "../data/scene";
import { h, headedList, plural, type Child } from "../dom";
import type { DetailsParts } from "./narrower";

/** The neighbours of a single concept or an article; nothing for a combined query or none. */
export function relatedView(context: AppContext, selection: Selection, parts: Pick<DetailsParts, "conceptButton" | "articleButton">): Child[] {
  const { graph } = context;
  if (selection.kind === "article") {
    const related = relatedTo(graph, selection.id, 8);
    if (related.length === 0) return [];
    return headedList(
      "Related articles",
      "related",
      related.map((r) => [
        parts.articleButton(context, r.id),
        r.shared.length ? h("span", { class: "shared" }, "shares ", r.shared.map((s) => s.label).join(", ")) : null,
      ]),
    );
  }
  if (selection.kind !== "concepts" || selection.ids.length !== 1) return [];
  const together = togetherWith(graph, selection.ids[0]!, 12);
  if (together.length === 0) return [];
  return headedList(
    "Often together",
    "together",
    together.map((c) => [parts.conceptButton(context, c.id), h("span", { class: "count" }, ` ${plural(c.count, "article")}`)]),
  );
}
