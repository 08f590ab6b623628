import { describe, expect, it } from "vitest";
import { createSearchIndex, tokenize } from "../../../src/app/data/search";
import { slug } from "../../../src/core/slug";
import type { EntityType } from "../../../src/core/types";
import { fixtureGraph } from "../fixtures/graph";
import { hierarchyGraph } from "../fixtures/hierarchy";

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

describe("search picks the right one", () => {
  /** The fixture with more concepts, each with the article count it is given (no articles are added). */
  function graphWith(concepts: { label: string; type: EntityType; aliases?: string[]; articleCount: number }[]) {
    const graph = fixtureGraph();
    concepts.forEach(({ label, type, aliases = [], articleCount }, i) => {
      graph.addNode(`entity:${slug(label)}`, { kind: "entity", type, label, aliases, articleCount, x: i, y: -i, size: 4, color: "#000" });
    });
    return graph;
  }
  const ranked = createSearchIndex(
    graphWith([
      { label: "CoDel", type: "technique", aliases: ["Controlled Delay"], articleCount: 1 },
      { label: "Claude Code", type: "technology", articleCount: 40 },
      { label: "Claude", type: "technology", articleCount: 40 },
      { label: "Claude Desktop", type: "technology", articleCount: 2 },
      { label: "LSM tree", type: "technique", aliases: ["Log-Structured Merge Trees"], articleCount: 3 },
      { label: "consistent hashing", type: "technique", aliases: ["consistent hash ring"], articleCount: 3 },
      { label: "eBPF", type: "technology", aliases: ["BPF"], articleCount: 11 },
      { label: "eventual consistency", type: "technique", articleCount: 30 },
    ]),
  );
  /** The first option the box offers, as the panels list them. */
  const first = (query: string, limit?: number) => ranked.search(query, { limit }).names[0]?.hits[0];

  it("offers a name typed exactly first, over a bigger concept of an earlier type reached by a typo", () => {
    expect(first("CoDel")).toMatchObject({ id: "entity:codel", match: "exact" });
    expect(first("codel")?.id).toBe("entity:codel");
    expect(first("controlled delay")).toMatchObject({ id: "entity:codel", match: "exact" });
  });

  it.each([
    ["lsm-tree", "entity:lsm-tree"],
    ["LSM_tree", "entity:lsm-tree"],
    ["lsmtree", "entity:lsm-tree"],
    ["consistent-hashing", "entity:consistent-hashing"],
    ["consistent_hashing", "entity:consistent-hashing"],
  ])("treats hyphens, underscores and spaces alike: %j names %s exactly", (query, id) => {
    expect(first(query)).toMatchObject({ id, match: "exact" });
  });

  it.each([
    ["kafak", "entity:kafka"],
    ["kakfa", "entity:kafka"],
    ["epbf", "entity:ebpf"],
    ["netflxi", "entity:netflix"],
  ])("counts a swap of neighbouring letters as one typo: %j finds %s first", (query, id) => {
    expect(first(query)).toMatchObject({ id, match: "fuzzy" });
  });

  it("ranks prefix matches after exact ones and before typos, then by relevance", () => {
    const technologies = ranked.search("claude").concepts.find((g) => g.type === "technology");
    expect(technologies?.hits.map((h) => [h.label, h.match])).toEqual([
      ["Claude", "exact"],
      ["Claude Code", "prefix"], // as close a match as Claude Desktop, and more articles mention it
      ["Claude Desktop", "prefix"],
    ]);
  });

  it("keeps concepts grouped by type, and lists the same groups in `concepts` and `names`", () => {
    const results = ranked.search("codel");
    expect(results.concepts.map((g) => g.type)).toEqual(["technique", "technology"]);
    expect(results.names.filter((g) => g.kind === "concepts")).toEqual(results.concepts);
    expect(results.names).toContain(results.articles);
  });

  it("offers an article whose whole title was typed before concepts reached by a typo", () => {
    expect(first("Kafka at Netflix scale")).toMatchObject({ id: "article:kafka-at-netflix-scale", match: "exact" });
  });

  it("ranks the same way with the Path boxes' shorter lists", () => {
    expect(first("CoDel", 6)?.id).toBe("entity:codel");
    expect(first("epbf", 1)?.id).toBe("entity:ebpf");
  });
});

describe("search by narrower concepts", () => {
  const withHierarchy = createSearchIndex(hierarchyGraph());
  const hits = (query: string) => withHierarchy.search(query).names.flatMap((g) => g.hits as { id: string; match: string; narrower?: string }[]);

  it("finds a concept by the name of a concept below it, saying which", () => {
    const found = hits("WAL archiving");
    expect(found[0]).toMatchObject({ id: "entity:wal-archiving", match: "exact" });
    expect(found.find((h) => h.id === "entity:write-ahead-logging")).toMatchObject({ match: "narrower", narrower: "WAL archiving" });
  });

  it("reaches every level below, and a grouping concept by what it groups", () => {
    expect(hits("WAL replay").map((h) => h.id)).toContain("entity:transaction-log");
    expect(hits("optimistic").find((h) => h.id === "entity:concurrency-control")).toMatchObject({ match: "narrower" });
  });

  it("ranks such a match after the concept's own exact and prefix matches", () => {
    const found = withHierarchy.search("wal").concepts.find((g) => g.type === "technique")!.hits;
    const own = found.findIndex((h) => h.id === "entity:write-ahead-logging");
    const below = found.findIndex((h) => h.id === "entity:transaction-log");
    expect(found[own]).toMatchObject({ match: "exact" });
    expect(found[below]).toMatchObject({ match: "narrower" });
    expect(own).toBeLessThan(below);
    for (const hit of found.slice(below)) expect(["narrower", "fuzzy"]).toContain(hit.match);
  });
});
