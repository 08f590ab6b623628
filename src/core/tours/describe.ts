/**
 * A step's name for a step list, a presenter view or a hand-out: its own title when it has one,
 * else a name made from what it shows. Names come from the caller (`labelOf`), so the same
 * function serves the app (node labels in the graph) and anything that only has a tour file.
 */
import type { TourStep } from "./types";

/** A node's label, or undefined when the caller does not know the node. */
export type LabelOf = (key: string) => string | undefined;

/**
 * "PostgreSQL"; "PostgreSQL and MVCC" (all) or "PostgreSQL or MVCC" (any); "From Uber's load
 * shedding to CoDel"; "The region of PostgreSQL". A node `labelOf` does not know is named by its
 * key without the kind ("entity:foo" → "foo"), so a step of an imported tour still reads.
 */
export function describeStep(step: TourStep, labelOf: LabelOf): string {
  const title = step.title?.trim();
  if (title) return title;
  const name = (key: string) => nameOf(key, labelOf);
  const show = step.show;
  if ("node" in show) return name(show.node);
  if ("concepts" in show) return listed(show.concepts.map(name), show.match === "any" ? "or" : "and");
  if ("path" in show) return `From ${name(show.path.from)} to ${name(show.path.to)}`;
  return `The region of ${name(show.regionOf)}`;
}

function nameOf(key: string, labelOf: LabelOf): string {
  const label = labelOf(key)?.trim();
  if (label) return label;
  const colon = key.indexOf(":");
  return colon >= 0 && colon < key.length - 1 ? key.slice(colon + 1) : key;
}

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[], conjunction: "and" | "or"): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)}`;
}
