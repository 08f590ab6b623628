/**
 * The tours graph.json carries (graph attribute `tours`). The build checks them, but a
 * graph.json may come from anywhere (an older build, another tool, a hand edit), so the app
 * checks each again with the same rules and keeps the good ones: one bad tour costs that tour,
 * with a message, never the page.
 */
import { checkTour, formatTourError, tourGraphOf, type TourGraph } from "../../core/tours/index";
import { quoted } from "../../core/tours/errors";
import type { Tour } from "../../core/tours/types";
import type { AppGraph } from "../data/graph";

export interface GraphTours {
  /** The graph's tours that pass every check, in the graph's order. */
  tours: Tour[];
  /** One line for each tour dropped, or for what made the attribute unusable. */
  problems: string[];
}

/** The most problems reported: a graph with hundreds of bad tours needs one look, not a scroll. */
const MAX_PROBLEMS = 10;

export function toursOf(graph: AppGraph): GraphTours {
  const carried: unknown = graph.getAttribute("tours");
  if (carried === undefined) return { tours: [], problems: [] };
  if (!Array.isArray(carried)) return { tours: [], problems: ["graph.json: tours: expected a list of tours; none shown"] };
  const tours: Tour[] = [];
  const problems: string[] = [];
  const on = tourGraphOf(graph);
  for (const [i, value] of carried.entries()) {
    const checked = checkCarried(value, on);
    const id = checked.tour?.id;
    if (checked.problem !== undefined) problems.push(`graph.json: tours[${i}]: ${checked.problem}; the tour is dropped`);
    else if (tours.some((tour) => tour.id === id)) problems.push(`graph.json: tours[${i}]: a second tour with the id ${quoted(id)}; the tour is dropped`);
    else tours.push(checked.tour);
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, `and ${more} more tour${more === 1 ? "" : "s"} dropped`);
  }
  return { tours, problems };
}

/** One carried tour checked: the tour, or why not (a schema or graph problem said where it is). */
function checkCarried(value: unknown, on: TourGraph): { tour: Tour; problem?: never } | { problem: string; tour?: never } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: "not a tour" };
  const { id, ...file } = value as Record<string, unknown>;
  if (typeof id !== "string" || id === "") return { problem: "no id" };
  const checked = checkTour(file, `tour ${quoted(id)}`, id, on);
  return checked.errors ? { problem: formatTourError(checked.errors[0]!) } : { tour: checked.tour };
}
