/**
 * Builds public/graph.json when it is missing or older than anything it is derived from
 * (the document, the lexicon, the extraction and graph code). Run before `vite` and `vite build`.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildGraphFile } from "./lib/build";
import { runMain } from "./lib/cli";
import { DEFAULT_GRAPH, DEFAULT_INPUT, GRAPH_INPUTS } from "./lib/paths";

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(path);
  const times = await Promise.all(children.map((child) => newestMtime(join(path, child))));
  return Math.max(info.mtimeMs, ...times);
}

export interface EnsureOptions {
  input: string;
  out: string;
  /** Files and folders the graph is derived from (the input among them). */
  dependsOn: readonly string[];
}

const DEFAULTS: EnsureOptions = { input: DEFAULT_INPUT, out: DEFAULT_GRAPH, dependsOn: GRAPH_INPUTS };

/** Returns the path of an up-to-date graph file, building it first if needed. */
export async function ensureGraph(options: Partial<EnsureOptions> = {}): Promise<string> {
  const { input, out, dependsOn } = { ...DEFAULTS, ...options };
  const built = await stat(out).catch(() => undefined);
  const newest = Math.max(...(await Promise.all([input, ...dependsOn].map(newestMtime))));
  if (built && built.mtimeMs >= newest) return out;
  const summary = await buildGraphFile({ input, out });
  console.log(`graph: ${built ? "rebuilt" : "built"} ${summary.out} (${summary.articles} articles, ${summary.entities} entities)`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(async () => {
    await ensureGraph();
  });
}
