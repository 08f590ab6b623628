/**
 * A Vite plugin that hands the page's import worker the extraction lexicon the command line
 * uses: `import lexicon from "virtual:insight-graph/lexicon"` is the `Lexicon` that
 * scripts/lib/lexicon.ts `loadLexicon()` resolves (through its cache, lexicon-cache.ts) from data/lexicon/ and the bulk sources
 * (GitHub Linguist, Simple Icons), resolved once at build time, so the browser carries neither
 * the bulk packages nor the merge code, and both builds read the same terms.
 *
 * Only the worker imports it: the module is as large as the lexicon (about 0.6 MB, 0.15 MB
 * gzip), which the page's first load must not carry. In `vite dev` an edit of a lexicon file
 * reloads the module (the files are watched).
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "vite";
import type { Lexicon } from "../../src/core/extract/lexicon";
import { ensureBundle } from "../lib/run-bundled.mjs";

const LEXICON_DIR = fileURLToPath(new URL("../../data/lexicon", import.meta.url));
const LEXICON_CACHE = fileURLToPath(new URL("../lib/lexicon-cache.ts", import.meta.url));

/**
 * scripts/lib/lexicon-cache.ts, run from its bundle as `npm run graph` runs the build: Vite loads
 * this file with its configuration, natively, where the project's extensionless TypeScript
 * imports would not resolve (and would each be warned about).
 */
async function loadProjectLexicon(): Promise<Lexicon> {
  const bundle: string = await ensureBundle(LEXICON_CACHE);
  const module = (await import(pathToFileURL(bundle).href)) as typeof import("../lib/lexicon-cache");
  return module.loadProjectLexicon();
}

export const LEXICON_MODULE = "virtual:insight-graph/lexicon";
const RESOLVED = `\0${LEXICON_MODULE}`;

/** Every JSON file under `dir`, recursively: the files the lexicon is read from. */
async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return jsonFiles(path);
      return entry.name.endsWith(".json") ? [path] : [];
    }),
  );
  return nested.flat();
}

export function lexiconPlugin(): Plugin {
  return {
    name: "insight-graph-lexicon",
    resolveId(id) {
      return id === LEXICON_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of await jsonFiles(LEXICON_DIR)) this.addWatchFile(file);
      const lexicon = await loadProjectLexicon();
      // A string parsed at run time: JSON.parse is faster to start than an object literal this large.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lexicon))});\n`;
    },
  };
}
