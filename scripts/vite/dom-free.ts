/**
 * The import worker has no DOM. decode-named-character-reference (the Markdown parser's) maps the
 * "browser" export condition, which Vite uses for workers too, to a build that calls
 * `document.createElement` as it loads; its "default" build (index.js, an entity table) needs
 * none. Building, only the worker gets the DOM-free build, so the page's first load keeps the
 * smaller one (the table is 13 kB gzip); serving, the page and the worker share one module graph
 * (and the dependency optimiser), so both get it.
 */
import { createRequire } from "node:module";
import type { Plugin } from "vite";

const DOM_FREE = {
  find: /^decode-named-character-reference$/,
  // The package root resolves through the "default" condition (its subpaths are not exported).
  replacement: createRequire(import.meta.url).resolve("decode-named-character-reference"),
};

/** Serving: the page and its worker both get the DOM-free build. */
export function domFreeDevPlugin(): Plugin {
  return { name: "insight-graph-dom-free-dev", apply: "serve", config: () => ({ resolve: { alias: [DOM_FREE] } }) };
}

/** Building: the worker's bundle gets the DOM-free build. */
export function domFreeWorkerPlugin(): Plugin {
  return {
    name: "insight-graph-dom-free-worker",
    enforce: "pre",
    resolveId: (source) => (DOM_FREE.find.test(source) ? DOM_FREE.replacement : null),
  };
}
