/**
 * GEXF export, so a graph built here opens in Gephi (or Gephi Lite) with its layout, colours,
 * sizes and attributes. GEXF attributes are scalars: lists are joined with " | ", and a
 * mention's evidence is summarised by its weight (the number of mentions). Each node's
 * `community` is an integer attribute, so Gephi can partition and colour by it; the
 * communities' names and colours (graph attributes) have no place in GEXF's `<meta>`. A node's
 * places in the other views (`positions`) become numbers `concepts_x`, `concepts_y`, `articles_x`,
 * `articles_y`, since `<viz:position>` holds only one. Every edge carries its `kind` ("mentions",
 * "broader", "related", "cooccurs") and its other attributes that are scalars or lists of names (a
 * broader edge's `origin`, a related edge's `shared` concepts, a co-occurrence's `score`). The
 * graph is mixed: GEXF's default edge type is "directed" (mentions, broader), and related and
 * co-occurrence edges say `type="undirected"`.
 *
 * The file is a function of the graph alone, so the same inputs give the same bytes: its
 * `<meta>` holds only the standard fields, and `lastmodifieddate` appears only when the graph
 * records a build time (`builtAt`, given by SOURCE_DATE_EPOCH), as that time's date.
 */
import type Graph from "graphology";
import { write } from "graphology-gexf";
import type { InsightGraph } from "./build";
import type { EdgeAttributes, NodeAttributes, ViewPositions } from "./types";

export const LIST_SEPARATOR = " | ";

export const GEXF_CREATOR = "Insight Graph";

const POSITIONED_VIEWS: readonly (keyof ViewPositions)[] = ["concepts", "articles"];

export function toGexf(graph: InsightGraph): string {
  return write<NodeAttributes, EdgeAttributes>(withGexfMeta(graph), {
    version: "1.3",
    // Only creator, description and keywords become <meta> elements (GEXF's schema has no others).
    pedantic: true,
    formatNode(_key, attributes) {
      const { x, y, size, color, label, positions, ...rest } = attributes;
      const flat: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(rest)) {
        if (value === undefined) continue;
        flat[name] = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
      }
      for (const view of POSITIONED_VIEWS) {
        const place = positions?.[view];
        if (place === undefined) continue;
        flat[`${view}_x`] = place[0];
        flat[`${view}_y`] = place[1];
      }
      return { label, viz: { x, y, size, color }, attributes: flat };
    },
    formatEdge(_key, attributes) {
      const { weight, ...rest } = attributes;
      const flat: Record<string, string | number> = {};
      // Lists of records (a mention's evidence) have no GEXF form; weight stands for them.
      for (const [name, value] of Object.entries(rest)) {
        if (typeof value === "string" || typeof value === "number") flat[name] = value;
        else if (Array.isArray(value) && value.every((item) => typeof item === "string")) flat[name] = value.join(LIST_SEPARATOR);
      }
      return { weight, attributes: flat };
    },
  });
}

/** What GEXF's <meta> can say; graphology-gexf writes `lastModifiedDate` as `lastmodifieddate`. */
interface GexfMeta {
  [name: string]: string | undefined;
  creator: string;
  description: string;
  /** A date (xsd:date), as GEXF's schema wants it. */
  lastModifiedDate?: string;
}

/** A shallow copy of the graph whose graph attributes are its GEXF <meta>. */
function withGexfMeta(graph: InsightGraph): Graph<NodeAttributes, EdgeAttributes, GexfMeta> {
  const { name, builtAt } = graph.getAttributes();
  const meta: GexfMeta = { creator: GEXF_CREATOR, description: name };
  if (builtAt !== undefined) meta.lastModifiedDate = builtAt.slice(0, 10);
  // copy() keeps the graph's attribute type; only the attributes change, so one cast is honest.
  const copy = graph.copy() as unknown as Graph<NodeAttributes, EdgeAttributes, GexfMeta>;
  copy.replaceAttributes(meta);
  return copy;
}
