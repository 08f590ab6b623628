/**
 * The Legend region: shapes, colours and sizes, read from the graph itself so that it always
 * matches what is drawn, whatever palette the build used; and what the colours tell, concept
 * type or region, with the regions named when they are what the colours tell (each name a button
 * that shows its region). It speaks of the view drawn: its nodes' shapes and what its lines join
 * (see `viewKey`).
 */
import { VIEW_EDGES, type EdgeKind } from "../../core/graph/types";
import { ENTITY_TYPES, type EntityType } from "../../core/types";
import type { AppContext } from "../context";
import type { AppGraph } from "../data/graph";
import { namedRegions, regionsOf, type ColorBy } from "../data/regions";
import type { ViewName } from "../data/views";
import { h, uid } from "../dom";
import { focusRegion, type AppState } from "../state/store";

/** A kind of mark on the map: an article (square) or a concept of one type (circle). */
export type Mark = "article" | EntityType;

/** What the graph holds that a legend may name: its kinds of node and of edge. */
export interface Drawable {
  marks: ReadonlySet<Mark>;
  edges: ReadonlySet<EdgeKind>;
}

export function drawable(graph: AppGraph): Drawable {
  const marks = new Set<Mark>();
  const edges = new Set<EdgeKind>();
  graph.forEachNode((_node, attributes) => marks.add(attributes.kind === "article" ? "article" : attributes.type));
  graph.forEachEdge((_edge, attributes) => edges.add(attributes.kind));
  return { marks, edges };
}

/** What the legend says of one view. */
export interface ViewKey {
  /** The marks the view draws, articles first, then concept types in the usual order. */
  marks: Mark[];
  /** How shapes and region colours read there, shown when colouring by region. */
  regions: string;
  /** What sizes tell, and what the lines join: only what the view draws. */
  sizesAndLines: string;
}

/** What a line of each kind joins, as the legend says it. */
const LINES: Readonly<Record<EdgeKind, string>> = {
  mentions: "an article to each concept it mentions",
  cooccurs: "concepts that articles name together (more often than chance would)",
  related: "related articles, which share specific concepts",
  broader: "a concept to a broader one (bluer)",
};

const REGIONS = "that go together, named by its most characteristic concepts.";

/**
 * The legend of `view` for a graph holding `drawable`: the map draws articles (squares) and
 * concepts (circles) joined by mentions; the concepts view concepts alone, joined where articles
 * name them together; the articles view articles alone, joined to related ones. Lines are named
 * only for kinds the graph has (a hand-made graph may have no broader relation).
 */
export function viewKey(view: ViewName, { marks, edges }: Drawable): ViewKey {
  const showsArticles = view !== "concepts";
  const showsConcepts = view !== "articles";
  const sizes = [
    showsConcepts ? "a concept grows with the number of articles that mention it" : null,
    showsArticles ? `${showsConcepts ? "an article" : "an article grows"} with the number of concepts it names` : null,
  ].filter((part) => part !== null);
  const lines = VIEW_EDGES[view].filter((kind) => edges.has(kind)).map((kind) => LINES[kind]);
  return {
    marks: [
      ...(showsArticles && marks.has("article") ? (["article"] as const) : []),
      ...(showsConcepts ? ENTITY_TYPES.filter((type) => marks.has(type)) : []),
    ],
    regions:
      view === "map"
        ? `Articles are squares, concepts circles; each colour is a region of articles and concepts ${REGIONS}`
        : view === "concepts"
          ? `Concepts are circles; each colour is a region of concepts (and the articles that name them) ${REGIONS}`
          : `Articles are squares; each colour is a region of articles (and the concepts they name) ${REGIONS}`,
    sizesAndLines: [`Size: ${sizes.join("; ")}.`, lines.length > 0 ? `Lines join ${lines.join(", and ")}.` : null]
      .filter((sentence) => sentence !== null)
      .join(" "),
  };
}

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
  const holds = drawable(graph);

  const marks = new Map<Mark, HTMLElement>();
  if (colours.has("article")) marks.set("article", item("square", colours.get("article")!, "article (square)"));
  for (const type of ENTITY_TYPES.filter((t) => colours.has(t))) marks.set(type, item("circle", colours.get(type)!, `${type} (circle)`));
  const byType = h("ul", { role: "list" });
  const { shown, others } = namedRegions(regions);
  // Each name shows its region (Details describes it, the map lights it); pressed while shown.
  const regionButtons = new Map(
    shown.map((region) => [
      region.id,
      h(
        "button",
        { type: "button", class: "region-link", "aria-pressed": "false", onClick: () => store.update((s) => focusRegion(s, region.id)) },
        region.name,
      ),
    ]),
  );
  const regionsHint = h("p", { class: "hint" });
  const byRegion = h(
    "div",
    { hidden: true },
    regionsHint,
    h(
      "ul",
      { role: "list", "aria-label": "Regions" },
      shown.map((region) => item("circle", region.color, regionButtons.get(region.id)!, h("span", { class: "count" }, ` ${region.size}`))),
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

  const sizesAndLines = h("p", { class: "hint" });
  const element = h("section", { "aria-label": "Legend", class: "panel legend" }, h("h2", null, "Legend"), colourBy, byType, byRegion, sizesAndLines);

  let keyedView: ViewName | null = null;
  const showView = (view: ViewName) => {
    if (view === keyedView) return;
    keyedView = view;
    const key = viewKey(view, holds);
    // Rows are taken out rather than hidden: styles lay them out, which a hidden attribute loses to.
    byType.replaceChildren(...key.marks.flatMap((mark) => marks.get(mark) ?? []));
    regionsHint.textContent = key.regions;
    sizesAndLines.textContent = key.sizesAndLines;
  };
  showView(store.get().view);

  return {
    element,
    render(state) {
      const colorBy = regions.length > 0 ? state.colorBy : "type";
      for (const [value, input] of radios) input.checked = value === colorBy;
      byType.hidden = colorBy !== "type";
      byRegion.hidden = colorBy !== "region";
      const chosen = state.selection.kind === "region" ? state.selection.community : undefined;
      for (const [id, button] of regionButtons) button.setAttribute("aria-pressed", String(id === chosen));
      showView(state.view);
    },
  };
}
