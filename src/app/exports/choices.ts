/**
 * What the Export menu offers, as data: its items for a state, and the names of the files they
 * save. Pure, so tests read it without a browser.
 */
import type { ExportFormat } from "../../core/exports/index";
import { slug } from "../../core/slug";
import type { ViewName } from "../data/views";
import type { AppState } from "../state/store";
import type { HandoutPlan } from "./articles";

export interface SlideSize {
  /** CSS pixels: what the layout, the labels and the legend are sized for. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: the image is `width × pixelRatio` by `height × pixelRatio`. */
  pixelRatio: number;
}

export const SLIDE: SlideSize = { width: 1920, height: 1080, pixelRatio: 1 };
export const SLIDE_2X: SlideSize = { ...SLIDE, pixelRatio: 2 };

/** "insight-graph-map.png", "insight-graph-articles@2x.png". */
export function imageFileName(view: ViewName, size: SlideSize): string {
  return `insight-graph-${view}${size.pixelRatio === 1 ? "" : `@${size.pixelRatio}x`}.png`;
}

/** One action of the menu, as data: what it says and whether it can run now. */
export interface ExportItem {
  id: "shown" | "region" | "tour" | "image" | "image-2x";
  text: string;
  /** Why it cannot run now (said when it is chosen); absent when it can. */
  unavailable?: string;
}

/**
 * The menu's items for `state`: the reading list of what is shown always (unavailable while
 * nothing is), that of the region when a region is shown, that of the tour when one is open, and
 * the two images.
 */
export function exportItems(state: AppState, tourOpen: boolean): ExportItem[] {
  const showsSomething = state.selection.kind !== "none" || (state.path.from !== null && state.path.to !== null);
  return [
    {
      id: "shown",
      text: "Reading list of what is shown (Markdown)",
      ...(showsSomething ? {} : { unavailable: "Nothing is shown yet: choose a concept, an article, a region or a path first." }),
    },
    ...(state.selection.kind === "region" ? [{ id: "region" as const, text: "Reading list of this region (Markdown)" }] : []),
    ...(tourOpen ? [{ id: "tour" as const, text: "Reading list of this tour (Markdown)" }] : []),
    { id: "image", text: "Image 1920×1080 (PNG)" },
    { id: "image-2x", text: "Image 2× (PNG)" },
  ];
}

/** "insight-graph-postgresql.md": the hand-out's title as a file name. */
export function handoutFileName(plan: HandoutPlan): string {
  return `insight-graph-${slug(plan.title) || "reading-list"}.md`;
}

/** What a graph download holds: the whole graph, or what the map shows now (see graph-files.ts). */
export type GraphScope = "whole" | "view";

/** One file of the graph the menu offers: a format, and for CSV which of its two tables. */
export interface GraphDownload {
  id: "gexf" | "graphml" | "csv-nodes" | "csv-edges" | "json";
  format: ExportFormat;
  table?: "nodes" | "edges";
  text: string;
}

/**
 * The graph's downloads, in the menu's order. CSV is two items, one a table: a page that starts
 * two downloads from one click is asked by browsers whether to allow "multiple downloads".
 */
export const GRAPH_DOWNLOADS: readonly GraphDownload[] = [
  { id: "gexf", format: "gexf", text: "GEXF (Gephi, Gephi Lite)" },
  { id: "graphml", format: "graphml", text: "GraphML (yEd, Cytoscape, NetworkX)" },
  { id: "csv-nodes", format: "csv", table: "nodes", text: "CSV: nodes" },
  { id: "csv-edges", format: "csv", table: "edges", text: "CSV: edges" },
  { id: "json", format: "json", text: "JSON (graphology, as graph.json)" },
];

/** "insight-graph.gexf", "insight-graph-view.nodes.csv": the scope and the format (and table) in the name. */
export function graphFileName(scope: GraphScope, download: Pick<GraphDownload, "format" | "table">): string {
  const stem = scope === "whole" ? "insight-graph" : "insight-graph-view";
  return download.table ? `${stem}.${download.table}.${download.format}` : `${stem}.${download.format}`;
}
