import { describe, expect, it } from "vitest";
import type { LexiconTerm } from "../../../src/core/extract/index";
import { slug } from "../../../src/core/slug";
import { fieldText } from "../../../src/core/types";
import { entry, found, quotes, run } from "./helpers";

const TERMS: LexiconTerm[] = [
  { name: "PostgreSQL", type: "technology", aliases: ["Postgres", "PG"] },
  { name: "Apache Kafka", type: "technology", aliases: ["Kafka"] },
  { name: "LSM tree", type: "technique", aliases: ["log-structured merge tree", "LSM"] },
  { name: "Bloom filter", type: "technique" },
  { name: "Little's Law", type: "technique" },
  { name: "write-ahead logging", type: "technique", aliases: ["WAL", "write-ahead log"] },
  { name: "multiversion concurrency control", type: "technique", aliases: ["MVCC"] },
  { name: "VACUUM FULL", type: "technology", caseSensitive: true },
  { name: "HotSpot", type: "technology", caseSensitive: true },
  { name: "C++", type: "technology" },
  { name: "Go", type: "technology", context: ["goroutine", "language", "compiler"], caseSensitive: true },
  { name: "Apache Spark", type: "technology", aliases: ["Spark"], context: ["hadoop", "executor", "executors"] },
  { name: "Spark", type: "organization", context: ["email"] },
  { name: "Uber", type: "organization" },
  { name: "A* search", type: "technique", aliases: ["A*"] },
];

describe("lexicon matching", () => {
  it("finds names through aliases, case, hyphen, plural and possessive variants", () => {
    const e = entry({
      title: "Postgres internals",
      description: "How PG uses a write-ahead log",
      insights: ["LSM-trees and log structured merge trees", "Bloom filters cut reads", "Little’s law holds", "Kafka's consumers"],
    });
    const x = run(TERMS, [e]);
    expect(found(x)).toEqual(["Apache Kafka", "Bloom filter", "LSM tree", "Little's Law", "PostgreSQL", "write-ahead logging"]);
    expect(quotes(x, [e], "LSM tree")).toEqual(["LSM-trees", "log structured merge trees"]);
  });

  it("gives every mention exact offsets into the field it quotes", () => {
    const e = entry({ title: "MVCC in PostgreSQL", insights: ["x", "Tuning the WAL (write-ahead log) of Postgres"] });
    const x = run(TERMS, [e]);
    for (const m of x.mentions) {
      for (const ev of m.evidence) {
        const text = fieldText(e, ev.field, ev.index).slice(ev.start, ev.end);
        expect(text.length).toBeGreaterThan(0);
        expect(slug(text)).not.toBe("");
      }
    }
    expect(quotes(x, [e], "PostgreSQL")).toEqual(["PostgreSQL", "Postgres"]);
    expect(quotes(x, [e], "write-ahead logging")).toEqual(["WAL", "write-ahead log"]);
    const wal = x.mentions.find((m) => m.entity === slug("write-ahead logging"));
    expect(wal?.evidence[0]).toEqual({ field: "insight", index: 1, start: 11, end: 14 });
  });

  it("lists each entity once, with at least one mention", () => {
    const x = run(TERMS, [entry({ title: "Kafka" }), entry({ title: "Apache Kafka and PostgreSQL" })]);
    expect(x.entities.map((e) => e.id)).toEqual(["apache-kafka", "postgresql"]);
    for (const e of x.entities) expect(x.mentions.some((m) => m.entity === e.id)).toBe(true);
    expect(x.entities.find((e) => e.id === "apache-kafka")?.aliases).toContain("Kafka");
  });

  it("keeps symbols that make a name: C++ is not C", () => {
    const x = run(TERMS, [entry({ title: "Modern C++ tricks" })]);
    expect(found(x)).toEqual(["C++"]);
    expect(quotes(x, [entry({ title: "Modern C++ tricks" })], "C++")).toEqual(["C++"]);
  });

  it("recognises an ambiguous short name only in context", () => {
    expect(found(run(TERMS, [entry({ title: "Go big or go home" })]))).toEqual([]);
    expect(found(run(TERMS, [entry({ title: "Scheduling in Go", insights: ["each goroutine parks"] })]))).toEqual(["Go"]);
    // The section an entry is filed under counts as context.
    expect(found(run(TERMS, [entry({ title: "Generics in Go", section: "Programming Languages" })]))).toEqual(["Go"]);
  });

  it("resolves an alias shared by two entities by context, and leaves it out otherwise", () => {
    expect(found(run(TERMS, [entry({ title: "Spark executors at scale" })]))).toEqual(["Apache Spark"]);
    expect(found(run(TERMS, [entry({ title: "Spark for email" })]))).toEqual(["Spark"]);
    expect(found(run(TERMS, [entry({ title: "A Spark of genius" })]))).toEqual([]);
  });

  it("matches a reviewed phrase in Title Case even when its short forms are case-sensitive", () => {
    const terms: LexiconTerm[] = [{ name: "continuous integration", type: "technique", aliases: ["CI"], caseSensitive: true }];
    expect(found(run(terms, [entry({ title: "Continuous Integration with Monorepos" })]))).toEqual(["continuous integration"]);
    expect(found(run(terms, [entry({ title: "Ci or not" })]))).toEqual([]);
  });

  it("reads modifiers listed before a shared head word as names of their own", () => {
    const terms: LexiconTerm[] = [...TERMS, { name: "cuckoo filter", type: "technique" }, { name: "quotient filter", type: "technique" }];
    const e = entry({ title: "Filters", description: "Bloom, cuckoo and quotient filters compared" });
    const x = run(terms, [e]);
    expect(found(x)).toEqual(["Bloom filter", "cuckoo filter", "quotient filter"]);
    expect(quotes(x, [e], "cuckoo filter")).toEqual(["cuckoo"]);
    // A list that does not end in a known name, or words that are no list, name nothing.
    expect(found(run(terms, [entry({ title: "Fast, cheap filters" })]))).toEqual([]);
    expect(found(run(terms, [entry({ title: "Notes", description: "cuckoo quotient filters" })]))).toEqual(["quotient filter"]);
  });

  it("reads a list of known people's surnames as those people, but not one surname alone", () => {
    const people: LexiconTerm[] = [
      { name: "Peter Bailis", type: "person" },
      { name: "Joe Hellerstein", type: "person" },
      { name: "Michael Stonebraker", type: "person" },
    ];
    const x = run(people, [entry({ title: "Red Book", description: "Bailis, Hellerstein and Stonebraker's readings" })]);
    expect(found(x)).toEqual(["Joe Hellerstein", "Michael Stonebraker", "Peter Bailis"]);
    expect(found(run(people, [entry({ title: "Notes", description: "as Stonebraker argued" })]))).toEqual([]);
  });

  it("reads an ambiguous technology introduced by 'in', 'with' or 'using' in its exact case", () => {
    expect(found(run(TERMS, [entry({ title: "Gossip, Paxos, Microservices in Go, and CRDTs" })]))).toEqual(["Go"]);
    expect(found(run(TERMS, [entry({ title: "Lost in go mode" })]))).toEqual([]);
    const ray: LexiconTerm[] = [{ name: "Ray", type: "technology", context: ["python", "actors"], caseSensitive: true }];
    expect(found(run(ray, [entry({ title: "Training with Ray" })]))).toEqual(["Ray"]);
    expect(found(run(ray, [entry({ title: "An interview with Ray Dalio" })]))).toEqual(["Ray Dalio"]);
  });

  it("repairs names glued by the export", () => {
    const e = entry({ title: "Bloat", insights: ["We ranVACUUM FULLat night"] });
    const x = run(TERMS, [e]);
    expect(found(x)).toEqual(["VACUUM FULL"]);
    expect(quotes(x, [e], "VACUUM FULL")).toEqual(["VACUUM FULL"]);
  });
});

describe("normalisation across an article", () => {
  const terms: LexiconTerm[] = [
    { name: "failover", type: "technique", broad: true },
    { name: "automatic failover", type: "technique", aliases: ["automated failover"] },
  ];

  it("drops a broad concept word where the article names a specific form of it", () => {
    const x = run(terms, [entry({ title: "HA", insights: ["automated failover in seconds", "failover drills"] }), entry({ title: "DR", insights: ["failover drills"] })]);
    expect(found(x, 0)).toEqual(["automatic failover"]);
    expect(found(x, 1)).toEqual(["failover"]);
  });

  it("leaves broad concept words out when asked to", () => {
    expect(run(terms, [entry({ title: "failover drills" })], { broadConcepts: false }).entities).toEqual([]);
  });

  it("repairs identifiers glued to a word when the document also writes them alone", () => {
    const e = entry({ title: "Memory", description: "work_mem and shared_buffers", insights: ["raising work_memis safe; shared_bufferscompetes with the page cache"] });
    const x = run(TERMS, [e]);
    expect(found(x)).toEqual(["shared_buffers", "work_mem"]);
    expect(quotes(x, [e], "work_mem")).toEqual(["work_mem", "work_mem"]);
  });
});

describe("identifiers glued at both ends", () => {
  it("cuts a glued identifier where the document's other identifiers begin or end", () => {
    const e = entry({
      title: "Checkpoints",
      insights: ["checkpoint_timeout and symbol_size and query_id", "a cascade of writes: cascadecheckpoint_completion_target", "raise max_wal_sizetoo", "its causingquery_idname"],
    });
    const x = run(TERMS, [e]);
    expect(found(x)).toEqual(["checkpoint_completion_target", "checkpoint_timeout", "max_wal_size", "query_id", "symbol_size"]);
  });

  it("leaves an identifier whole when no other identifier shows a seam", () => {
    const x = run(TERMS, [entry({ title: "Stats", insights: ["read pg_statistic and pg_stat_statements"] })]);
    expect(found(x)).toEqual(["pg_stat_statements", "pg_statistic"]);
  });
});

describe("false positives removed (regressions)", () => {
  it("does not read one-letter keys: the article 'A' is not A* search", () => {
    expect(found(run(TERMS, [entry({ title: "A Simple Tactic" })]))).toEqual([]);
  });

  it("does not pluralise proper names: 'hotspots' is not HotSpot", () => {
    expect(found(run(TERMS, [entry({ title: "Partition hotspots", insights: ["avoid hotspots"] })]))).toEqual([]);
  });

  it("does not take capitalised ordinary words for acronyms", () => {
    const x = run(TERMS, [entry({ title: "One", insights: ["FULL scan and REDO"] }), entry({ title: "Two", insights: ["FULL REDO again"] })]);
    expect(x.entities).toEqual([]);
  });

  it("does not cut a code identifier at a glue word inside it", () => {
    const x = run(TERMS, [entry({ title: "Tuning", insights: ["raise autovacuum_vacuum_scale_factor now"] })]);
    expect(found(x)).toEqual(["autovacuum_vacuum_scale_factor"]);
  });

  it("skips stopwords and units even when they look like acronyms", () => {
    const x = run(TERMS, [entry({ title: "One", insights: ["5400 QPS at P99"] }), entry({ title: "Two", insights: ["QPS and P99"] })]);
    expect(x.entities).toEqual([]);
  });

  it("does not take a brand for a name where the document writes it as a word", () => {
    const brands: LexiconTerm[] = [{ name: "Satellite", type: "technology", source: "simple-icons" }, { name: "Envoy", type: "technology", source: "simple-icons" }];
    const x = run(brands, [entry({ title: "33 Million Satellite Positions", insights: ["propagating each satellite with Envoy"] })]);
    expect(found(x)).toEqual(["Envoy"]);
  });

  it("does not read an alias whose key loses a letter: 'µops' is not 'ops'", () => {
    const terms: LexiconTerm[] = [{ name: "micro-ops", type: "technique", aliases: ["µops", "uops"] }];
    expect(found(run(terms, [entry({ title: "Ops", insights: ["ops teams page at night"] })]))).toEqual([]);
    expect(found(run(terms, [entry({ title: "Decoding", insights: ["the decoder emits uops"] })]))).toEqual(["micro-ops"]);
  });

  it("does not take a plain capitalised brand word in a Title Case title for the brand", () => {
    const brands: LexiconTerm[] = [{ name: "Velocity", type: "technology", source: "simple-icons" }, { name: "Hetzner", type: "technology", source: "simple-icons" }];
    const title = "Performance, Isolation, and Velocity at Scale";
    expect(found(run(brands, [entry({ title })]))).toEqual([]);
    // The entry's own sentences capitalising it, or a title that is not in Title Case, do count.
    expect(found(run(brands, [entry({ title, insights: ["we templated pages with Velocity"] })]))).toEqual(["Velocity"]);
    expect(found(run(brands, [entry({ title: "moving our servers to Hetzner" })]))).toEqual(["Hetzner"]);
  });

  it("does not take an ordinary word in title parentheses for a source", () => {
    expect(found(run(TERMS, [entry({ title: "Introduction to Zig (Book)" })]))).toEqual([]);
  });
});

describe("discovery beyond the lexicon", () => {
  it("keeps code identifiers as technologies", () => {
    const x = run(TERMS, [entry({ title: "Repacking", insights: ["pg_repack beats SCHED_FIFO tricks"] })]);
    expect(found(x)).toEqual(["SCHED_FIFO", "pg_repack"]);
    expect(x.entities.every((e) => e.type === "technology")).toBe(true);
  });

  it("keeps CamelCase names as technologies", () => {
    const x = run(TERMS, [entry({ title: "Query engines", insights: ["DataFusion and TigerBeetle compared"] })]);
    expect(found(x)).toEqual(["DataFusion", "TigerBeetle"]);
  });

  it("names an acronym by its expansion, in either order, and links later bare uses", () => {
    const entries = [
      entry({ title: "Queues", insights: ["Controlled Delay (CoDel) drops stale work"] }),
      entry({ title: "Proxies", insights: ["the Data Access Layer (DAL) routes traffic"] }),
      entry({ title: "More", insights: ["the DAL again"] }),
    ];
    const x = run(TERMS, entries);
    expect(found(x, 0)).toEqual(["Controlled Delay"]);
    expect(x.entities.find((e) => e.name === "Controlled Delay")?.aliases).toContain("CoDel");
    expect(found(x, 2)).toEqual(["Data Access Layer"]);
  });

  it("keeps a bare acronym only when it recurs across articles", () => {
    const one = run(TERMS, [entry({ title: "x", insights: ["the XYZQ layer"] })]);
    expect(one.entities).toEqual([]);
    const two = run(TERMS, [entry({ title: "x", insights: ["the XYZQ layer"] }), entry({ title: "y", insights: ["XYZQ again"] })]);
    expect(found(two, 1)).toEqual(["XYZQ"]);
  });

  it("reads people and organisations from title parentheses", () => {
    const x = run(TERMS, [entry({ title: "Serverless OLTP (Marc Brooker, CMU)" }), entry({ title: "Migration (Netflix)" }), entry({ title: "Paper (Google, NSDI'18)" })]);
    const types = Object.fromEntries(x.entities.map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ "Marc Brooker": "person", CMU: "organization", Netflix: "organization", Google: "organization", NSDI: "organization" });
  });

  it("reads a company from a leading possessive", () => {
    const x = run(TERMS, [entry({ title: "Zero downtime", description: "Stripe's document database" })]);
    expect(x.entities).toMatchObject([{ name: "Stripe", type: "organization" }]);
  });

  it("reads a project from a short name before a title's colon", () => {
    const x = run(TERMS, [entry({ title: "Uforwarder: a consumer proxy" }), entry({ title: "How it works: notes" }), entry({ title: "Throttling: notes" })]);
    expect(found(x, 0)).toEqual(["Uforwarder"]);
    expect(found(x, 1)).toEqual([]);
    expect(found(x, 2)).toEqual([]);
    const code = run(TERMS, [entry({ title: "uCache: a unikernel cache" }), entry({ title: "parquet-linter: better files" })]);
    expect(found(code, 0)).toEqual(["uCache"]);
    expect(found(code, 1)).toEqual(["parquet-linter"]);
  });

  it("reads a name that runs through a possessive (Let's Encrypt)", () => {
    const terms: LexiconTerm[] = [{ name: "Let's Encrypt", type: "organization" }];
    expect(found(run(terms, [entry({ title: "Certificates", insights: ["free Let’s Encrypt certificates"] })]))).toEqual(["Let's Encrypt"]);
  });

  it("reads named laws", () => {
    const x = run(TERMS, [entry({ title: "Scaling", insights: ["Amdahl's Law bounds speedup"] })]);
    expect(x.entities).toMatchObject([{ name: "Amdahl's Law", type: "technique" }]);
    const titles = run(TERMS, [entry({ title: "Hyrum's Law in Practice" }), entry({ title: "Upends a 40-Year-Old Data Science Conjecture" })]);
    expect(titles.entities.map((e) => e.name)).toEqual(["Hyrum's Law"]);
  });

  it("reads a person compromise knows by first and last name", () => {
    const x = run(TERMS, [entry({ title: "Talk", insights: ["a talk by Martin Kleppmann on CRDTs"] })]);
    expect(x.entities).toMatchObject([{ name: "Martin Kleppmann", type: "person" }]);
  });

  it("reads a person whose surname is no English word, but not capitals taken for a name", () => {
    const x = run(TERMS, [entry({ title: "Scaling with Performance at Facebook - Bill Jia, VP of Infrastructure" })]);
    expect(x.entities.find((e) => e.name === "Bill Jia")?.type).toBe("person");
    const caps = run(TERMS, [entry({ title: "Optimizing CAL Report Jobs" }), entry({ title: "x", insights: ["a CAL Report run"] })]);
    expect(caps.entities.filter((e) => e.type === "person")).toEqual([]);
  });

  it("reads a company after 'at' even when it is a plain or accented word, not a phrase", () => {
    const x = run(TERMS, [
      entry({ title: "Monitoring and Observability at Picnic" }),
      entry({ title: "Google AMP at Condé Nast" }),
      entry({ title: "Caching at Various Layers" }),
      entry({ title: "Consensus at Runtime" }),
    ]);
    expect(found(x, 0)).toEqual(["Picnic"]);
    expect(found(x, 1)).toEqual(["Condé Nast"]);
    expect(found(x, 2)).toEqual([]);
    expect(found(x, 3)).toEqual([]);
  });

  it("does not read a numbered document part in title parentheses as a source", () => {
    const x = run(TERMS, [entry({ title: "Performance and Benchmarking (Chapter 1)" }), entry({ title: "QUIC transport (RFC 9000)" })]);
    expect(x.entities).toEqual([]);
  });

  it("does not read a known name and plain words before a title's colon as a new name", () => {
    const e = entry({ title: "PostgreSQL Performance: Latency in the Cloud", description: "performance on cloud disks" });
    expect(found(run(TERMS, [e]))).toEqual(["PostgreSQL"]);
  });

  it("names a lower-case compound before a title's colon as a whole, without its tail's concept", () => {
    const terms: LexiconTerm[] = [...TERMS, { name: "linting", type: "technique", aliases: ["linter"] }, { name: "benchmarking", type: "technique", aliases: ["benchmarks"] }];
    const x = run(terms, [entry({ title: "kafka-linter: better topics" }), entry({ title: "Notes", insights: ["run micro-benchmarks first"] })]);
    expect(found(x, 0)).toEqual(["Apache Kafka", "kafka-linter"]);
    expect(found(x, 1)).toEqual(["benchmarking"]);
  });

  it("does not read topic lists, two-letter asides or company names as sources or people", () => {
    const x = run(TERMS, [
      entry({ title: "Explaining Low-Level Systems (OS, Network/Protocol, Database, Storage)", description: "network protocol notes" }),
      entry({ title: "My Scaling Hero (a dose of courage, JK)" }),
      entry({ title: "Core Banking System at Margo Bank" }),
    ]);
    expect(found(x, 0)).toEqual([]);
    expect(found(x, 1)).toEqual([]);
    expect(x.entities.find((e) => e.name === "Margo Bank")?.type).toBe("organization");
  });

  it("does not read the rest of a hyphenated known name as an acronym", () => {
    const terms: LexiconTerm[] = [{ name: "Gojek", type: "organization", aliases: ["GO-JEK"] }];
    const x = run(terms, [entry({ title: "Data at GO-JEK" }), entry({ title: "ML at GO-JEK" })]);
    expect(x.entities.map((e) => e.name)).toEqual(["Gojek"]);
  });

  it("merges a discovered name's plural and singular, whichever comes first", () => {
    const x = run(TERMS, [entry({ title: "Edge", insights: ["many PoPs worldwide", "each PoP runs Workers"] })]);
    expect(x.entities.filter((e) => e.id.startsWith("pop"))).toHaveLength(1);
  });

  it("types a product that is also a company by how the text uses it", () => {
    const terms: LexiconTerm[] = [{ name: "GitHub", type: "technology", company: true }];
    const company = run(terms, [entry({ title: "Moving data out of Redis at GitHub" })]);
    expect(company.entities).toMatchObject([{ name: "GitHub", type: "organization" }]);
    const product = run(terms, [entry({ title: "Actions", insights: ["CI on GitHub"] }), entry({ title: "Moving data at GitHub" }), entry({ title: "Forks", insights: ["GitHub forks"] }), entry({ title: "More", insights: ["GitHub pages"] })]);
    expect(product.entities).toMatchObject([{ name: "GitHub", type: "technology" }]);
  });

  it("types a name before a title's colon by what the words after it call it", () => {
    const x = run(TERMS, [entry({ title: "wyhash: The Fastest Quality Hash Function" }), entry({ title: "compio: Thread-per-Core Runtime for Rust" })]);
    expect(Object.fromEntries(x.entities.map((e) => [e.name, e.type]))).toEqual({ wyhash: "technique", compio: "technology" });
  });

  it("can be switched off", () => {
    const x = run(TERMS, [entry({ title: "Uforwarder: pg_repack (Netflix)" })], { discover: false });
    expect(x.entities).toEqual([]);
  });
});
