/**
 * The whole build, text in, laid-out graph out: parse every reading list, merge them, extract
 * the concepts, build the graph and its metrics, lay out its views. Pure, so the command line
 * (scripts/lib/build.ts) and the page's import worker (src/app/import) run the same steps and
 * make the same graph from the same text: only reading files and the lexicon differ.
 *
 * It says how far it is through `onProgress`: the stage it is in, and within it the units done
 * out of the total (articles while extracting, which is most of the time; one unit otherwise).
 * A failure is a `SourceError` naming the list it concerns (and its line, where one is known);
 * a failure of the whole-graph steps names every list.
 */
import { InputError, type InputFormat, type ParsedDocument } from "../types";
import { describeFailure, firstLine } from "../failure";
import { parseDocument } from "../parse/index";
import { mergeDocuments, type NamedDocument } from "../parse/merge";
import { createExtractor, type Lexicon } from "../extract/index";
import { buildGraph, type InsightGraph } from "../graph/build";
import { assignLayout } from "../graph/layout";

/** One reading list: the name it is known by (a file's base name), its text and its format. */
export interface SourceText {
  name: string;
  text: string;
  format: InputFormat;
}

/** The build's stages, in order; `write` (the command line's) is not one of the pipeline's. */
export const PIPELINE_STAGES = ["parse", "extract", "graph", "metrics", "layout"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Where the build is: `done` of `total` units of `stage` (articles while extracting). */
export interface PipelineProgress {
  stage: PipelineStage;
  done: number;
  total: number;
}

export interface PipelineOptions {
  /** What joins the names of several lists into the graph's name. */
  nameJoiner?: string;
  /** The build time to record in the graph; none by default (same text, same bytes). */
  builtAt?: Date;
  /** Told as the build goes: each stage's start (done 0), steps within it, and its end (done = total). */
  onProgress?: (progress: PipelineProgress) => void;
}

/** A problem in one reading list (or, for the whole-graph steps, in all of them), said in one line. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** The list's name, or the names of all of them joined by ", ". */
    readonly source: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SourceError";
  }

  /** `list.md:12: no title` — the way compilers and the command line say it. */
  override toString(): string {
    return `${this.source}${this.line === undefined ? "" : `:${this.line}`}: ${this.message}`;
  }
}

/** Runs `work`; any failure becomes a SourceError about `source`, in one line. */
export function inSource<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof InputError) throw new SourceError(firstLine(error.message), source, error.line, { cause: error });
    throw new SourceError(describeFailure(error), source, undefined, { cause: error });
  }
}

/** Parses every list (a list with no entries is an error) and merges them into one document. */
export function parseSources(sources: readonly SourceText[], onProgress?: PipelineOptions["onProgress"]): ParsedDocument {
  if (sources.length === 0) throw new SourceError("no reading list given", "");
  const documents: NamedDocument[] = [];
  for (const [i, source] of sources.entries()) {
    onProgress?.({ stage: "parse", done: i, total: sources.length });
    const doc = inSource(source.name, () => parseDocument(source.text, source.format));
    if (doc.entries.length === 0) throw new SourceError("no entries found", source.name);
    documents.push({ name: source.name, doc });
  }
  const merged = inSource(allNames(sources), () => mergeDocuments(documents));
  onProgress?.({ stage: "parse", done: sources.length, total: sources.length });
  return merged;
}

/** Extraction, the graph, its metrics and its layout, for a document parsed by `parseSources`. */
export function buildFromDocument(
  doc: ParsedDocument,
  sources: readonly Pick<SourceText, "name">[],
  lexicon: Lexicon,
  options: PipelineOptions = {},
): InsightGraph {
  const { onProgress } = options;
  const names = sources.map((source) => source.name);
  return inSource(allNames(sources), () => {
    const total = doc.entries.length;
    onProgress?.({ stage: "extract", done: 0, total });
    const extraction = createExtractor(lexicon).extract(doc.entries, {
      // The stage's end is said once, below, after the rest of extraction.
      onProgress: onProgress && ((done) => done < total && onProgress({ stage: "extract", done, total })),
    });
    onProgress?.({ stage: "extract", done: total, total });
    onProgress?.({ stage: "graph", done: 0, total: 1 });
    const graph = buildGraph(doc, extraction, {
      name: names.join(options.nameJoiner ?? " + "),
      inputs: names,
      builtAt: options.builtAt,
      terms: lexicon.terms,
      onStage: (stage) => {
        onProgress?.({ stage, done: 1, total: 1 });
        if (stage === "graph") onProgress?.({ stage: "metrics", done: 0, total: 1 });
      },
    });
    onProgress?.({ stage: "layout", done: 0, total: 1 });
    assignLayout(graph);
    onProgress?.({ stage: "layout", done: 1, total: 1 });
    return graph;
  });
}

/** The whole build of `sources` (see the module comment). */
export function buildFromSources(sources: readonly SourceText[], lexicon: Lexicon, options: PipelineOptions = {}): InsightGraph {
  return buildFromDocument(parseSources(sources, options.onProgress), sources, lexicon, options);
}

function allNames(sources: readonly Pick<SourceText, "name">[]): string {
  return sources.map((source) => source.name).join(", ");
}
