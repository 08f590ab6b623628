/**
 * The Legend region: shapes, colours and sizes, read from the graph itself so that it always
 * matches what is drawn, whatever palette the build used; and what the colours tell, concept
 * type or region, with the regions named when they are what the colours tell.
 */
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import type { AppContext } from "../context";
import { isBroaderEdge } from "../data/graph";
import { namedRegions, regionsOf, type ColorBy } from "../data/regions";
import { h, uid } from "../dom";
import type { AppState } from "../state/store";

export interface LegendPanel {
  element: HTMLElement;
  render(state: AppState): void;
}

function item(shape: "circle" | "square", colour: string, ...text: (string | Node)[]): HTMLElement {
  const mark = h("span", { class: `legend-mark ${shape}`, "aria-hidden": "true" });
  // Through the CSSOM rather than a style attribute written as text: a value from graph.json
  // that is not a colour is dropped, never read as further declarations.
  mark.style.background = colour;
  return h("li", null, mark, ...text);
}

export function createLegend(context: AppContext): LegendPanel {
  const { graph, store } = context;
  const colours = new Map<EntityType | "article", string>();
  graph.forEachNode((_node, attributes) => {
    const key = attributes.kind === "article" ? "article" : attributes.type;
    if (!colours.has(key)) colours.set(key, attributes.color);
  });
  const regions = regionsOf(graph);

  const byType = h(
    "ul",
    { role: "list" },
    colours.has("article") ? item("square", colours.get("article")!, "article (square)") : null,
    ENTITY_TYPES.filter((t) => colours.has(t)).map((type) => item("circle", colours.get(type)!, `${type} (circle)`)),
  );
  const { shown, others } = namedRegions(regions);
  const byRegion = h(
    "div",
    { hidden: true },
    h("p", { class: "hint" }, "Articles are squares, concepts circles; each colour is a region of articles and concepts that go together, named by its most characteristic concepts."),
    h(
      "ul",
      { role: "list", "aria-label": "Regions" },
      shown.map((region) => item("circle", region.color, region.name, h("span", { class: "count" }, ` ${region.size}`))),
    ),
    others > 0 ? h("p", { class: "hint" }, `and ${others} smaller ${others === 1 ? "region" : "regions"}.`) : null,
  );

  // The choice is offered only when the build found regions (files built before them have none).
  const name = uid("colour-by");
  const radios = new Map<ColorBy, HTMLInputElement>();
  const choice = (value: ColorBy, text: string) => {
    const input = h("input", { type: "radio", name, value });
    input.addEventListener("change", () => {
      if (input.checked) store.update((s) => ({ ...s, colorBy: value }));
    });
    radios.set(value, input);
    return h("label", null, input, ` ${text}`);
  };
  const colourBy =
    regions.length > 0 ? h("fieldset", { class: "colour-by" }, h("legend", null, "Colour by"), choice("type", "Concept type"), choice("region", "Region")) : null;

  const element = h(
    "section",
    { "aria-label": "Legend", class: "panel legend" },
    h("h2", null, "Legend"),
    colourBy,
    byType,
    byRegion,
    h(
      "p",
      { class: "hint" },
      "Size: a concept grows with the number of articles that mention it; an article with the number of concepts it names. ",
      "Lines join an article to each concept it mentions",
      // Said only when drawn: most reading lists' graphs will have some, a hand-made one may not.
      graph.someEdge((_edge, attributes) => isBroaderEdge(attributes)) ? ", and a concept to a broader one (bluer)." : ".",
    ),
  );

  return {
    element,
    render(state) {
      const colorBy = regions.length > 0 ? state.colorBy : "type";
      for (const [value, input] of radios) input.checked = value === colorBy;
      byType.hidden = colorBy !== "type";
      byRegion.hidden = colorBy !== "region";
    },
  };
}
