/**
 * The messages between the page and the import worker. The page sends one `ImportRequest`; the
 * worker answers with progress, then exactly one of `done` or `failed`, and is then let go.
 *
 * The graph travels as the text of graph.json (what the command line writes), so the page reads
 * it through the very checks a fetched graph.json passes (data/graph.ts `parseGraph`), keeps it
 * in IndexedDB as is, and downloads it byte for byte.
 */
import { PIPELINE_STAGES, type PipelineProgress } from "../../core/pipeline/index";

/** One reading list as the page hands it over. */
export interface ListFile {
  /**
   * The file's name ("my-list.md"): what the graph and errors call the list, and (by its
   * extension, as on the command line) its format.
   */
  name: string;
  /** The file as it is on disk (transferred, not copied): the worker checks and decodes it as the command line does. */
  bytes: ArrayBuffer;
}

/** One graph from one or more lists, merged as the command line merges several `--input`s. */
export interface ImportRequest {
  type: "build";
  files: ListFile[];
}

/** What the page needs to list a built graph without reading it again. */
export interface BuiltSummary {
  articles: number;
  concepts: number;
  /** How long the worker took, from receiving the text to the graph serialised. */
  milliseconds: number;
}

export type WorkerMessage =
  | ({ type: "progress" } & PipelineProgress)
  | ({ type: "done"; graph: string } & BuiltSummary)
  | { type: "failed"; message: string };

export function isImportRequest(data: unknown): data is ImportRequest {
  return (
    isRecord(data) &&
    data.type === "build" &&
    Array.isArray(data.files) &&
    data.files.length > 0 &&
    data.files.every((file) => isRecord(file) && typeof file.name === "string" && file.bytes instanceof ArrayBuffer)
  );
}

/**
 * A worker message as the page may use it, or undefined for anything else. The worker is the
 * page's own script, but a message is data: read it by its shape, not by trust.
 */
export function readWorkerMessage(data: unknown): WorkerMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case "progress":
      return (PIPELINE_STAGES as readonly unknown[]).includes(data.stage) && isCount(data.done) && isCount(data.total)
        ? { type: "progress", stage: data.stage as PipelineProgress["stage"], done: data.done, total: data.total }
        : undefined;
    case "done":
      return typeof data.graph === "string" && isCount(data.articles) && isCount(data.concepts) && typeof data.milliseconds === "number"
        ? { type: "done", graph: data.graph, articles: data.articles, concepts: data.concepts, milliseconds: data.milliseconds }
        : undefined;
    case "failed":
      return typeof data.message === "string" ? { type: "failed", message: data.message } : undefined;
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
