/**
 * The graph's downloads as files: the whole graph, or the part the map shows now (its filters,
 * its view, the concepts its zoom reveals, and what is lit), with the edges between the nodes
 * kept (see core/exports/subgraph). The menu loads this module only when a download is chosen,
 * so the exports' code stays out of the page's first load.
 */
import { exportFiles, subgraph } from "../../core/exports/index";
import type { AppGraph } from "../data/graph";
import { graphFileName, type GraphDownload } from "./choices";

export interface GraphFile {
  name: string;
  text: string;
  /** Its media type, for the Blob. */
  type: string;
}

/** `download` of the whole graph (`shown` null) or of the nodes in `shown`. */
export function graphFile(graph: AppGraph, shown: ReadonlySet<string> | null, download: GraphDownload): GraphFile {
  const scope = shown === null ? "whole" : "view";
  const part = shown === null ? graph : subgraph(graph, shown);
  const name = graphFileName(scope, download);
  // A CSV export is two files named after one; the download is the one of the table asked for.
  const files = exportFiles(part, download.format, graphFileName(scope, { format: download.format }));
  const file = files.find((candidate) => candidate.name === name);
  if (file === undefined) throw new Error(`no ${name} in the ${download.format} export`);
  return file;
}
