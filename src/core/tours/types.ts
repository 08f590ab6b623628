/**
 * The tour contract: a tour is a JSON file under `data/tours/` (its id is the file's base name),
 * validated by the build against `data/tours/tour.schema.json` and against the graph, and carried
 * in graph.json as the graph attribute `tours`. Tours made in the app have the same shape.
 *
 * Steps name nodes by their graph keys ("entity:postgresql", "article:how-postgres-mvcc-works"),
 * which stay the same from one build of a document to the next; a region is named by a node in it,
 * since communities are numbered afresh by every build.
 */
import type { ViewName } from "../graph/types";

/** What a step shows: exactly one of these. */
export type TourFocus =
  /** One node, article or concept: it is focused as a click on it would. */
  | { node: string }
  /** One to three concepts and the articles that name all (default) or any of them. */
  | { concepts: string[]; match?: "all" | "any" }
  /** The shortest path between two nodes. */
  | { path: { from: string; to: string } }
  /** The region (community) that holds this node. */
  | { regionOf: string };

export interface TourFilters {
  /** Hidden choices, as in the URL: "type:person", "section:Case Studies", "section:Case Studies › Reliability". */
  hide?: string[];
  /** Concepts named by fewer articles are hidden. */
  min?: number;
  /** Concepts named by one article shown at every zoom. */
  rare?: boolean;
}

export interface TourCamera {
  x: number;
  y: number;
  ratio: number;
}

export interface TourStep {
  /** A short heading for the step (the step list, the presenter view); when absent, the app names the step by what it shows. */
  title?: string;
  show: TourFocus;
  /** The view the step is shown in; the map when absent. */
  view?: ViewName;
  filters?: TourFilters;
  /** What the colours tell; concept type when absent. */
  color?: "type" | "region";
  /** Where the camera stands; when absent the camera frames what the step shows. */
  camera?: TourCamera;
  /** A short note in Markdown, shown to the group (rendered as text: raw HTML is never interpreted). */
  note?: string;
}

/** A tour as written in a file (no id: the file's name is its id). */
export interface TourFile {
  /** The schema the file follows, for editors; ignored by the build. */
  $schema?: string;
  title: string;
  /** One or two sentences on what the tour is for. */
  description?: string;
  steps: TourStep[];
}

/** A tour as the app holds it. */
export interface Tour extends TourFile {
  /** The file's base name for bundled tours ("load-management"); "local:…" for tours made in the browser. */
  id: string;
}
