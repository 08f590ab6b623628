/**
 * Boot's way to the graph its address names (the app's page and the presenter view alike): the
 * bundled graph.json, or a graph kept in the browser (`?graph=<id>`), found on the shelf, its
 * text read and checked exactly as a fetched graph.json is checked (data/graph.ts `parseGraph`).
 * Every failure is a GraphLoadError in words for the page; an id is never echoed back.
 */
import { GraphLoadError, parseGraph, readGraphResponse, type AppGraph, type LoadProgress } from "../data/graph";
import { GRAPH_PARAM } from "../state/url";
import { isGraphId, storageProblem, type GraphShelf, type StoredGraphInfo } from "./store";

export interface ShownGraph {
  graph: AppGraph;
  /** The kept graph's record, when the address names one. */
  shown?: StoredGraphInfo;
}

/**
 * The graph `search` (an address's query) names. `onProgress` is told how much of graph.json
 * has arrived; `onFound`, a kept graph's record before its text is read.
 */
export async function openShownGraph(
  shelf: GraphShelf,
  search: string,
  on: { progress?: (progress: LoadProgress) => void; found?: (info: StoredGraphInfo) => void } = {},
): Promise<ShownGraph> {
  const id = new URLSearchParams(search).get(GRAPH_PARAM);
  if (id !== null) {
    const { graph, info } = await openKeptGraph(shelf, id, on.found);
    return { graph, shown: info };
  }
  let response: Response;
  try {
    response = await fetch(new URL("graph.json", document.baseURI));
  } catch {
    throw new GraphLoadError("graph.json could not be fetched (is the server running?)");
  }
  return { graph: await readGraphResponse(response, on.progress) };
}

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
