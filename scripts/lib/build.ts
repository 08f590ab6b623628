/** The graph build as a function, shared by `npm run graph`, `ensure-graph` and the tests. */
import { basename } from "node:path";
import { parseDocument, formatForPath } from "../../src/core/parse/index";
import { createExtractor } from "../../src/core/extract/index";
import { buildGraph, type InsightGraph } from "../../src/core/graph/build";
import { assignLayout } from "../../src/core/graph/layout";
import { toGexf } from "../../src/core/graph/gexf";
import { loadLexicon } from "./lexicon";
import { CliError, inFile, readTextFile, writeFileAtomic } from "./cli";

export interface BuildRequest {
  input: string;
  out: string;
  /** "text" | "markdown" | "html"; by default from the input's extension. */
  format?: string;
  /** Also write the graph as GEXF (for Gephi) to this file. */
  gexf?: string;
}

export interface BuildSummary {
  out: string;
  articles: number;
  withInsights: number;
  entities: number;
  mentions: number;
  milliseconds: number;
}

export async function buildGraphFromFile(input: string, format?: string): Promise<InsightGraph> {
  const text = await readTextFile(input);
  const doc = inFile(input, () => parseDocument(text, formatForPath(input, format)));
  if (doc.entries.length === 0) throw new CliError("no entries found", input);
  const extraction = createExtractor(await loadLexicon()).extract(doc.entries);
  const graph = buildGraph(doc, extraction, { name: basename(input) });
  assignLayout(graph);
  return graph;
}

export async function buildGraphFile(request: BuildRequest): Promise<BuildSummary> {
  const started = performance.now();
  const graph = await buildGraphFromFile(request.input, request.format);
  await writeFileAtomic(request.out, JSON.stringify(graph.export()));
  if (request.gexf) await writeFileAtomic(request.gexf, toGexf(graph));
  let articles = 0;
  let withInsights = 0;
  graph.forEachNode((_, attr) => {
    if (attr.kind !== "article") return;
    articles++;
    if (attr.insights.length > 0) withInsights++;
  });
  return {
    out: request.out,
    articles,
    withInsights,
    entities: graph.order - articles,
    mentions: graph.size,
    milliseconds: performance.now() - started,
  };
}
