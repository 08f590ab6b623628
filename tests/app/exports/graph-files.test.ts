/**
 * The graph's downloads (src/app/exports/graph-files.ts): the whole graph, or the filtered view:
 * the nodes the filters leave (data/filters visibleNodes) and the edges between them.
 */
import { csvParse } from "d3-dsv";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { SerializedGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import { GRAPH_DOWNLOADS, graphFileName, type GraphDownload } from "../../../src/app/exports/choices";
import { graphFile } from "../../../src/app/exports/graph-files";
import { DEFAULT_FILTERS, visibleNodes } from "../../../src/app/data/filters";
import { viewsGraph } from "../data/views-fixture";

const graph = viewsGraph();
const download = (id: GraphDownload["id"]) => GRAPH_DOWNLOADS.find((item) => item.id === id)!;
/** A filtered view: no technologies, and every concept however rare. */
const shown = visibleNodes(graph, { ...DEFAULT_FILTERS, hiddenTypes: ["technology"], showRare: true });

describe("graph downloads", () => {
  it("offers every format, CSV as its two tables, each named by scope", () => {
    expect(GRAPH_DOWNLOADS.map((item) => item.id)).toEqual(["gexf", "graphml", "csv-nodes", "csv-edges", "json"]);
    expect(graphFileName("whole", download("gexf"))).toBe("insight-graph.gexf");
    expect(graphFileName("view", download("csv-nodes"))).toBe("insight-graph-view.nodes.csv");
    expect(graphFileName("view", download("csv-edges"))).toBe("insight-graph-view.edges.csv");
    expect(graphFileName("whole", download("json"))).toBe("insight-graph.json");
  });

  it("holds the whole graph when no view is given", () => {
    const file = graphFile(graph, null, download("json"));
    expect(file.name).toBe("insight-graph.json");
    expect(Graph.from(JSON.parse(file.text) as SerializedGraph).export()).toEqual(graph.export());
  });

  it("holds, for the filtered view, exactly the nodes shown and the edges between them", () => {
    expect(shown.size).toBeGreaterThan(0);
    expect(shown.size).toBeLessThan(graph.order);
    const nodes = csvParse(graphFile(graph, shown, download("csv-nodes")).text);
    expect(new Set(nodes.map((row) => row.id))).toEqual(shown);
    expect(nodes.some((row) => row.type === "technology")).toBe(false);

    const between = graph.filterEdges((_edge, _attributes, source, target) => shown.has(source) && shown.has(target));
    const edges = csvParse(graphFile(graph, shown, download("csv-edges")).text);
    expect(edges.map((row) => row.id).sort()).toEqual(between.sort());

    const gexf = graphFile(graph, shown, download("gexf"));
    expect(gexf.name).toBe("insight-graph-view.gexf");
    const back = parseGexf(Graph, gexf.text);
    expect([back.order, back.size]).toEqual([shown.size, between.length]);
  });

  it("gives each file the media type its download needs", () => {
    expect(graphFile(graph, null, download("csv-nodes")).type).toMatch(/^text\/csv/);
    expect(graphFile(graph, null, download("graphml")).type).toMatch(/xml/);
  });
});
