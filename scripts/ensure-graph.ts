/**
 * Builds public/graph.json when it is missing, or older than anything it is derived from (its
 * inputs, the lexicon, the extraction and graph code). Run before `vite` and `vite build`.
 *
 * A graph built on purpose from other inputs (`npm run graph -- --input my-list.md`) is kept:
 * its `inputs` attribute names files this script does not build from, and rebuilding would
 * silently replace the user's graph with the bundled one. It says so, in one line.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildGraphFile, buildTimeFromEnvironment, inputNames } from "./lib/build";
import { runMain } from "./lib/cli";
import { recordedInputs } from "./lib/graph-file";
import { DEFAULT_GRAPH, DEFAULT_INPUT, DEFAULT_TOURS, GRAPH_INPUTS } from "./lib/paths";

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(path);
  const times = await Promise.all(children.map((child) => newestMtime(join(path, child))));
  return Math.max(info.mtimeMs, ...times);
}

export interface EnsureOptions {
  /** The reading lists the graph is built from. */
  inputs: readonly string[];
  out: string;
  /** Further files and folders the graph is derived from (code, lexicon, tours). */
  dependsOn: readonly string[];
  /** The folder of tours the graph carries; by default the bundled document's, when it is what is built. */
  tours?: string;
}

const DEFAULTS: EnsureOptions = { inputs: [DEFAULT_INPUT], out: DEFAULT_GRAPH, dependsOn: GRAPH_INPUTS };

/** Returns the path of an up-to-date graph file, building it first if needed. */
export async function ensureGraph(options: Partial<EnsureOptions> = {}): Promise<string> {
  const { inputs, out, dependsOn } = { ...DEFAULTS, ...options };
  // The bundled tours name the bundled document's nodes: other inputs get only the tours asked for.
  const tours = options.inputs === undefined ? (options.tours ?? DEFAULT_TOURS) : options.tours;
  const built = await stat(out).catch(() => undefined);
  if (built) {
    const recorded = await recordedInputs(out);
    const expected = inputNames(inputs);
    const fromOtherInputs = recorded !== undefined && JSON.stringify(recorded) !== JSON.stringify(expected);
    if (fromOtherInputs) {
      console.log(`graph: keeping ${out}, built from ${recorded.join(", ")} (npm run graph rebuilds it)`);
      return out;
    }
    const newest = Math.max(...(await Promise.all([...inputs, ...dependsOn].map(newestMtime))));
    if (recorded !== undefined && built.mtimeMs >= newest) return out;
  }
  const summary = await buildGraphFile({ inputs, out, tours, builtAt: buildTimeFromEnvironment() });
  console.log(`graph: ${built ? "rebuilt" : "built"} ${summary.out} (${summary.articles} articles, ${summary.entities} entities)`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(async () => {
    await ensureGraph();
  });
}
