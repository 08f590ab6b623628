/** Project paths, relative to the working directory npm runs scripts in (the project root). */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";

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
