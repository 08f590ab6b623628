import { describe, expect, it } from "vitest";
import {
  articlesForEntity,
  articlesMatching,
  coOccurring,
  conceptsOfArticle,
  relatedArticles,
  segmentField,
} from "../../../src/app/data/articles";
import { fixtureGraph } from "../fixtures/graph";

const graph = fixtureGraph();
const mvccArticle = "article:how-postgres-mvcc-works-netflix";
const walArticle = "article:write-ahead-logging-in-depth";
const kafkaArticle = "article:kafka-at-netflix-scale";
const rustArticle = "article:rust-for-storage-engines";
const ioArticle = "article:async-i-o-with-io-uring";

describe("articlesForEntity", () => {
  it("lists every article linked to the concept, each once", () => {
    const ids = articlesForEntity(graph, "entity:postgresql").map((a) => a.id);
    expect(ids.sort()).toEqual([mvccArticle, walArticle].sort());
  });

  it("quotes the sentence holding the mention and marks exactly the mentioned words", () => {
    for (const mention of articlesForEntity(graph, "entity:mvcc")) {
      const marked = mention.quote.text.slice(mention.quote.markStart, mention.quote.markEnd);
      expect(marked).toBe("MVCC");
    }
    const [top] = articlesForEntity(graph, "entity:mvcc");
    expect(top?.id).toBe(mvccArticle);
  });

  it("quotes a sentence beyond the title when there is one, and the title when it is all there is", () => {
    const mvcc = articlesForEntity(graph, "entity:mvcc").find((a) => a.id === mvccArticle);
    expect(mvcc?.quote.field).toBe("insight");
    expect(mvcc?.quote.text).toBe("MVCC keeps old row versions until vacuum removes them.");
    const brooker = articlesForEntity(graph, "entity:marc-brooker")[0];
    expect(brooker?.quote.field).toBe("title");
  });

  it("puts articles naming the concept in the title before those mentioning it in passing", () => {
    const ids = articlesForEntity(graph, "entity:io-uring").map((a) => a.id);
    expect(ids).toEqual([ioArticle, rustArticle]);
  });

  it("quotes an insight sentence, not the whole bullet", () => {
    const kafka = articlesForEntity(graph, "entity:netflix").find((a) => a.id === kafkaArticle);
    expect(kafka?.quote.field).toBe("insight");
    expect(kafka?.quote.text).toBe("Netflix runs thousands of them.");
    expect(kafka?.mentions).toBe(2);
  });

  it("rejects an id that is not a concept", () => {
    expect(() => articlesForEntity(graph, mvccArticle)).toThrow(/not an entity/);
  });
});

describe("articlesMatching", () => {
  it("with all, keeps articles that mention every concept", () => {
    const result = articlesMatching(graph, ["entity:postgresql", "entity:write-ahead-logging"], "all");
    expect(result.map((r) => r.id).sort()).toEqual([mvccArticle, walArticle].sort());
    expect(result.every((r) => r.quotes.length === 2)).toBe(true);
  });

  it("with any, keeps articles that mention one of them, fullest matches first", () => {
    const result = articlesMatching(graph, ["entity:kafka", "entity:postgresql"], "any");
    expect(result.map((r) => r.id).sort()).toEqual([mvccArticle, walArticle, kafkaArticle].sort());
    expect(result[0]?.id).toBe(walArticle);
    expect(result[0]?.matched).toEqual(["entity:kafka", "entity:postgresql"]);
  });

  it("returns nothing when no article mentions all of them", () => {
    expect(articlesMatching(graph, ["entity:kafka", "entity:io-uring"], "all")).toEqual([]);
  });
});

describe("coOccurring", () => {
  it("counts the articles shared with each other concept", () => {
    const together = coOccurring(graph, "entity:netflix");
    expect(together.find((c) => c.id === "entity:kafka")?.count).toBe(1);
    expect(together.find((c) => c.id === "entity:postgresql")?.count).toBe(1);
    expect(together.some((c) => c.id === "entity:netflix")).toBe(false);
  });

  it("ranks the most frequent companion first", () => {
    expect(coOccurring(graph, "entity:postgresql")[0]?.id).toBe("entity:write-ahead-logging");
  });
});

describe("relatedArticles", () => {
  it("names the shared concepts and ranks rarer shared concepts higher", () => {
    const related = relatedArticles(graph, rustArticle);
    expect(related.map((r) => r.id)).toContain(ioArticle);
    const io = related.find((r) => r.id === ioArticle);
    expect(io?.shared.map((s) => s.label).sort()).toEqual(["Rust", "io_uring"].sort());
    expect(related[0]?.id).toBe(ioArticle);
  });

  it("does not relate an article to itself or to articles sharing nothing", () => {
    const related = relatedArticles(graph, rustArticle).map((r) => r.id);
    expect(related).not.toContain(rustArticle);
    expect(related).not.toContain("article:timeouts-retries-and-backoff-marc-brooker");
  });
});

describe("conceptsOfArticle and segmentField", () => {
  it("lists every concept an article mentions", () => {
    expect(conceptsOfArticle(graph, mvccArticle).map((c) => c.label).sort()).toEqual(
      ["MVCC", "Netflix", "PostgreSQL", "Write-ahead logging"].sort(),
    );
  });

  it("cuts an insight into text and mentions that rebuild it exactly", () => {
    const text = graph.getNodeAttribute(mvccArticle, "insights" as never) as unknown as string[];
    const segments = segmentField(graph, mvccArticle, "insight", 1, text[1]!);
    expect(segments.map((s) => s.text).join("")).toBe(text[1]);
    expect(segments.filter((s) => s.entity).map((s) => [s.text, s.entity])).toEqual([
      ["WAL", "entity:write-ahead-logging"],
    ]);
  });
});
