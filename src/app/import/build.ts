/**
 * What the import worker does with a request, kept apart from the worker's global scope so it
 * runs (and is tested) anywhere: check and decode each file and take its format from its
 * extension (`formatForPath`), as the command line does with each `--input`; run the whole
 * pipeline (src/core/pipeline: several lists make one graph); post paced progress, then the
 * graph or the one-line error.
 */
import { formatForPath } from "../../core/parse/index";
import { buildFromSources, inSource, SourceError, type SourceText } from "../../core/pipeline/index";
import type { Lexicon } from "../../core/extract/index";
import { NAME_JOINER } from "./names";
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
  const names = request.files.map((file) => file.name);
  try {
    const sources: SourceText[] = request.files.map((file, i) => {
      // The command line tells two inputs of one name apart by their paths; a page sees names only.
      if (names.indexOf(file.name) !== i) throw new SourceError("two of the lists have this name (rename one)", file.name);
      const text = decodeList(new Uint8Array(file.bytes), file.name);
      return { name: file.name, text, format: inSource(file.name, () => formatForPath(file.name)) };
    });
    const graph = buildFromSources(sources, lexicon, {
      nameJoiner: NAME_JOINER,
      onProgress: paced((progress) => post({ type: "progress", ...progress }), 200, now),
    });
    let articles = 0;
    graph.forEachNode((_node, attributes) => {
      if (attributes.kind === "article") articles++;
    });
    // No build date: the same lists give the same bytes as `npm run graph` on them.
    const serialised = JSON.stringify(graph.export());
    post({ type: "done", graph: serialised, articles, concepts: graph.order - articles, milliseconds: now() - started });
  } catch (error) {
    post({ type: "failed", message: describeFailure(error, names.join(", ")) });
  }
}

/** `name:line: message`, as the command line says it; a failure outside the pipeline still names the lists. */
export function describeFailure(error: unknown, name: string): string {
  if (error instanceof SourceError) return error.toString();
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: ${message.split(/\r?\n/, 1)[0]!.trim() || "failed"}`;
}
