/** Project paths, relative to the working directory npm runs scripts in (the project root). */
import { fileURLToPath } from "node:url";
import { relative, resolve } from "node:path";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const fromRoot = (path: string) => relative(process.cwd(), fileURLToPath(new URL(`../../${path}`, import.meta.url))) || ".";

export const DEFAULT_INPUT = fromRoot("data/bookmarks.txt");
export const DEFAULT_GRAPH = fromRoot("public/graph.json");
/** The tours written for the bundled document, checked and carried by its build. */
export const DEFAULT_TOURS = fromRoot("data/tours");
/** Everything the graph file is derived from: a newer file here makes it stale. */
export const GRAPH_INPUTS = [
  "data/bookmarks.txt",
  "data/lexicon",
  "data/tours",
  "src/core",
  "scripts/lib/build.ts",
  "scripts/lib/lexicon.ts",
  "scripts/lib/tours.ts",
  "scripts/build-graph.ts",
].map(fromRoot);

/**
 * The folder of tours a build of `inputs` reads: the one given, none for "none", and by default
 * the bundled document's tours when it is what is built (they name its nodes; another list's
 * graph has others). `npm run graph` and the dev server's live rebuild decide it alike.
 */
export function toursFolderFor(given: string | undefined, inputs: readonly string[]): string | undefined {
  if (given === "none") return undefined;
  if (given !== undefined) return given;
  return inputs.length === 1 && resolve(inputs[0]!) === resolve(DEFAULT_INPUT) ? DEFAULT_TOURS : undefined;
}
