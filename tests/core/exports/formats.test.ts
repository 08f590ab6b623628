/**
 * What each export holds, on a small graph with every kind of node and edge (tests/app/fixtures):
 * the CSV tables' columns and rows, GraphML's declared types and directions, the file names an
 * export writes, and the subgraph a view exports.
 */
import { csvParse } from "d3-dsv";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { csvFileNames, exportFiles, isExportFormat, LIST_SEPARATOR, subgraph, toCsv, toGexf, toGraphml } from "../../../src/core/exports/index";
import { viewsGraph, POSTGRES_MVCC } from "../../app/data/views-fixture";
import { elementsNamed, readXml } from "./xml-reader";

const graph = viewsGraph();
graph.setAttribute("communities", [{ id: 0, name: "PostgreSQL · MVCC", size: 3, color: "#E69F00", concepts: [] }]);
graph.forEachNode((node) => graph.setNodeAttribute(node, "community", 0));
graph.setAttribute("tours", [{ id: "t", title: "T", steps: [] }] as never);

describe("CSV", () => {
  const { nodes, edges } = toCsv(graph);

  it("ends every record with CRLF and quotes only fields that need it (RFC 4180)", () => {
    expect(nodes.endsWith("\r\n")).toBe(true);
    expect(nodes.split("\r\n")[0]).toMatch(/^id,label,kind,type,community,community_name,x,y,size,color,/);
    expect(edges.split("\r\n")[0]).toBe("id,source,target,type,kind,weight,origin,score,shared,evidence");
  });

  it("gives an article its text fields and places, a concept its type and aliases, every node its region's name", () => {
    const rows = new Map(csvParse(nodes).map((row) => [row.id!, row]));
    const article = graph.getNodeAttributes(POSTGRES_MVCC);
    if (article.kind !== "article") throw new Error("fixture");
    const row = rows.get(POSTGRES_MVCC)!;
    expect(row).toMatchObject({ kind: "article", type: "", label: article.label, section: article.section, community: "0", community_name: "PostgreSQL · MVCC" });
    expect(row.insights).toBe(article.insights.join(LIST_SEPARATOR));
    expect([Number(row.articles_x), Number(row.articles_y)]).toEqual(article.positions!.articles);
    expect(row.concepts_x).toBe("");
    expect(rows.get("entity:postgresql")).toMatchObject({ kind: "entity", type: "technology", aliases: `Postgres${LIST_SEPARATOR}PG` });
  });

  it("spells a mention's evidence as the words found, and says which edges are directed", () => {
    const rows = csvParse(edges);
    const mention = rows.find((row) => row.id === `${POSTGRES_MVCC}->entity:postgresql`)!;
    expect(mention.type).toBe("directed");
    for (const words of mention.evidence!.split(LIST_SEPARATOR)) expect(["PostgreSQL", "Postgres", "PG"]).toContain(words);
    expect(rows.filter((row) => row.kind === "related" || row.kind === "cooccurs").every((row) => row.type === "undirected")).toBe(true);
    const related = rows.find((row) => row.kind === "related")!;
    expect(related.shared!.split(LIST_SEPARATOR).every((key) => graph.hasNode(key))).toBe(true);
  });
});

describe("GraphML", () => {
  const graphml = toGraphml(graph);
  const keys = elementsNamed(readXml(graphml), "key");
  const typeOf = (domain: string, name: string) => keys.find((key) => key.attributes.for === domain && key.attributes["attr.name"] === name)?.attributes["attr.type"];

  it("declares each attribute once, typed by its values", () => {
    expect(new Set(keys.map((key) => key.attributes.id)).size).toBe(keys.length);
    expect(typeOf("node", "label")).toBe("string");
    expect(typeOf("node", "x")).toBe("double");
    expect(typeOf("node", "r")).toBe("int");
    expect(typeOf("node", "articleCount")).toBe("int");
    expect(typeOf("edge", "weight")).toBe("double");
    expect(typeOf("graph", "name")).toBe("string");
  });

  it("marks the directed edges, the default being undirected", () => {
    const back = parseGraphml(Graph, graphml);
    graph.forEachEdge((edge, attributes) => {
      expect(back.isDirected(edge), edge).toBe(attributes.kind === "mentions" || attributes.kind === "broader");
    });
  });

  it("is the same bytes for the same graph", () => {
    expect(toGraphml(graph)).toBe(graphml);
  });
});

describe("subgraph", () => {
  const keep = new Set(graph.filterNodes((_node, attributes) => attributes.kind === "article" || attributes.label === "PostgreSQL"));
  const part = subgraph(graph, keep);

  it("keeps the nodes given, in the graph's order, and every edge between two of them, with its key and direction", () => {
    expect(part.nodes()).toEqual(graph.nodes().filter((node) => keep.has(node)));
    const between = graph.filterEdges((_edge, _attributes, source, target) => keep.has(source) && keep.has(target));
    expect(part.edges()).toEqual(between);
    for (const edge of between) {
      expect(part.isUndirected(edge)).toBe(graph.isUndirected(edge));
      expect(part.getEdgeAttributes(edge)).toEqual(graph.getEdgeAttributes(edge));
    }
    expect(between.some((edge) => graph.getEdgeAttribute(edge, "kind") === "related")).toBe(true);
  });

  it("keeps the graph's attributes but its tours, and leaves the graph as it was", () => {
    expect(part.getAttribute("communities")).toEqual(graph.getAttribute("communities"));
    expect(part.getAttribute("tours")).toBeUndefined();
    expect(graph.getAttribute("tours")).toHaveLength(1);
    part.setNodeAttribute(POSTGRES_MVCC, "label", "changed");
    expect(graph.getNodeAttribute(POSTGRES_MVCC, "label")).not.toBe("changed");
  });
});

describe("flattening", () => {
  it("writes an item's further links as their addresses, in GEXF and CSV alike (never as [object Object])", () => {
    const withLinks = graph.copy();
    withLinks.mergeNodeAttributes(POSTGRES_MVCC, {
      links: [
        { text: "talk", url: "https://example.org/talk" },
        { text: "translation", url: "https://example.org/fr" },
      ],
    });
    const expected = `https://example.org/talk${LIST_SEPARATOR}https://example.org/fr`;
    expect(csvParse(toCsv(withLinks).nodes).find((row) => row.id === POSTGRES_MVCC)!.links).toBe(expected);
    expect(parseGexf(Graph, toGexf(withLinks)).getNodeAttribute(POSTGRES_MVCC, "links")).toBe(expected);
  });
});

describe("exportFiles", () => {
  it("writes one file named as asked, or for CSV two named after it", () => {
    expect(exportFiles(graph, "gexf", "out/g.gexf").map((file) => file.name)).toEqual(["out/g.gexf"]);
    expect(exportFiles(graph, "csv", "out/g.csv").map((file) => file.name)).toEqual(["out/g.nodes.csv", "out/g.edges.csv"]);
    expect(csvFileNames("graph")).toEqual({ nodes: "graph.nodes.csv", edges: "graph.edges.csv" });
    expect(csvFileNames("a.b.CSV")).toEqual({ nodes: "a.b.nodes.csv", edges: "a.b.edges.csv" });
    expect(exportFiles(graph, "json", "g.json")[0]!.type).toMatch(/^application\/json/);
  });

  it("knows its formats", () => {
    expect(["gexf", "graphml", "csv", "json"].every(isExportFormat)).toBe(true);
    expect(isExportFormat("xlsx")).toBe(false);
  });
});
