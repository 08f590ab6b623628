/**
 * The fixture reading list as a build with views gives it: every article has a place in the
 * articles view and every concept one in the concepts view (the fixture's related and
 * co-occurrence edges join them there). Places are made up, away from the map's, so that a test
 * can tell which one a node stands at.
 */
import type { AppGraph } from "../../../src/app/data/graph";
import { fixtureGraph } from "../fixtures/graph";

export const POSTGRES_MVCC = "article:how-postgres-mvcc-works-netflix";
export const WAL_IN_DEPTH = "article:write-ahead-logging-in-depth";
export const KAFKA_AT_NETFLIX = "article:kafka-at-netflix-scale";
export const RUST_STORAGE = "article:rust-for-storage-engines";
export const IO_URING = "article:async-i-o-with-io-uring";

export function viewsGraph(): AppGraph {
  const graph = fixtureGraph();
  let i = 0;
  graph.forEachNode((node, attributes) => {
    i += 1;
    const place: [number, number] = [1000 + i * 10, -i * 10];
    graph.setNodeAttribute(node, "positions", attributes.kind === "article" ? { articles: place } : { concepts: place });
  });
  return graph;
}
