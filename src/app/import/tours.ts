/**
 * Tours made in this browser name the nodes of the graph they were made on (the bundled one,
 * mostly). On a graph imported in the page, only those whose every step names nodes of that
 * graph are offered; the others are counted in one quiet sentence, not listed as errors.
 */
import { graphErrors } from "../../core/tours/graph";
import type { Tour } from "../../core/tours/types";
import type { AppGraph } from "../data/graph";

export interface FittingTours {
  tours: Tour[];
  /** How many were left out. */
  left: number;
}

export function toursFitting(tours: readonly Tour[], graph: AppGraph): FittingTours {
  // Only "are its nodes here, of the right kind": the rest of the checks are the player's, as on the bundled graph.
  const on = {
    hasNode: (key: string) => graph.hasNode(key),
    isConcept: (key: string) => graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === "entity",
  };
  const fitting = tours.filter((tour) => graphErrors(tour, tour.id, on).length === 0);
  return { tours: fitting, left: tours.length - fitting.length };
}

/** The sentence for tours left out, or "" when none were. */
export function leftOutNotice(left: number): string {
  if (left === 0) return "";
  return left === 1
    ? "1 tour made in this browser is for another graph and is not shown here."
    : `${left} tours made in this browser are for another graph and are not shown here.`;
}
