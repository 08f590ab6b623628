/**
 * Tours as data: a tour file read, checked against its schema and against the graph, and
 * either accepted as a `Tour` or refused with every problem said where it is. The build reads
 * `data/tours/*.json` with it, and the app reads imported files and graph.json's tours with it:
 * one set of rules. Nothing here throws on bad input.
 */
import { capErrors, fileLabel, type TourError } from "./errors";
import { graphErrors, type TourGraph } from "./graph";
import { jsonSyntaxError } from "./json";
import { schemaErrors } from "./schema";
import type { Tour, TourFile } from "./types";

export { describeStep, type LabelOf } from "./describe";
export { formatTourError, type TourError } from "./errors";
export { tourGraphOf, type TourGraph } from "./graph";
export { jsonSyntaxError, type JsonSyntaxError } from "./json";
export { tourSchema } from "./schema";
export type { Tour, TourCamera, TourFile, TourFilters, TourFocus, TourStep } from "./types";

/**
 * The longest text read as a tour, in characters. The schema's bounds (100 steps, notes of 1,200
 * characters) keep a real tour far below it; past it, a file is a mistake, refused before parsing.
 */
export const MAX_TOUR_TEXT = 1_000_000;

export type ParsedTour = { tour: Tour; errors?: never } | { errors: TourError[]; tour?: never };

/**
 * Reads the text of a tour file. `fileName` names the file in messages and gives the tour its
 * id: the base name without ".json" ("data/tours/load-management.json" → "load-management");
 * the app may give a tour it imports another id. The `$schema` a file carries for editors is
 * dropped. Errors: a JSON syntax error with its line and column, else every schema problem,
 * else every problem on `graph` (the graph is asked only about a tour the schema accepts).
 */
export function parseTour(text: string, fileName: string, graph: TourGraph): ParsedTour {
  const file = fileLabel(fileName);
  if (text.length > MAX_TOUR_TEXT) return { errors: [{ file, message: `too large for a tour (more than ${MAX_TOUR_TEXT.toLocaleString("en")} characters)` }] };
  // A byte-order mark is not JSON; editors on some systems still write one.
  const json = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const syntax = jsonSyntaxError(json) ?? { line: 1, column: 1, message: "not JSON" };
    return { errors: [{ file, ...syntax }] };
  }
  return checkTour(value, file, tourId(fileName), graph);
}

/**
 * Checks a value already read from JSON as the tour `id`, named `file` in messages. A `Tour`
 * (graph.json's `tours`) is checked as a file, without its `id`: a file has none.
 */
export function checkTour(value: unknown, file: string, id: string, graph: TourGraph): ParsedTour {
  const errors = schemaErrors(value, file);
  if (errors.length > 0) return { errors: capErrors(errors, file) };
  const { $schema: _editorsOnly, ...tour } = value as TourFile;
  const onGraph = graphErrors(tour, file, graph);
  if (onGraph.length > 0) return { errors: capErrors(onGraph, file) };
  return { tour: { id, ...tour } };
}

/** "data/tours/load-management.json" → "load-management". */
export function tourId(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base.replace(/\.json$/i, "");
}
