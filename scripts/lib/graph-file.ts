/**
 * What a written graph file says about itself, read without loading it as a graph: kept apart
 * (node's own modules only) so that Vite's native config loader can import it too
 * (scripts/vite/live-rebuild.ts), as well as ensure-graph.
 */
import { readFile } from "node:fs/promises";

/**
 * The inputs a graph file records (its `inputs` attribute: their names, see inputNames in
 * scripts/lib/build.ts); `undefined` when it is missing, unreadable or records none.
 */
export async function recordedInputs(file: string): Promise<string[] | undefined> {
  try {
    const inputs: unknown = JSON.parse(await readFile(file, "utf8"))?.attributes?.inputs;
    return Array.isArray(inputs) && inputs.every((name) => typeof name === "string") ? inputs : undefined;
  } catch {
    return undefined;
  }
}
