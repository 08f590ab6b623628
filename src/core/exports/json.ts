/**
 * JSON export: graphology's serialisation (`graph.export()`), the very form of graph.json, which
 * `Graph.from()` (graphology), Gephi Lite and this app read back. Nothing is flattened or left
 * out: mention evidence, view positions, communities and tours are all there.
 */
import type Graph from "graphology";

export function toJson(graph: Graph): string {
  return JSON.stringify(graph.export());
}
