import { describe, expect, it } from "vitest";
import Graph from "graphology";
import { cooccurringByEdges, hasEdgeKind, relatedByEdges, relatedTo, togetherWith } from "../../../src/app/data/related";
import { coOccurring, relatedArticles } from "../../../src/app/data/articles";
import type { AppGraph } from "../../../src/app/data/graph";
import { fixtureGraph } from "../fixtures/graph";
import { IO_URING, KAFKA_AT_NETFLIX, POSTGRES_MVCC, RUST_STORAGE, WAL_IN_DEPTH } from "./views-fixture";

const graph = fixtureGraph();

/** The same reading list as a file built before related and co-occurrence edges holds it. */
function withoutRelations(): AppGraph {
  const older: AppGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const data = graph.export();
  older.import({ ...data, options: { type: "directed", multi: false, allowSelfLoops: false }, edges: data.edges.filter((e) => !e.undirected) });
  return older;
}

describe("related articles, from the build's related edges", () => {
  it("lists them strongest first, each with the concepts both mention", () => {
    const related = relatedByEdges(graph, POSTGRES_MVCC);
    expect(related.map((r) => r.id)).toEqual([WAL_IN_DEPTH, KAFKA_AT_NETFLIX, RUST_STORAGE]);
    expect(related.map((r) => r.score)).toEqual([0.451, 0.354, 0.289]);
    expect(related[0]!.shared.map((c) => c.label)).toEqual(["PostgreSQL", "Write-ahead logging"]);
    expect(related[2]!.shared).toEqual([{ id: "entity:mvcc", label: "MVCC", type: "technique" }]);
  });

  it("reads an edge from either end", () => {
    expect(relatedByEdges(graph, IO_URING).map((r) => r.id)).toEqual([RUST_STORAGE]);
    expect(relatedByEdges(graph, RUST_STORAGE).map((r) => r.id)).toEqual([IO_URING, POSTGRES_MVCC]);
  });

  it("keeps at most `limit`", () => {
    expect(relatedByEdges(graph, POSTGRES_MVCC, 2)).toHaveLength(2);
  });

  it("has none for an article the build related to nothing", () => {
    expect(relatedByEdges(graph, "article:a-note-with-no-concepts")).toEqual([]);
  });
});

describe("co-occurring concepts, from the build's cooccurs edges", () => {
  it("lists the concepts named together above chance, with the articles naming both", () => {
    expect(cooccurringByEdges(graph, "entity:postgresql")).toEqual([
      { id: "entity:write-ahead-logging", label: "Write-ahead logging", type: "technique", count: 2 },
    ]);
  });

  it("leaves out what merely shares an article: Netflix and PostgreSQL meet once, by chance", () => {
    expect(coOccurring(graph, "entity:netflix").some((c) => c.id === "entity:postgresql")).toBe(true);
    expect(cooccurringByEdges(graph, "entity:netflix")).toEqual([]);
  });
});

describe("Details' choice of source", () => {
  it("uses the build's edges when the graph has them", () => {
    expect(hasEdgeKind(graph, "related")).toBe(true);
    expect(relatedTo(graph, POSTGRES_MVCC)).toEqual(relatedByEdges(graph, POSTGRES_MVCC));
    expect(togetherWith(graph, "entity:netflix")).toEqual([]);
  });

  it("counts from the mentions in a file built before them", () => {
    const older = withoutRelations();
    expect(hasEdgeKind(older, "related")).toBe(false);
    expect(relatedTo(older, POSTGRES_MVCC)).toEqual(relatedArticles(older, POSTGRES_MVCC));
    expect(togetherWith(older, "entity:netflix")).toEqual(coOccurring(older, "entity:netflix"));
    expect(togetherWith(older, "entity:netflix").length).toBeGreaterThan(0);
  });
});
