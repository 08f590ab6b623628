/**
 * What the import worker does with a request, kept apart from the worker's global scope so it
 * runs (and is tested) anywhere: check and decode the file as the command line does, take its
 * format from its extension as the command line does (`formatForPath`), run the
 * whole pipeline (src/core/pipeline), and post paced progress, then the graph or the one-line error.
 */
import { formatForPath } from "../../core/parse/index";
import { buildFromSources, inSource, SourceError } from "../../core/pipeline/index";
import type { Lexicon } from "../../core/extract/index";
import { paced } from "./progress";
import type { ImportRequest, WorkerMessage } from "./protocol";
import { decodeList } from "./text";

export function runImport(
  request: ImportRequest,
  lexicon: Lexicon,
  post: (message: WorkerMessage) => void,
  now: () => number = () => performance.now(),
): void {
  const started = now();
  try {
    const text = decodeList(new Uint8Array(request.bytes), request.name);
    const format = inSource(request.name, () => formatForPath(request.name));
    const graph = buildFromSources([{ name: request.name, text, format }], lexicon, {
      onProgress: paced((progress) => post({ type: "progress", ...progress }), 200, now),
    });
    let articles = 0;
    graph.forEachNode((_node, attributes) => {
      if (attributes.kind === "article") articles++;
    });
    // No build date: the same list gives the same bytes as `npm run graph` on it.
    const serialised = JSON.stringify(graph.export());
    post({ type: "done", graph: serialised, articles, concepts: graph.order - articles, milliseconds: now() - started });
  } catch (error) {
    post({ type: "failed", message: describeFailure(error, request.name) });
  }
}

/** `name:line: message`, as the command line says it; a failure outside the pipeline still names the file. */
export function describeFailure(error: unknown, name: string): string {
  if (error instanceof SourceError) return error.toString();
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message.split(/\r?\n/, 1)[0]!.trim() || "failed"}`;
}
