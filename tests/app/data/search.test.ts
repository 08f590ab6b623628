import { describe, expect, it } from "vitest";
import { createSearchIndex, tokenize } from "../../../src/app/data/search";
import { fixtureGraph } from "../fixtures/graph";

const index = createSearchIndex(fixtureGraph());
const conceptIds = (query: string) => index.search(query).concepts.flatMap((g) => g.hits.map((h) => h.id));

describe("tokenize", () => {
  it("folds case and accents and indexes compounds whole and in parts", () => {
    expect(tokenize("Café io_uring Node.js")).toEqual(["cafe", "io", "uring", "iouring", "node", "js", "nodejs"]);
  });

  it("keeps C++ and C# as words", () => {
    expect(tokenize("C++ and C#")).toEqual(["c++", "and", "c#"]);
  });
});

describe("search", () => {
  it.each(["postgres", "pg", "PostgreSQL", "POSTGRES"])("finds PostgreSQL by %j", (query) => {
    expect(conceptIds(query)[0]).toBe("entity:postgresql");
  });

  it("ranks the concept whose alias is exactly the query above identifiers that contain it", () => {
    const technologies = index.search("pg").concepts.find((g) => g.type === "technology");
    expect(technologies?.hits.map((h) => h.id)).toEqual(["entity:postgresql", "entity:pg-repack"]);
  });

  it("says which alias matched", () => {
    const hit = index.search("postgres").concepts[0]?.hits[0];
    expect(hit?.alias).toBe("Postgres");
  });

  it.each(["io_uring", "io uring", "iouring", "IO-URING", "io-uring"])("finds io_uring by %j", (query) => {
    expect(conceptIds(query)).toContain("entity:io-uring");
  });

  it("ignores accents", () => {
    expect(conceptIds("cafe")).toContain("entity:cafe");
  });

  it("forgives a small typo in a longer word", () => {
    expect(conceptIds("netflx")).toContain("entity:netflix");
    expect(conceptIds("postgress")).toContain("entity:postgresql");
  });

  it("matches as one types (prefixes)", () => {
    expect(conceptIds("kaf")).toContain("entity:kafka");
  });

  it("groups concepts by type, articles and insight text, with counts", () => {
    const results = index.search("netflix");
    expect(results.concepts.map((g) => g.type)).toEqual(["organization"]);
    expect(results.articles.hits.map((h) => h.id).sort()).toEqual(
      ["article:how-postgres-mvcc-works-netflix", "article:kafka-at-netflix-scale"].sort(),
    );
    expect(results.insights.total).toBe(1);
    expect(results.total).toBe(
      results.concepts.reduce((n, g) => n + g.total, 0) + results.articles.total + results.insights.total,
    );
  });

  it("finds words inside insights and marks them in the snippet", () => {
    const results = index.search("vacuum");
    const hit = results.insights.hits[0];
    expect(hit?.id).toBe("article:how-postgres-mvcc-works-netflix");
    expect(hit?.snippet.slice(hit.markStart, hit.markEnd).toLowerCase()).toBe("vacuum");
  });

  it("finds articles by title words", () => {
    expect(index.search("backoff").articles.hits[0]?.id).toBe(
      "article:timeouts-retries-and-backoff-marc-brooker",
    );
  });

  it("keeps group totals while capping the hits", () => {
    const results = index.search("a", { limit: 1 });
    for (const group of [...results.concepts, results.articles, results.insights]) {
      expect(group.hits.length).toBeLessThanOrEqual(1);
      expect(group.total).toBeGreaterThanOrEqual(group.hits.length);
    }
  });

  it("requires every word of a multi-word query", () => {
    expect(index.search("kafka netflix").articles.hits.map((h) => h.id)).toEqual(["article:kafka-at-netflix-scale"]);
    expect(index.search("kafka netflix rings").total).toBe(0);
  });

  it("treats only the word being typed as a prefix", () => {
    expect(index.search("netflix sca").articles.hits.map((h) => h.id)).toEqual(["article:kafka-at-netflix-scale"]);
    expect(index.search("netfl scale").articles.total).toBe(0);
  });

  it("matches insight text by prefix from four letters, and a shorter word only whole", () => {
    expect(index.search("vacu").insights.hits.map((h) => h.id)).toContain("article:how-postgres-mvcc-works-netflix");
    expect(index.search("vac").insights.total).toBe(0);
    expect(index.search("the").insights.total).toBeGreaterThan(0);
  });

  it("answers a query typed letter by letter exactly as the same query asked at once", () => {
    const typed = createSearchIndex(fixtureGraph());
    for (const query of ["postgres vacuum", "kafka at netflix", "rust io_uring mvcc", "netflix kafka"]) {
      for (let length = 1; length <= query.length; length++) {
        const prefix = query.slice(0, length);
        expect(typed.search(prefix), JSON.stringify(prefix)).toEqual(createSearchIndex(fixtureGraph()).search(prefix));
      }
      // and back again, as when deleting
      for (let length = query.length; length >= 1; length--) {
        const prefix = query.slice(0, length);
        expect(typed.search(prefix), JSON.stringify(prefix)).toEqual(index.search(prefix));
      }
    }
  });

  it("returns empty groups for an empty or punctuation-only query", () => {
    for (const query of ["", "   ", "--"]) {
      const results = index.search(query);
      expect(results.total).toBe(0);
      expect(results.concepts).toEqual([]);
    }
  });
});
