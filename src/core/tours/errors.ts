/**
 * What is wrong with a tour, as plain data that says where: the file, the step (from 1, as a
 * person counts them) and the field ("show.node"), or the line and column of a JSON syntax
 * error. One formatter makes the one-line message the build prints and the app shows.
 */

export interface TourError {
  /** The file (or, for a tour carried in a graph, `tour "id"`) the problem is in. */
  file: string;
  /** The step, counted from 1; absent for the tour's own fields. */
  step?: number;
  /** The field within the step (or the tour), dotted: "show.node", "filters.hide[1]". */
  field?: string;
  /** Where a JSON syntax error is, both from 1. */
  line?: number;
  column?: number;
  message: string;
}

/**
 * `data/tours/load-management.json: step 3: show.node: no node "entity:foo" in this graph`, or
 * for a syntax error `tour.json:3:14: expected "," or "}" after a property value`.
 */
export function formatTourError(error: TourError): string {
  const at = error.line === undefined ? error.file : `${error.file}:${error.line}:${error.column ?? 1}`;
  const parts = [at];
  if (error.step !== undefined) parts.push(`step ${error.step}`);
  if (error.field) parts.push(error.field);
  parts.push(error.message);
  return parts.join(": ");
}

/** The most errors one tour reports: past a few, more lines help nobody find the first. */
export const MAX_TOUR_ERRORS = 20;

/** Keeps the first `MAX_TOUR_ERRORS` errors, and says how many more there were. */
export function capErrors(errors: TourError[], file: string): TourError[] {
  if (errors.length <= MAX_TOUR_ERRORS) return errors;
  const more = errors.length - MAX_TOUR_ERRORS;
  return [...errors.slice(0, MAX_TOUR_ERRORS), { file, message: `and ${more} more problem${more === 1 ? "" : "s"}` }];
}

/** A place in a tour file, as the segments of a JSON path: ["steps", 2, "show", "node"]. */
export type TourPath = readonly (string | number)[];

/** An error at a place: inside a step, said as the step (from 1) and the field within it ("step 3", "show.node"). */
export function located(file: string, path: TourPath, message: string): TourError {
  if (path[0] === "steps" && typeof path[1] === "number") {
    const field = fieldName(path.slice(2));
    return { file, step: path[1] + 1, ...(field ? { field } : {}), message };
  }
  const field = fieldName(path);
  return { file, ...(field ? { field } : {}), message };
}

/** ["show", "concepts", 1] → "show.concepts[1]". */
function fieldName(path: readonly (string | number)[]): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${segment.length > 40 ? `${segment.slice(0, 39)}…` : segment}`)).join("");
}

/** The longest value a message quotes: a key or a name, not a pasted document. */
const MAX_QUOTED = 80;

/** A value as a message quotes it: JSON, cut to a readable length. */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
  return JSON.stringify(cut);
}

/** A file name as messages show it, cut when it is absurdly long. */
export function fileLabel(file: string): string {
  return file.length > 200 ? `…${file.slice(-199)}` : file;
}
