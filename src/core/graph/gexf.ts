/**
 * GEXF export, so a graph built here opens in Gephi (or Gephi Lite) with its layout, colours,
 * sizes and attributes. GEXF attributes are scalars: lists are joined with " | ", and each
 * edge's evidence is summarised by its weight (the number of mentions).
 */
import { write } from "graphology-gexf";
import type { InsightGraph } from "./build";
import type { EdgeAttributes, NodeAttributes } from "./types";

export const LIST_SEPARATOR = " | ";

export function toGexf(graph: InsightGraph): string {
  return write<NodeAttributes, EdgeAttributes>(graph, {
    version: "1.3",
    formatNode(_key, attributes) {
      const { x, y, size, color, label, ...rest } = attributes;
      const flat: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(rest)) {
        if (value === undefined) continue;
        flat[name] = Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
      }
      return { label, viz: { x, y, size, color }, attributes: flat };
    },
    formatEdge(_key, attributes) {
      return { weight: attributes.weight, attributes: { kind: attributes.kind } };
    },
  });
}
