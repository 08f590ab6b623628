/**
 * A Vite plugin that hands the page's import worker the extraction lexicon the command line
 * uses: `import lexicon from "virtual:insight-graph/lexicon"` is the `Lexicon` that
 * scripts/lib/lexicon.ts `loadLexicon()` resolves from data/lexicon/ and the bulk sources
 * (GitHub Linguist, Simple Icons), resolved once at build time, so the browser carries neither
 * the bulk packages nor the merge code, and both builds read the same terms.
 *
 * Only the worker imports it: the module is as large as the lexicon (about 0.6 MB, 0.15 MB
 * gzip), which the page's first load must not carry. In `vite dev` an edit of a lexicon file
 * reloads the module (the files are watched).
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Plugin } from "vite";
import { LEXICON_DIR, loadLexicon } from "../lib/lexicon";

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

export function lexiconPlugin(dir: string = LEXICON_DIR): Plugin {
  return {
    name: "insight-graph-lexicon",
    resolveId(id) {
      return id === LEXICON_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of await jsonFiles(dir)) this.addWatchFile(file);
      const lexicon = await loadLexicon(dir);
      // A string parsed at run time: JSON.parse is faster to start than an object literal this large.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lexicon))});\n`;
    },
  };
}
