/**
 * Rules that make extraction hold on reading lists written by others: headline-case titles,
 * trailing parentheses that are not sources, names spelt in more pieces than the lexicon's.
 */
import { describe, expect, it } from "vitest";
import type { LexiconTerm } from "../../../src/core/extract/index";
import { entry, found, run } from "./helpers";

const TERMS: LexiconTerm[] = [
  { name: "multiversion concurrency control", type: "technique", aliases: ["MVCC", "multi-version concurrency control"] },
  { name: "consensus", type: "technique" },
  // Also an English word: kept to its case in sentences.
  { name: "scheduling", type: "technique" },
  { name: "histogram", type: "technique", aliases: ["histograms"] },
  { name: "Raft", type: "technique", caseSensitive: true },
  { name: "Netflix", type: "organization" },
  { name: "garbage collection", type: "technique" },
];

const title = (t: string) => entry({ title: t });

describe("headline-case and all-caps titles", () => {
  it("find a concept word whatever its case in a title where case carries no meaning", () => {
    const x = run(TERMS, [
      title("Improved Histograms for Selectivity Estimation of Range Predicates"),
      title("CONSENSUS ON TRANSACTION COMMIT"),
      title("Scheduling Techniques for Concurrent Systems"),
      title("THREAD SCHEDULING FOR MULTIPROGRAMMED MULTIPROCESSORS"),
    ]);
    expect(found(x, 0)).toEqual(["histogram"]);
    expect(found(x, 1)).toEqual(["consensus"]);
    expect(found(x, 2)).toEqual(["scheduling"]);
    expect(found(x, 3)).toEqual(["scheduling"]);
  });

  it("keep a case-sensitive term's case even there", () => {
    const x = run(TERMS, [title("A Raft of Ideas for Better Systems"), title("A Raft Of Ideas For Better Systems"), title("Why We Raft Down Rivers")]);
    expect(found(x, 0)).toEqual(["Raft"]);
    expect(found(x, 1)).toEqual(["Raft"]);
  });

  it("still read a capitalised common word in a sentence-case title as written", () => {
    const x = run(TERMS, [title("Scheduling is hard for everyone"), title("Notes on thread scheduling")]);
    expect(found(x, 0)).toEqual([]);
    expect(found(x, 1)).toEqual(["scheduling"]);
  });

  it("match a name written in more pieces than its canonical spelling (Multi-Version)", () => {
    const x = run(TERMS, [title("Multi-Version Concurrency Control"), title("An Empirical Evaluation of In-Memory Multi-Version Concurrency Control")]);
    expect(found(x, 0)).toEqual(["multiversion concurrency control"]);
    expect(found(x, 1)).toEqual(["multiversion concurrency control"]);
  });
});

describe("trailing parentheses", () => {
  const names = (t: string) => {
    const x = run(TERMS, [title(t)]);
    return x.entities.map((e) => `${e.type}:${e.name}`).sort();
  };

  it("name a source when it looks like one", () => {
    expect(names("Scaling Event Sourcing (Netflix)")).toEqual(["organization:Netflix"]);
    expect(names("Metastable Failures (Marc Brooker)")).toEqual(["person:Marc Brooker"]);
    // The venue is a source too (the guidelines make it optional).
    expect(names("Load Balancing at the Edge (Maglev, NSDI'16)")).toEqual(["organization:Maglev", "organization:NSDI"]);
    expect(names("Fast Commit Protocols (PRACE)")).toEqual(["organization:PRACE"]);
    expect(names("Patterns of Distributed Systems (Martinfowler.com)")).toEqual(["organization:Martinfowler.com"]);
    expect(names("Engineering Blog Highlights (Zalando)")).toEqual(["organization:Zalando"]);
  });

  it("are ordinary text when they hold a topic, a part or a phrase", () => {
    expect(names("Multi-Version Concurrency Control (Design Decisions)")).toEqual(["technique:multiversion concurrency control"]);
    expect(names("Multi-Version Concurrency Control (Protocols)")).toEqual(["technique:multiversion concurrency control"]);
    expect(names("Multi-Version Concurrency Control (Garbage Collection)")).toEqual([
      "technique:garbage collection",
      "technique:multiversion concurrency control",
    ]);
    expect(names("Database Design and Implementation (Data-Centric Systems and Applications)")).toEqual([]);
    expect(names("Calcite Subqueries - II (Decorrelate)")).toEqual([]);
  });

  it("give a project's CamelCase name and a model number their own type", () => {
    expect(names("Subquery Rewriting (RemoveSubQuery)")).toEqual(["technology:RemoveSubQuery"]);
    expect(names("Write Your Own Virtual Machine (LC-3)")).toEqual(["technology:LC-3"]);
  });

  it("take a phrase for a source when another article uses it as a proper name", () => {
    const once = run(TERMS, [title("How Is Data Stored? (Making Software)"), title("How Do Fonts Work?")]);
    expect(found(once, 0)).toEqual([]);
    const twice = run(TERMS, [title("How Is Data Stored? (Making Software)"), title("How Do Fonts Work? (Making Software)")]);
    expect(found(twice, 0)).toEqual(["Making Software"]);
  });
});

describe("people and organisations named in passing", () => {
  const named = (description: string, titleText = "Some Article") => {
    const x = run(TERMS, [entry({ title: titleText, description })]);
    return x.entities.map((e) => `${e.type}:${e.name}`).sort();
  };

  it("reads whoever is thanked or credited as a person, handles included", () => {
    expect(named("thanks to Jane Doe")).toEqual(["person:Jane Doe"]);
    expect(named("Course notes, thanks to Zahin Rahman")).toEqual(["person:Zahin Rahman"]);
    expect(named("thanks to cstack")).toEqual(["person:cstack"]);
    expect(named("slides courtesy of @aphyr, 2014")).toEqual(["person:aphyr"]);
    expect(named("written by Dr. Martin Kleppmann")).toEqual(["person:Martin Kleppmann"]);
  });

  it("reads a team that is thanked as its organisation", () => {
    expect(named("from the engineering blog, thanks to the Pivotal Engineering team")).toEqual(["organization:Pivotal"]);
  });

  it("takes a bare 'by' for a person only when a title of address or the name says so", () => {
    expect(named("Cornell course by Prof. Trummer")).toEqual(["person:Trummer"]);
    expect(named("A lecture series by Leslie Lamport")).toEqual(["person:Leslie Lamport"]);
    expect(named("", "Query Optimization by Simulated Annealing")).toEqual([]);
    expect(named("Faster pages by Brotli Compression")).toEqual([]);
  });

  it("reads a person from the work that is theirs, and an institution from its name", () => {
    expect(named("Based on Jane Doe's thesis")).toEqual(["person:Jane Doe"]);
    expect(named("Work done at ACME Labs in 2019")).toEqual(["organization:ACME Labs"]);
    expect(named("Research from the University of Tokyo.")).toEqual(["organization:University of Tokyo"]);
  });

  it("leaves ordinary words that follow the same phrases alone", () => {
    expect(named("thanks to this, reads got faster")).toEqual([]);
    expect(named("by the way, partitions by Date")).toEqual([]);
    expect(named("Netflix's blog explains it")).toEqual(["organization:Netflix"]);
  });
});

describe("one node per concept across the corpus", () => {
  const entities = (entries: Parameters<typeof run>[1], terms: LexiconTerm[]) =>
    run(terms, entries).entities.map((e) => `${e.name} [${[...e.aliases].sort().join(", ")}]`);

  it("spells out an article's acronym with capitalised words elsewhere in the same article", () => {
    const x = run(TERMS, [entry({ title: "Inside High-Frequency Trading Systems", description: "Latency patterns in HFT" })]);
    expect(found(x, 0)).toEqual(["High-Frequency Trading"]);
    expect(x.entities[0]?.aliases).toContain("HFT");
  });

  it("joins an acronym defined in one article to its bare uses in others", () => {
    const x = run(TERMS, [
      entry({ title: "Agents", insights: ["The Model Context Protocol became universal: every DBMS shipped MCP support"] }),
      entry({ title: "Tracing", insights: ["MCP integration lets any client query the trace"] }),
    ]);
    expect(found(x, 0)).toContain("Model Context Protocol");
    expect(found(x, 1)).toEqual(["Model Context Protocol"]);
  });

  it("joins a bare acronym to the one entity of the corpus whose name it abbreviates", () => {
    const terms: LexiconTerm[] = [{ name: "inter-process communication", type: "technique" }];
    const x = run(terms, [
      entry({ title: "Chromium", insights: ["Renderers talk through inter-process communication"] }),
      entry({ title: "Android", insights: ["Binder is the IPC layer", "Every IPC is checked"] }),
    ]);
    expect(found(x, 1)).toEqual(["inter-process communication"]);
  });

  it("keeps an acronym apart when two entities share its initials, or when it has two letters", () => {
    const terms: LexiconTerm[] = [
      { name: "static site generator", type: "technology" },
      { name: "server-side generation", type: "technique" },
      { name: "idempotency key", type: "technique" },
    ];
    const x = run(terms, [
      entry({ title: "Sites", insights: ["A static site generator renders pages", "server-side generation is slower"] }),
      entry({ title: "Docs", insights: ["Our SSG pipeline"] }),
      entry({ title: "Blog", insights: ["The SSG cache"] }),
      entry({ title: "Payments", insights: ["An idempotency key per request"] }),
      entry({ title: "Tunnels", insights: ["Noise IK handshakes", "IK keys rotate"] }),
    ]);
    expect(found(x, 1)).toEqual(["SSG"]);
    expect(found(x, 2)).toEqual(["SSG"]);
    expect(found(x, 4)).not.toContain("idempotency key");
  });

  it("merges a product named with and without its vendor", () => {
    const names = entities(
      [entry({ title: "Microsoft LiteBox: A Library OS" }), entry({ title: "Sandboxes", insights: ["LiteBox boots in milliseconds"] })],
      [{ name: "Microsoft", type: "organization" }],
    );
    expect(names.filter((n) => n.includes("LiteBox"))).toEqual(["LiteBox [Microsoft LiteBox]"]);
  });
});

describe("a key that several terms share", () => {
  it("goes to the term whose canonical name it is, not to one that lists it as an alias", () => {
    const terms: LexiconTerm[] = [
      { name: "Google Bigtable", type: "technology", aliases: ["Bigtable", "Cloud Bigtable"] },
      { name: "Bigtable", type: "technology" },
      { name: "vectorized execution", type: "technique", aliases: ["vectorization"] },
      { name: "vectorization", type: "technique" },
      { name: "service-oriented architecture", type: "technique", aliases: ["SOA"] },
      { name: "structure of arrays", type: "technique", aliases: ["SOA"] },
    ];
    const x = run(terms, [title("Bigtable: A Distributed Storage System"), title("Making Compilation, Vectorization, and Prefetching Work"), title("SOA Layouts")]);
    expect(found(x, 0)).toEqual(["Bigtable"]);
    expect(found(x, 1)).toEqual(["vectorization"]);
    // Two aliases and no name: nothing says which one is meant.
    expect(found(x, 2)).toEqual([]);
  });
});

describe("acronyms that are not", () => {
  it("reads a Roman numeral after a title as a number", () => {
    const x = run(TERMS, [title("Query Execution II"), title("Trees Indexes II"), title("Lecture III")]);
    expect(x.entities.map((e) => e.name)).not.toContain("II");
  });

  it("takes a final capital S as a letter of the acronym, a final small s as its plural", () => {
    const terms: LexiconTerm[] = [{ name: "timestamp ordering", type: "technique" }, { name: "write-ahead log", type: "technique" }];
    const x = run(terms, [
      entry({ title: "Concurrency", insights: ["timestamp ordering and the write-ahead log"] }),
      entry({ title: "WiscKey", description: "TOS" }),
      entry({ title: "Key-value stores", description: "TOS" }),
      entry({ title: "Recovery", insights: ["WALs grow until a checkpoint"] }),
    ]);
    expect(found(x, 1)).toContain("TOS");
    expect(found(x, 1)).not.toContain("timestamp ordering");
    expect(found(x, 3)).toEqual(["write-ahead log"]);
  });
});
