/**
 * The graph's exports, for the command line (`npm run graph -- --export FORMAT --out FILE`) and
 * the page's Export menu: one module a format, each a pure function from a graph (or a
 * `subgraph` of it: what a view shows) to text.
 * - gexf: GEXF 1.3, for Gephi and Gephi Lite (./gexf.ts);
 * - graphml: GraphML, for yEd, Cytoscape, NetworkX, igraph (./graphml.ts);
 * - csv: two files, nodes and edges, RFC 4180 (./csv.ts, which lists the columns);
 * - json: graphology's serialisation, the form of graph.json (./json.ts).
 */
import type { InsightGraph } from "../graph/build";
import { toCsv } from "./csv";
import { toGexf } from "./gexf";
import { toGraphml } from "./graphml";
import { toJson } from "./json";

export { toCsv, NODE_COLUMNS, EDGE_COLUMNS, type CsvTables } from "./csv";
export { toGexf, GEXF_CREATOR } from "./gexf";
export { toGraphml } from "./graphml";
export { toJson } from "./json";
export { subgraph } from "./subgraph";
export { LIST_SEPARATOR } from "./flatten";

export const EXPORT_FORMATS = ["gexf", "graphml", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** One file of an export: its name, its text and its media type (for a download). */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  gexf: "application/gexf+xml;charset=utf-8",
  graphml: "application/graphml+xml;charset=utf-8",
  csv: "text/csv;charset=utf-8",
  json: "application/json;charset=utf-8",
};

/**
 * The files of `graph` exported as `format`, the export named `name`: that one file, or for CSV
 * two beside it (see `csvFileNames`).
 */
export function exportFiles(graph: InsightGraph, format: ExportFormat, name: string): ExportFile[] {
  const type = MEDIA_TYPES[format];
  switch (format) {
    case "gexf":
      return [{ name, text: toGexf(graph), type }];
    case "graphml":
      return [{ name, text: toGraphml(graph), type }];
    case "json":
      return [{ name, text: toJson(graph), type }];
    case "csv": {
      const tables = toCsv(graph);
      const names = csvFileNames(name);
      return [
        { name: names.nodes, text: tables.nodes, type },
        { name: names.edges, text: tables.edges, type },
      ];
    }
  }
}

/**
 * The two CSV files an export named `name` writes: `graph.csv` → `graph.nodes.csv` and
 * `graph.edges.csv` (a name without `.csv` gets it: `graph` → `graph.nodes.csv`). Works on the
 * name as given, so a path keeps its folder.
 */
export function csvFileNames(name: string): { nodes: string; edges: string } {
  const stem = name.replace(/\.csv$/i, "");
  return { nodes: `${stem}.nodes.csv`, edges: `${stem}.edges.csv` };
}
