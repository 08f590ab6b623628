/**
 * The Legend region: shapes, colours and sizes, read from the graph itself so that it always
 * matches what is drawn, whatever palette the build used.
 */
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import { isBroaderEdge, type AppGraph } from "../data/graph";
import { h } from "../dom";

export function createLegend(graph: AppGraph): HTMLElement {
  const colours = new Map<EntityType | "article", string>();
  graph.forEachNode((_node, attributes) => {
    const key = attributes.kind === "article" ? "article" : attributes.type;
    if (!colours.has(key)) colours.set(key, attributes.color);
  });
  const item = (shape: "circle" | "square", colour: string, text: string) => {
    const mark = h("span", { class: `legend-mark ${shape}`, "aria-hidden": "true" });
    // Through the CSSOM rather than a style attribute written as text: a value from graph.json
    // that is not a colour is dropped, never read as further declarations.
    mark.style.background = colour;
    return h("li", null, mark, text);
  };
  return h(
    "section",
    { "aria-label": "Legend", class: "panel legend" },
    h("h2", null, "Legend"),
    h(
      "ul",
      { role: "list" },
      colours.has("article") ? item("square", colours.get("article")!, "article (square)") : null,
      ENTITY_TYPES.filter((t) => colours.has(t)).map((type) => item("circle", colours.get(type)!, `${type} (circle)`)),
    ),
    h(
      "p",
      { class: "hint" },
      "Size: a concept grows with the number of articles that mention it; an article with the number of concepts it names. ",
      "Lines join an article to each concept it mentions",
      // Said only when drawn: most reading lists' graphs will have some, a hand-made one may not.
      graph.someEdge((_edge, attributes) => isBroaderEdge(attributes)) ? ", and a concept to a broader one (bluer)." : ".",
    ),
  );
}
