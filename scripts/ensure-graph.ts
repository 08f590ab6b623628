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

/** Returns the path of an up-to-date graph file, building it first if needed. */
export async function ensureGraph(): Promise<string> {
  const built = await stat(DEFAULT_GRAPH).catch(() => undefined);
  const inputs = Math.max(...(await Promise.all(GRAPH_INPUTS.map(newestMtime))));
  if (built && built.mtimeMs >= inputs) return DEFAULT_GRAPH;
  const summary = await buildGraphFile({ input: DEFAULT_INPUT, out: DEFAULT_GRAPH });
  console.log(`graph: ${built ? "rebuilt" : "built"} ${summary.out} (${summary.articles} articles, ${summary.entities} entities)`);
  return DEFAULT_GRAPH;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(async () => {
    await ensureGraph();
  });
}
