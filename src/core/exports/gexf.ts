/**
 * GEXF export, so a graph built here opens in Gephi (or Gephi Lite) with its layout, colours,
 * sizes and attributes. GEXF attributes are scalars (see ./flatten.ts): lists are joined with
 * " | ", and a mention's evidence is summarised by its weight (the number of mentions). Each node's
 * `community` is an integer attribute, so Gephi can partition and colour by it; the
 * communities' names and colours (graph attributes) have no place in GEXF's `<meta>`. A node's
 * places in the other views (`positions`) become numbers `concepts_x`, `concepts_y`, `articles_x`,
 * `articles_y`, since `<viz:position>` holds only one. Every edge carries its `kind` ("mentions",
 * "broader", "related", "cooccurs") and its other attributes that are scalars or lists of names (a
 * broader edge's `origin`, a related edge's `shared` concepts, a co-occurrence's `score`). The
 * graph is mixed: GEXF's default edge type is "directed" (mentions, broader), and related and
 * co-occurrence edges say `type="undirected"`.
 *
 * Gephi Lite reads the file with `graphology-gexf` (as the tests do): `label`, the `viz` colour,
 * size and position become the node's `label`, `color`, `size`, `x` and `y`, and every other
 * attribute keeps its name (`kind`, `type`, `community`, …). Text XML cannot carry (most control
 * characters) becomes U+FFFD (see ./xml.ts); everything else reads back as it was.
 *
 * The file is a function of the graph alone, so the same inputs give the same bytes: its
 * `<meta>` holds only the standard fields, and `lastmodifieddate` appears only when the graph
 * records a build time (`builtAt`, given by SOURCE_DATE_EPOCH), as that time's date.
 */
import type Graph from "graphology";
// The writer alone: the package's entry point brings an XML parser (xmldom) the page never needs.
import write from "graphology-gexf/common/writer.js";
import type { InsightGraph } from "../graph/build";
import type { EdgeAttributes, NodeAttributes } from "../graph/types";
import { flatEdge, flatNode, type Scalar } from "./flatten";
import { checkXmlKeys, escapeLineEnds, xmlSafe } from "./xml";

export { LIST_SEPARATOR } from "./flatten";

export const GEXF_CREATOR = "Insight Graph";

export function toGexf(graph: InsightGraph): string {
  checkXmlKeys(graph.nodes());
  checkXmlKeys(graph.edges());
  const gexf = write<NodeAttributes, EdgeAttributes>(withGexfMeta(graph), {
    version: "1.3",
    // Only creator, description and keywords become <meta> elements (GEXF's schema has no others).
    pedantic: true,
    formatNode(_key, attributes) {
      const { label, x, y, size, color, attributes: flat } = flatNode(attributes);
      return { label: xmlSafe(label), viz: { x, y, size, color }, attributes: xmlScalars(flat) };
    },
    formatEdge(_key, attributes) {
      const { weight, attributes: flat } = flatEdge(attributes);
      return { weight, attributes: xmlScalars(flat) };
    },
  });
  return escapeLineEnds(gexf);
}

/** Attribute values as GEXF holds them: text as XML can carry it, booleans as text, numbers as they are. */
function xmlScalars(flat: Record<string, Scalar>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(flat)) values[name] = typeof value === "number" ? value : xmlSafe(String(value));
  return values;
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
  const meta: GexfMeta = { creator: GEXF_CREATOR, description: xmlSafe(name) };
  if (builtAt !== undefined) meta.lastModifiedDate = builtAt.slice(0, 10);
  // copy() keeps the graph's attribute type; only the attributes change, so one cast is honest.
  const copy = graph.copy() as unknown as Graph<NodeAttributes, EdgeAttributes, GexfMeta>;
  copy.replaceAttributes(meta);
  return copy;
}
