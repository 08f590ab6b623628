/**
 * The build's side of tours: the tour files of a folder read in name order and checked, each
 * against the tour schema and against the graph just built (src/core/tours), so a tour that
 * names a missing node stops the build with one line that names the file, the step and the node.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { InsightGraph } from "../../src/core/graph/build";
import { formatTourError, parseTour, tourGraphOf, type Tour, type TourError } from "../../src/core/tours/index";
import { CliError, readTextFile } from "./cli";

/** The schema lives beside the tours (editors find it there); it is not a tour. */
export const TOUR_SCHEMA_FILE = "tour.schema.json";

/** The tour files in `dir`: its `*.json` files but the schema, sorted by name (code point order, the same on every machine). */
export async function tourFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(error.code === "ENOENT" ? "no such folder of tours" : error.code === "ENOTDIR" ? "not a folder of tours" : error.message, dir);
  });
  return entries
    .filter((entry) => entry.name.endsWith(".json") && entry.name !== TOUR_SCHEMA_FILE && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

/**
 * Every tour in `dir`, checked on `graph`, in file-name order; ids are the files' base names.
 * Any problem in any file fails the whole build: the first one is reported, and whether there
 * are more, so the message stays one line.
 */
export async function readTours(dir: string, graph: InsightGraph): Promise<Tour[]> {
  const on = tourGraphOf(graph);
  const tours: Tour[] = [];
  const errors: TourError[] = [];
  let failing = 0;
  for (const file of await tourFiles(dir)) {
    const parsed = parseTour(await readTextFile(file), file, on);
    if (parsed.tour) tours.push(parsed.tour);
    else {
      errors.push(...parsed.errors);
      failing += 1;
    }
  }
  if (errors.length === 0) return tours;
  const more = errors.length > 1 ? ` (and more problems, in ${failing} tour file${failing === 1 ? "" : "s"})` : "";
  throw new CliError(formatTourError(errors[0]!) + more);
}
