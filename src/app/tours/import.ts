/**
 * A tour file chosen in the browser, read as the build reads `data/tours/*.json` (the same
 * `parseTour`: its JSON, the schema, this graph), and given a local id so it is kept and edited
 * like a tour made here. A file that is not a tour is refused with what is wrong and where: the
 * file and line:column for broken JSON, the step and field for a tour that does not fit.
 */
import { parseTour, tourGraphOf, type TourError } from "../../core/tours";
import type { Tour } from "../../core/tours/types";
import type { AppGraph } from "../data/graph";
import { localTourId } from "./storage";

/** What the import needs of a chosen file (a `File` has both). */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * The largest file read. A tour is a few kilobytes; a picked file can be anything, and reading a
 * video into a string to say "not JSON" would hang the page.
 */
export const MAX_TOUR_FILE_BYTES = 1_000_000;

/**
 * The tour in `file`, with a new local id (its title's slug, numbered past `taken`), or its
 * errors. Never throws: a file that cannot be read is an error too.
 */
export async function importTourFile(
  file: ChosenFile,
  graph: AppGraph,
  taken: Iterable<string>,
): Promise<{ tour: Tour } | { errors: TourError[] }> {
  const name = file.name || "the chosen file";
  if (file.size > MAX_TOUR_FILE_BYTES) {
    return { errors: [{ file: name, message: `too large for a tour (${Math.ceil(file.size / 1000).toLocaleString("en")} kB; at most ${MAX_TOUR_FILE_BYTES / 1000} kB)` }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { errors: [{ file: name, message: "the file could not be read" }] };
  }
  const parsed = parseTour(text, name, tourGraphOf(graph));
  if (parsed.errors) return { errors: parsed.errors };
  return { tour: { ...parsed.tour, id: localTourId(parsed.tour.title, taken) } };
}
