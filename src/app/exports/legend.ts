/**
 * The legend an exported image carries: what the colours of the view drawn tell, as rows of a
 * mark (the shape and colour drawn) and a name. It says what the Legend panel says (see
 * panels/legend), read from the same graph: the marks the view draws coloured by concept type,
 * or the named regions when the map is coloured by region. Pure.
 */
import type { ColorBy } from "../data/regions";
import { namedRegions, regionsOf } from "../data/regions";
import type { AppGraph } from "../data/graph";
import { VIEW_LABELS, type ViewName } from "../data/views";
import { TYPE_NAMES } from "../context";
import { drawable, viewKey, type Mark } from "../panels/legend";

export interface LegendRow {
  shape: "circle" | "square";
  colour: string;
  text: string;
}

export interface ImageLegend {
  /** "Map · tech-insights-bookmarks.txt": the view and the document drawn. */
  title: string;
  rows: LegendRow[];
  /** A last line for what the rows leave out ("and 4 smaller regions"). */
  more?: string;
}

const MARK_NAMES: Readonly<Record<Mark, string>> = { article: "Articles", ...TYPE_NAMES };

/** The legend of `view` coloured by `colorBy` (by type when the graph has no regions). */
export function imageLegend(graph: AppGraph, view: ViewName, colorBy: ColorBy): ImageLegend {
  const title = `${VIEW_LABELS[view]} · ${graph.getAttribute("name")}`;
  const regions = regionsOf(graph);
  if (colorBy === "region" && regions.length > 0) {
    const { shown, others } = namedRegions(regions);
    return {
      title,
      rows: shown.map((region) => ({ shape: "circle", colour: region.color, text: region.name })),
      ...(others > 0 ? { more: `and ${others} smaller ${others === 1 ? "region" : "regions"}` } : {}),
    };
  }
  const colours = new Map<Mark, string>();
  graph.forEachNode((_node, attributes) => {
    const mark: Mark = attributes.kind === "article" ? "article" : attributes.type;
    if (!colours.has(mark)) colours.set(mark, attributes.color);
  });
  return {
    title,
    rows: viewKey(view, drawable(graph)).marks.map((mark) => ({
      shape: mark === "article" ? "square" : "circle",
      colour: colours.get(mark)!,
      text: MARK_NAMES[mark],
    })),
  };
}
