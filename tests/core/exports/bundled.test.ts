/**
 * The exports of the bundled graph (public/graph.json, which `npm run graph` builds) read back:
 * GEXF with graphology-gexf (what Gephi Lite reads it with), GraphML with graphology-graphml, both
 * also with an independent XML reader (htmlparser2), CSV with d3-dsv's parser, JSON with
 * graphology. Each gives the same nodes, labels and edges as the graph.
 */
import { readFile } from "node:fs/promises";
import { csvParse } from "d3-dsv";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { SerializedGraph } from "graphology-types";
import { beforeAll, describe, expect, it } from "vitest";
import { EDGE_COLUMNS, NODE_COLUMNS, toCsv, toGexf, toGraphml, toJson } from "../../../src/core/exports/index";
import type { InsightGraph } from "../../../src/core/graph/build";
import { DEFAULT_GRAPH } from "../../../scripts/lib/paths";
import { elementsNamed, readXml } from "./xml-reader";

let graph: InsightGraph;
/** Each node's label, by key. */
let labels: Map<string, string>;
/** Each edge as "source target directed?", sorted. */
let edges: string[];

beforeAll(async () => {
  const text = await readFile(DEFAULT_GRAPH, "utf8").catch(() => {
    throw new Error(`${DEFAULT_GRAPH} is missing: run npm run graph`);
  });
  graph = Graph.from(JSON.parse(text) as SerializedGraph) as InsightGraph;
  labels = new Map(graph.mapNodes((node, attributes) => [node, attributes.label]));
  edges = graph.mapEdges((_edge, _attributes, source, target, _s, _t, undirected) => `${source} ${target} ${!undirected}`).sort();
});

const edgeList = (back: Graph) => back.mapEdges((_e, _a, source, target, _s, _t, undirected) => `${source} ${target} ${!undirected}`).sort();

describe("GEXF of the bundled graph", () => {
  it("reads back with graphology-gexf: the same nodes, labels, colours, sizes, positions, kinds and edges", () => {
    const back = parseGexf(Graph, toGexf(graph));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    graph.forEachNode((node, attributes) => {
      const read = back.getNodeAttributes(node);
      expect(read.label).toBe(attributes.label);
      expect(read.kind).toBe(attributes.kind);
      expect(read.community).toBe(attributes.community);
      expect(read.color).toBe(attributes.color);
      expect([read.x, read.y, read.size]).toEqual([attributes.x, attributes.y, attributes.size]);
      if (attributes.kind === "entity") expect(read.type).toBe(attributes.type);
    });
    expect(edgeList(back)).toEqual(edges);
    expect(new Set(back.mapEdges((_e, attributes) => attributes.kind as string))).toEqual(new Set(graph.mapEdges((_e, a) => a.kind)));
  });

  it("reads back with an independent XML reader: the same node ids, labels and edge ends", () => {
    const document = readXml(toGexf(graph));
    const nodes = elementsNamed(document, "node");
    expect(nodes).toHaveLength(graph.order);
    expect(new Map(nodes.map((node) => [node.attributes.id!, node.attributes.label!]))).toEqual(labels);
    const read = elementsNamed(document, "edge").map((edge) => `${edge.attributes.source} ${edge.attributes.target} ${edge.attributes.type !== "undirected"}`);
    expect(read.sort()).toEqual(edges);
  });
});

describe("GraphML of the bundled graph", () => {
  it("reads back with graphology-graphml: the same nodes, labels, colours, positions, kinds and edges, directed or not", () => {
    const back = parseGraphml(Graph, toGraphml(graph));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    graph.forEachNode((node, attributes) => {
      const read = back.getNodeAttributes(node);
      expect(read.label).toBe(attributes.label);
      expect(read.kind).toBe(attributes.kind);
      expect(read.color).toBe(attributes.color.toLowerCase());
      expect([read.x, read.y, read.size]).toEqual([attributes.x, attributes.y, attributes.size]);
    });
    expect(edgeList(back)).toEqual(edges);
    graph.forEachEdge((edge, attributes) => {
      expect(back.getEdgeAttribute(edge, "kind")).toBe(attributes.kind);
      expect(back.getEdgeAttribute(edge, "weight")).toBe(attributes.weight);
    });
    expect(back.getAttribute("name")).toBe(graph.getAttribute("name"));
  });

  it("reads back with an independent XML reader: the same node ids, labels and edge ends", () => {
    const document = readXml(toGraphml(graph));
    const labelKey = elementsNamed(document, "key").find((key) => key.attributes.for === "node" && key.attributes["attr.name"] === "label")!;
    expect(labelKey.attributes["attr.type"]).toBe("string");
    const nodes = elementsNamed(document, "node");
    expect(nodes).toHaveLength(graph.order);
    const read = new Map(
      nodes.map((node) => [node.attributes.id!, node.children.find((data) => data.attributes.key === labelKey.attributes.id)!.text]),
    );
    expect(read).toEqual(labels);
    const ends = elementsNamed(document, "edge").map((edge) => `${edge.attributes.source} ${edge.attributes.target} ${edge.attributes.directed === "true"}`);
    expect(ends.sort()).toEqual(edges);
  });
});

describe("CSV of the bundled graph", () => {
  it("reads back with d3-dsv: a row a node with its label, a row an edge with its ends, every column named", () => {
    const { nodes, edges: edgeTable } = toCsv(graph);
    const nodeRows = csvParse(nodes);
    expect(nodeRows.columns).toEqual([...NODE_COLUMNS]);
    expect(new Map(nodeRows.map((row) => [row.id!, row.label!]))).toEqual(labels);
    const edgeRows = csvParse(edgeTable);
    expect(edgeRows.columns).toEqual([...EDGE_COLUMNS]);
    expect(edgeRows.map((row) => `${row.source} ${row.target} ${row.type === "directed"}`).sort()).toEqual(edges);
    for (const row of nodeRows) {
      const attributes = graph.getNodeAttributes(row.id!);
      expect([Number(row.x), Number(row.y), Number(row.size), row.color]).toEqual([attributes.x, attributes.y, attributes.size, attributes.color]);
    }
  });
});

describe("JSON of the bundled graph", () => {
  it("is graph.json's own form: graphology reads it back to the same serialisation", () => {
    expect(Graph.from(JSON.parse(toJson(graph)) as SerializedGraph).export()).toEqual(graph.export());
  });
});
