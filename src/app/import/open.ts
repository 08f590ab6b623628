/**
 * Boot's way to a graph kept in the browser (`?graph=<id>`): find it on the shelf, read its
 * text, and check it exactly as a fetched graph.json is checked (data/graph.ts `parseGraph`).
 * Every failure is a GraphLoadError in words for the page; an id is never echoed back.
 */
import { GraphLoadError, parseGraph, type AppGraph } from "../data/graph";
import { isGraphId, storageProblem, type GraphShelf, type StoredGraphInfo } from "./store";

export interface KeptGraph {
  graph: AppGraph;
  info: StoredGraphInfo;
}

/** `onFound` is told the graph's record before its text is read and checked (seconds, for a large one). */
export async function openKeptGraph(shelf: GraphShelf, id: string, onFound?: (info: StoredGraphInfo) => void): Promise<KeptGraph> {
  const gone = new GraphLoadError("this address names a graph that is not kept in this browser (it was removed, or the browser's data was cleared)");
  if (!isGraphId(id)) throw gone;
  let info: StoredGraphInfo | undefined;
  let text: string | undefined;
  try {
    info = (await shelf.list()).find((kept) => kept.id === id);
    if (info) {
      onFound?.(info);
      text = await shelf.read(id);
    }
  } catch (error) {
    throw new GraphLoadError(`the graphs kept in this browser could not be read: ${storageProblem(error)}`);
  }
  if (!info || text === undefined) throw gone;
  return { graph: parseGraph(text, { name: `the graph of ${info.name}`, remedy: "open the list again" }), info };
}
