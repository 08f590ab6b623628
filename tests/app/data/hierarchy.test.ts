import { describe, expect, it } from "vitest";
import {
  allNarrower,
  articlesWithNarrower,
  broaderConcepts,
  includedNarrower,
  includesNarrower,
  narrowerConcepts,
} from "../../../src/app/data/hierarchy";
import { CONCURRENCY_CONTROL, MVCC, TRANSACTION_LOG, WAL, WAL_ARCHIVING, WAL_REPLAY, hierarchyGraph } from "../fixtures/hierarchy";

const graph = hierarchyGraph();
const labels = (refs: { label: string }[]) => refs.map((r) => r.label);

describe("broader and narrower concepts", () => {
  it("lists the concepts directly above and below one, by label", () => {
    expect(labels(narrowerConcepts(graph, WAL))).toEqual(["WAL archiving", "WAL replay"]);
    expect(labels(broaderConcepts(graph, WAL))).toEqual(["transaction log"]);
    expect(broaderConcepts(graph, TRANSACTION_LOG)).toEqual([]);
    expect(narrowerConcepts(graph, WAL_REPLAY)).toEqual([]);
  });

  it("reaches every concept below, however deep, nearest first", () => {
    expect(allNarrower(graph, TRANSACTION_LOG)).toEqual([WAL, WAL_ARCHIVING, WAL_REPLAY]);
    expect(allNarrower(graph, WAL_REPLAY)).toEqual([]);
  });
});

describe("articlesWithNarrower", () => {
  const { counts, articles } = articlesWithNarrower(graph, WAL);

  it("counts the articles of the concept and of each concept below it", () => {
    expect(counts.map((c) => `${c.label} ${c.count}`)).toEqual(["Write-ahead logging 3", "WAL archiving 1", "WAL replay 2"]);
  });

  it("lists every article once, those naming the concept itself first", () => {
    expect(articles.map((a) => a.label)).toEqual([
      "Write-ahead logging and WAL replay in SQLite",
      "Write-ahead logging in depth",
      "How Postgres MVCC works (Netflix)",
      "Archiving the WAL: WAL archiving with WAL-G",
      "Crash recovery by WAL replay",
    ]);
  });

  it("says which concepts each article names, each with the words that name it", () => {
    const both = articles[0]!;
    expect(both.concepts).toEqual([WAL, WAL_REPLAY]);
    expect(both.quotes.map((q) => q.text.slice(q.markStart, q.markEnd))).toEqual(["Write-ahead logging", "WAL replay"]);
  });

  it("for a concept no article names, lists the articles of the concepts it groups", () => {
    const grouped = articlesWithNarrower(graph, CONCURRENCY_CONTROL);
    expect(grouped.counts.map((c) => `${c.label} ${c.count}`)).toEqual(["concurrency control 0", "MVCC 2", "optimistic concurrency control 1"]);
    expect(grouped.articles).toHaveLength(3);
  });
});

describe("includesNarrower", () => {
  const selection = (ids: string[], narrower?: boolean) => ({ kind: "concepts" as const, ids, match: "all" as const, ...(narrower === undefined ? {} : { narrower }) });

  it("is on by default for a single concept with narrower concepts", () => {
    expect(includesNarrower(graph, selection([WAL]))).toBe(true);
    expect(includedNarrower(graph, selection([WAL]))).toEqual([WAL_ARCHIVING, WAL_REPLAY]);
  });

  it("is off when turned off, for a concept with none below, and for combined concepts", () => {
    expect(includesNarrower(graph, selection([WAL], false))).toBe(false);
    expect(includesNarrower(graph, selection([WAL_REPLAY]))).toBe(false);
    expect(includesNarrower(graph, selection([WAL, MVCC]))).toBe(false);
    expect(includedNarrower(graph, selection([WAL], false))).toEqual([]);
    expect(includesNarrower(graph, { kind: "none" })).toBe(false);
  });
});
