/**
 * The page's side of an import: starts a worker, hands it the files, relays its progress, and
 * settles once, with the graph, the error in one line, or "cancelled". Cancelling terminates the
 * worker at once, wherever it is: the build holds nothing the page needs back.
 */
import type { PipelineProgress } from "../../core/pipeline/index";
import { readWorkerMessage, type BuiltSummary, type ImportRequest, type ListFile } from "./protocol";

/** What an import came to. */
export type ImportOutcome =
  | ({ kind: "built"; graph: string } & BuiltSummary)
  | { kind: "failed"; message: string }
  | { kind: "cancelled" };

/** The part of a Worker an import uses (a fake stands in for it in tests). */
export interface ImportWorker {
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  addEventListener(type: "message" | "messageerror" | "error", listener: (event: Event) => void): void;
  terminate(): void;
}

export interface RunningImport {
  /** Settles once; never rejects. */
  readonly outcome: Promise<ImportOutcome>;
  /** Stops the worker; the outcome becomes "cancelled" unless it had already settled. */
  cancel(): void;
}

/** The module worker Vite bundles apart from the page (with compromise and the lexicon). */
export function createImportWorker(): ImportWorker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "insight-graph-import" });
}

/** Builds one graph from `files` (one list, or several merged as the command line merges `--input`s). */
export function startImport(
  files: readonly ListFile[],
  options: { onProgress?: (progress: PipelineProgress) => void; createWorker?: () => ImportWorker } = {},
): RunningImport {
  let settle!: (outcome: ImportOutcome) => void;
  let settled = false;
  const outcome = new Promise<ImportOutcome>((resolve) => (settle = resolve));
  let worker: ImportWorker | undefined;

  const finish = (result: ImportOutcome) => {
    if (settled) return;
    settled = true;
    worker?.terminate();
    settle(result);
  };
  const failed = (why: string) => finish({ kind: "failed", message: `${files.map((file) => file.name).join(", ")}: ${why}` });

  try {
    worker = (options.createWorker ?? createImportWorker)();
  } catch (error) {
    failed(`the import could not start (${error instanceof Error ? error.message : String(error)})`);
    return { outcome, cancel: () => undefined };
  }
  worker.addEventListener("message", (event) => {
    const message = readWorkerMessage((event as MessageEvent<unknown>).data);
    if (settled) return;
    if (!message) return failed("the import worker sent a message the page cannot read");
    if (message.type === "progress") options.onProgress?.({ stage: message.stage, done: message.done, total: message.total });
    else if (message.type === "failed") finish({ kind: "failed", message: message.message });
    else finish({ kind: "built", graph: message.graph, articles: message.articles, concepts: message.concepts, milliseconds: message.milliseconds });
  });
  worker.addEventListener("messageerror", () => failed("the import worker's answer could not be read"));
  // A worker that cannot load (a blocked script) or throws outside the build.
  worker.addEventListener("error", (event) => {
    event.preventDefault?.();
    const detail = (event as ErrorEvent).message;
    failed(detail ? `the import stopped (${detail})` : "the import could not run in this browser");
  });
  worker.postMessage({ type: "build", files: files.map(({ name, bytes }) => ({ name, bytes })) }, files.map((file) => file.bytes));
  return { outcome, cancel: () => finish({ kind: "cancelled" }) };
}
