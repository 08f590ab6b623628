/**
 * The graph's attributes as the scalars that GEXF, GraphML and CSV hold. Lists of names (an
 * article's insights, a concept's aliases, a related edge's shared concepts) are joined with
 * LIST_SEPARATOR; an item's further links become their addresses, joined the same way; a node's
 * places in the views other than the map (`positions`) become numbers `concepts_x`,
 * `concepts_y`, `articles_x`, `articles_y`, since the formats' own position holds only one. Lists
 * of records (a mention's evidence) have no scalar form and are left out: an edge's `weight`
 * counts them, and the CSV export spells them out (see ./csv.ts).
 */
import type { EdgeAttributes, NodeAttributes, ViewPositions } from "../graph/types";

export const LIST_SEPARATOR = " | ";

/** The views whose places a node carries in `positions`, in column order. */
export const POSITIONED_VIEWS: readonly (keyof ViewPositions)[] = ["concepts", "articles"];

export type Scalar = string | number | boolean;

/** A node as the XML formats write it: what they hold in their own fields, and the rest as named scalars. */
export interface FlatNode {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  attributes: Record<string, Scalar>;
}

/** `value` as one scalar, or undefined when it has none (absent, or a list of records). */
export function flatValue(value: unknown): Scalar | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (!Array.isArray(value)) return undefined;
  if (value.every((item) => typeof item === "string")) return value.join(LIST_SEPARATOR);
  if (value.every(isLink)) return value.map((link) => link.url).join(LIST_SEPARATOR);
  return undefined;
}

function isLink(item: unknown): item is { url: string } {
  return typeof item === "object" && item !== null && typeof (item as { url?: unknown }).url === "string";
}

export function flatNode(attributes: NodeAttributes): FlatNode {
  const { x, y, size, color, label, positions, ...rest } = attributes;
  const flat: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(rest)) {
    const scalar = flatValue(value);
    if (scalar !== undefined) flat[name] = scalar;
  }
  for (const view of POSITIONED_VIEWS) {
    const place = positions?.[view];
    if (place === undefined) continue;
    flat[`${view}_x`] = place[0];
    flat[`${view}_y`] = place[1];
  }
  return { label, x, y, size, color, attributes: flat };
}

/** An edge's attributes but its weight, as named scalars (its `kind` among them). */
export function flatEdge(attributes: EdgeAttributes): { weight: number; attributes: Record<string, Scalar> } {
  const { weight, ...rest } = attributes;
  const flat: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(rest)) {
    const scalar = flatValue(value);
    if (scalar !== undefined) flat[name] = scalar;
  }
  return { weight, attributes: flat };
}
