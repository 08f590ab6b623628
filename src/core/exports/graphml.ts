/**
 * GraphML export (http://graphml.graphdrawing.org/), for yEd, Cytoscape, NetworkX, igraph and
 * Gephi. graphology-graphml reads GraphML but writes none, so this writes it, and the tests read
 * it back with graphology-graphml's parser and with an independent XML reader.
 *
 * Each attribute is declared once by a `<key>` (`d0`, `d1`, … in the order first met) with its
 * `attr.name` and `attr.type`: `int` when every value is a 32-bit integer, `double` for other
 * numbers, `boolean`, or `string` (also when one name holds values of different types). A node
 * carries `label`, `x`, `y`, `size` and its colour as `r`, `g`, `b` (the names Gephi's GraphML
 * reader and graphology-graphml turn back into a position, a size and a colour; a colour that is
 * not `#rrggbb` stays a `color` string), then its other attributes as the GEXF export flattens
 * them (see ./flatten.ts). The graph's name is a graph attribute `name`.
 *
 * The graph is mixed: `edgedefault="undirected"`, and each directed edge (mentions, broader)
 * says `directed="true"`. That way round because graphology-graphml reads an edge's `directed`
 * only when it is "true". Text XML cannot carry becomes U+FFFD (see ./xml.ts); the same graph
 * gives the same bytes.
 */
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../graph/types";
import { flatEdge, flatNode, type Scalar } from "./flatten";
import { checkXmlKeys, xmlAttribute, xmlContent } from "./xml";

type GraphmlType = "boolean" | "int" | "double" | "string";
type Domain = "graph" | "node" | "edge";

/** The graph as GraphML. */
export function toGraphml(graph: Graph<NodeAttributes, EdgeAttributes, Attributes>): string {
  checkXmlKeys(graph.nodes());
  checkXmlKeys(graph.edges());
  const keys = new KeyTable();

  const graphData = keys.data("graph", { name: String(graph.getAttribute("name") ?? "") });
  const nodes: string[] = [];
  graph.forEachNode((node, attributes) => {
    const { label, x, y, size, color, attributes: rest } = flatNode(attributes);
    const data = keys.data("node", { label, x, y, size, ...colourData(color), ...rest });
    nodes.push(`    <node id="${xmlAttribute(node)}">${data}</node>`);
  });
  const edges: string[] = [];
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    const { weight, attributes: rest } = flatEdge(attributes);
    const data = keys.data("edge", { ...rest, weight });
    const directed = undirected ? "" : ' directed="true"';
    edges.push(`    <edge id="${xmlAttribute(edge)}" source="${xmlAttribute(source)}" target="${xmlAttribute(target)}"${directed}>${data}</edge>`);
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.declarations(),
    `  <graph id="G" edgedefault="undirected">${graphData}`,
    ...nodes,
    ...edges,
    "  </graph>",
    "</graphml>",
    "",
  ].join("\n");
}

/** `#rrggbb` (or `#rgb`) as the integer channels `r`, `g`, `b`; any other colour as the string it is. */
function colourData(color: string): Record<string, Scalar> {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color)?.[1];
  if (hex === undefined) return color ? { color } : {};
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  return { r: parseInt(full.slice(0, 2), 16), g: parseInt(full.slice(2, 4), 16), b: parseInt(full.slice(4, 6), 16) };
}

/**
 * The `<key>` declarations, filled as the data is written: each (domain, name) gets an id, and
 * its type is widened as values come (an int column that meets 0.5 becomes double; one that meets
 * text becomes string). The data is written before the types are final, so each value is written
 * in a form every type it can end as reads back the same: numbers in JavaScript's shortest
 * round-trip form, which `int`, `double` and `string` readers all take.
 */
class KeyTable {
  private readonly keys = new Map<string, { id: string; domain: Domain; name: string; type: GraphmlType }>();

  data(domain: Domain, values: Record<string, Scalar | undefined>): string {
    let out = "";
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) continue;
      const key = this.declare(domain, name, typeOf(value));
      out += `<data key="${key}">${xmlContent(String(value))}</data>`;
    }
    return out;
  }

  declarations(): string[] {
    return [...this.keys.values()].map(
      ({ id, domain, name, type }) => `  <key id="${id}" for="${domain}" attr.name="${xmlAttribute(name)}" attr.type="${type}"/>`,
    );
  }

  private declare(domain: Domain, name: string, type: GraphmlType): string {
    const slot = `${domain}\u0000${name}`;
    const known = this.keys.get(slot);
    if (known === undefined) {
      const id = `d${this.keys.size}`;
      this.keys.set(slot, { id, domain, name, type });
      return id;
    }
    known.type = wider(known.type, type);
    return known.id;
  }
}

function typeOf(value: Scalar): GraphmlType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "string";
  return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? "int" : "double";
}

/** The type that holds values of both: int and double make double; anything else mixed makes string. */
function wider(a: GraphmlType, b: GraphmlType): GraphmlType {
  if (a === b) return a;
  if ((a === "int" && b === "double") || (a === "double" && b === "int")) return "double";
  return "string";
}
