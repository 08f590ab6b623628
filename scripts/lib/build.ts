/** The graph build as a function, shared by `npm run graph`, `ensure-graph` and the tests. */
import { basename } from "node:path";
import { formatForPath } from "../../src/core/parse/index";
import type { InsightGraph } from "../../src/core/graph/build";
import { buildFromDocument, parseSources, SourceError, type PipelineProgress, type SourceText } from "../../src/core/pipeline/index";
import { csvFileNames, exportFiles, type ExportFormat } from "../../src/core/exports/index";
import { loadProjectLexicon } from "./lexicon-cache";
import { StageClock, type StageTimes } from "./stages";
import { readTours } from "./tours";
import { CliError, fileIdentity, inFile, prepareOutput, readTextFile, UsageError, writeOutputs, type Output } from "./cli";

/** The reading lists to build from: several, in the order their articles and sections come, or one. */
export type BuildInputs = { inputs: readonly string[]; input?: never } | { input: string; inputs?: never };

export type BuildRequest = BuildInputs & BuildOutputs;

export interface BuildOutputs {
  /** The graph file (graph.json), or with `export` the export's file (for CSV, the name both files derive from). */
  out: string;
  /** Write `out` as this export (see src/core/exports) instead of graph.json. */
  export?: ExportFormat;
  /** "text" | "markdown" | "html" for every input; by default each input's from its extension. */
  format?: string;
  /** Also write the graph as GEXF (for Gephi) to this file. */
  gexf?: string;
  /** The build time to record (see `buildTimeFromEnvironment`); none by default. */
  builtAt?: Date;
  /** A folder of tours (`*.json`) to check against the graph and carry in it; none by default. */
  tours?: string;
  /** Told how far the build is (see `buildGraphFromFiles`); it changes nothing that is built. */
  onProgress?: (progress: PipelineProgress) => void;
}

export interface BuildSummary {
  /** The file written (or, for a CSV export, both files, joined by " and "). */
  out: string;
  articles: number;
  withInsights: number;
  entities: number;
  mentions: number;
  /** Broader relations between concepts, by origin (see src/core/concepts). */
  broader: { lexicon: number; head: number };
  /** What the graph holds, by kind (see `graphCounts`). */
  counts: GraphCounts;
  /** Time and memory of every stage (see scripts/lib/stages.ts). */
  stages: StageTimes;
  milliseconds: number;
}

/** The graph's nodes and edges counted by kind, whatever kinds it holds. */
export interface GraphCounts {
  /** Articles by entry kind: bookmark, reference. */
  articles: Record<string, number>;
  /** Concepts by type: technology, technique, organization, person, … */
  concepts: Record<string, number>;
  /** Edges by kind: mentions, broader, related, cooccurs, … */
  edges: Record<string, number>;
  communities: number;
}

/** What joins the names of several inputs into the graph's name. */
export const NAME_JOINER = " + ";

/**
 * The build time the reproducible-builds convention asks for: SOURCE_DATE_EPOCH, whole seconds
 * since 1970-01-01 UTC (https://reproducible-builds.org/specs/source-date-epoch/). Unset (or
 * empty): no time is recorded, so the same inputs give the same bytes. Anything but a whole
 * number of seconds is a usage error, not a guess.
 */
export function buildTimeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === "") return undefined;
  const time = /^\d{1,15}$/.test(value) ? new Date(Number(value) * 1000) : undefined;
  if (time === undefined || Number.isNaN(time.getTime())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, not "${value}"`);
  }
  return time;
}

/**
 * The names inputs are known by in the graph: their base names, or, when two inputs share a
 * base name, the paths as given, so each name still tells the inputs apart.
 */
export function inputNames(paths: readonly string[]): string[] {
  const bases = paths.map((path) => basename(path));
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  return bases.map((base, i) => (counts.get(base)! > 1 ? paths[i]! : base));
}

/** Refuses the same file given twice as an input: it would only merge with itself. */
async function refuseRepeatedInputs(inputs: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const identity = await fileIdentity(input);
    const first = seen.get(identity);
    if (first !== undefined) throw new UsageError(`--input ${input} is the same file as --input ${first}`);
    seen.set(identity, input);
  }
}

/** The files the primary output is written to: --out, or for a CSV export the two files named after it. */
function primaryFiles(request: Pick<BuildOutputs, "out" | "export">): string[] {
  if (request.export !== "csv") return [request.out];
  const { nodes, edges } = csvFileNames(request.out);
  return [nodes, edges];
}

/**
 * Refuses outputs that would destroy an input or each other: --out (or the files a CSV export
 * names after it) or --gexf naming an input (through any path, link or hard link), or --gexf
 * naming an --out file.
 */
async function refuseClashingOutputs(request: BuildOutputs, given: readonly string[]): Promise<void> {
  const inputs = new Map<string, string>();
  for (const input of given) inputs.set(await fileIdentity(input), input);
  const outputs: [option: string, file: string][] = primaryFiles(request).map((file) => ["--out", file]);
  if (request.gexf !== undefined) outputs.push(["--gexf", request.gexf]);
  const written = new Map<string, string>();
  for (const [option, file] of outputs) {
    const identity = await fileIdentity(file);
    const input = inputs.get(identity);
    if (input !== undefined) throw new UsageError(`${option} ${file} would overwrite the input ${input}`);
    const other = written.get(identity);
    if (other !== undefined) throw new UsageError(`${option} ${file} is the same file as ${other}`);
    written.set(identity, `${option} ${file}`);
  }
}

/**
 * Reads, parses, merges, extracts and lays out (src/core/pipeline). Every failure is a CliError
 * naming the file it concerns; a failure of the whole-graph steps (extraction, layout) names
 * every input. `clock` is told where each stage ends (parse, extract, graph, metrics, layout),
 * `onProgress` how far the build is; neither changes what is built.
 */
export async function buildGraphFromFiles(
  inputs: readonly string[],
  options: { format?: string; builtAt?: Date; clock?: StageClock; onProgress?: (progress: PipelineProgress) => void } = {},
): Promise<InsightGraph> {
  if (inputs.length === 0) throw new UsageError("no --input given");
  await refuseRepeatedInputs(inputs);
  const formats = inputs.map((input) => inFile(input, () => formatForPath(input, options.format)));
  const names = inputNames(inputs);
  const sources: SourceText[] = [];
  for (const [i, input] of inputs.entries()) sources.push({ name: names[i]!, text: await readTextFile(input), format: formats[i]! });
  const pathOf = new Map(names.map((name, i) => [name, inputs[i]!]));
  const onProgress = (progress: PipelineProgress) => {
    options.onProgress?.(progress);
    if (progress.done === progress.total) options.clock?.lap(progress.stage);
  };
  const doc = asFileError(pathOf, () => parseSources(sources, onProgress));
  // The lexicon is read after parsing, so a bad input fails before its cost is paid.
  const lexicon = await loadProjectLexicon();
  return asFileError(pathOf, () => buildFromDocument(doc, sources, lexicon, { nameJoiner: NAME_JOINER, builtAt: options.builtAt, onProgress }));
}

/** The pipeline's SourceError as the command line's CliError, naming the files as they were given. */
function asFileError<T>(pathOf: ReadonlyMap<string, string>, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    const file = error.source.split(", ").map((name) => pathOf.get(name) ?? name).join(", ");
    throw new CliError(error.message, file, error.line, { cause: error });
  }
}

/**
 * Builds the graph and writes it (graph.json, or the export asked for; and its GEXF) all or
 * nothing. Outputs are checked before the work starts, so a wrong path fails at once and an
 * input is never overwritten.
 */
export async function buildGraphFile(request: BuildRequest): Promise<BuildSummary> {
  const started = performance.now();
  const inputs = request.inputs ?? [request.input];
  await refuseClashingOutputs(request, inputs);
  const primary = primaryFiles(request);
  for (const file of primary) await prepareOutput(file);
  if (request.gexf !== undefined) await prepareOutput(request.gexf);

  const clock = new StageClock();
  const graph = await buildGraphFromFiles(inputs, { ...request, clock });
  const tours = request.tours === undefined ? [] : await readTours(request.tours, graph);
  if (tours.length > 0) graph.setAttribute("tours", tours);
  const outputs: Output[] = inFile(request.out, () => primaryOutputs(graph, request));
  const gexf = request.gexf;
  if (gexf !== undefined) outputs.push(...inFile(gexf, () => exportOutputs(graph, "gexf", gexf)));
  await writeOutputs(outputs);
  clock.lap("write");

  let articles = 0;
  let withInsights = 0;
  graph.forEachNode((_, attr) => {
    if (attr.kind !== "article") return;
    articles++;
    if (attr.insights.length > 0) withInsights++;
  });
  let mentions = 0;
  const broader = { lexicon: 0, head: 0 };
  graph.forEachEdge((_, attr) => {
    if (attr.kind === "mentions") mentions++;
    else if (attr.kind === "broader") broader[attr.origin]++;
  });
  return {
    out: primary.join(" and "),
    articles,
    withInsights,
    entities: graph.order - articles,
    mentions,
    broader,
    counts: graphCounts(graph),
    stages: clock.times,
    milliseconds: performance.now() - started,
  };
}

/** The graph file, or the export asked for, as files to write. */
function primaryOutputs(graph: InsightGraph, request: Pick<BuildOutputs, "out" | "export">): Output[] {
  if (request.export === undefined) return [{ file: request.out, data: JSON.stringify(graph.export()) }];
  return exportOutputs(graph, request.export, request.out);
}

function exportOutputs(graph: InsightGraph, format: ExportFormat, file: string): Output[] {
  return exportFiles(graph, format, file).map(({ name, text }) => ({ file: name, data: text }));
}

export function graphCounts(graph: InsightGraph): GraphCounts {
  const counts: GraphCounts = { articles: {}, concepts: {}, edges: {}, communities: 0 };
  const add = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
  const communities = new Set<number>();
  graph.forEachNode((_, attr) => {
    if (attr.kind === "article") add(counts.articles, attr.entryKind);
    else add(counts.concepts, attr.type);
    if (attr.community !== undefined) communities.add(attr.community);
  });
  graph.forEachEdge((_, attr) => add(counts.edges, attr.kind));
  counts.communities = communities.size;
  return counts;
}
