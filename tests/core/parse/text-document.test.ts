/**
 * The bookmarks document itself (`data/bookmarks.txt`): what the text parser must find in it.
 * `tests/fixtures/parse/bookmarks-entries.tsv` lists every entry (line, kind, section, subsection,
 * title); it was written from the document line by line with the headings named by hand, not
 * from the parser's output.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import type { Entry } from "../../../src/core/types";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const doc = parseDocument(read("../../../data/bookmarks.txt"), "text");
const bookmarks = doc.entries.filter((e) => e.kind === "bookmark");
const references = doc.entries.filter((e) => e.kind === "reference");

function entry(title: string): Entry {
  const found = doc.entries.filter((e) => e.title === title);
  expect(found, title).toHaveLength(1);
  return found[0]!;
}

describe("the bookmarks document", () => {
  it("has 254 entries: 250 bookmarks and 4 See Also references", () => {
    expect(doc.entries).toHaveLength(254);
    expect(bookmarks).toHaveLength(250);
    expect(references).toHaveLength(4);
  });

  it("has every entry with its exact title, section, subsection and line", () => {
    const [, ...rows] = read("../../fixtures/parse/bookmarks-entries.tsv").trimEnd().split("\n");
    const expected = rows.map((row) => row.split("\t"));
    expect(doc.entries.map((e) => [String(e.line), e.kind, e.section, e.subsection, e.title])).toEqual(expected);
  });

  it("has four top-level sections with 32 subsections, in document order", () => {
    expect(doc.sections).toEqual([
      {
        name: "Case Studies",
        subsections: [
          "Database & Storage Infrastructure",
          "Platform & Infrastructure",
          "Networking & Load Balancing",
          "Serverless & Compute",
          "Postmortems",
          "Language Adoption",
        ],
      },
      {
        name: "Techniques",
        subsections: [
          "CPU & Performance Optimization",
          "Concurrency & Parallelism",
          "Hashing & Data Structures",
          "Linux Kernel & eBPF",
          "Networking",
          "Containers & Virtualization",
          "Compilers & Toolchain",
          "Debuggers & Profiling",
          "Distributed Systems Theory",
          "Misc Techniques",
        ],
      },
      {
        name: "Data Storage",
        subsections: [
          "PostgreSQL",
          "MySQL & InnoDB",
          "Storage Engines & Key-Value Stores",
          "Apache Arrow & Parquet",
          "Query Engines & OLAP",
          "Distributed Databases & Replication",
          "Messaging & Streaming",
          "Patterns & Architecture",
          "Surveys & References",
        ],
      },
      {
        name: "Programming Languages",
        subsections: ["Rust", "Rust Embedded & Kernel", "C & C++", "Go", "Zig", "Language Internals & Runtimes", "Systems Programming References"],
      },
    ]);
    // Every bookmark sits in a subsection of this outline.
    for (const b of bookmarks) {
      expect(doc.sections.find((s) => s.name === b.section)?.subsections, b.title).toContain(b.subsection);
    }
  });

  it("has 54 bookmarks with insights, 5 of them merged from two blocks", () => {
    expect(bookmarks.filter((e) => e.insights.length > 0)).toHaveLength(54);
    expect(references.every((e) => e.insights.length === 0)).toBe(true);
    // Two blocks of 9 and 8 bullets each; no bullet is repeated word for word between the two summaries.
    expect(entry("How Uber Conquered Database Overload: From Static Rate-Limiting to Intelligent Load Management").insights).toHaveLength(17);
    expect(entry("One Stone, Three Birds: Finer-Grained Encryption @ Apache Parquet").insights).toHaveLength(17);
    expect(entry("A 2.5x faster Postgres parser with Claude Code").insights).toHaveLength(17);
  });

  it("takes its title from the preamble and makes no entry of the preamble", () => {
    expect(doc.title).toBe("Bookmarks Tech Insights");
    expect(doc.entries[0]!.line).toBe(10);
    for (const e of doc.entries) expect(e.title).not.toMatch(/^(Progress|Legend):|Key insights/);
  });

  it("keeps See Also references apart, with their pointers as descriptions", () => {
    expect(references.map((e) => [e.title, e.section, e.subsection])).toEqual([
      ["Database Systems Survey", "See Also", ""],
      ["Kafka Internals", "See Also", ""],
      ["io_uring Internals", "See Also", ""],
      ["Rust Low-Level Programming", "See Also", ""],
    ]);
    expect(references[1]!.description).toBe("Detailed treatment of Kafka architecture bookmarked in the Case Studies section");
    expect(doc.sections.map((s) => s.name)).not.toContain("See Also");
  });

  it("reads a title that contains ' -- ' up to the last separator", () => {
    const compiler = entry("Compiler Engineering in Practice -- Part 1");
    expect(compiler.description).toBe("Practical compiler engineering series");
    const kv = entry("Build Your Own KV Storage Engine -- Deletes, Tombstones, Compaction");
    expect(kv.description).toBe("Hands-on KV engine with LSM-style compaction");
  });

  it("reads both entry forms: '-' then a title line, and '- Title -- description'", () => {
    expect(entry("Stripe's DocDB: Zero-Downtime Data Movement for Trillion-Dollar Payments")).toMatchObject({
      description: "Stripe's document database powering zero-downtime payment processing",
      line: 87,
      insights: [],
    });
    expect(entry("The ABA Problem in Concurrency")).toMatchObject({
      description: "ABA problem in lock-free data structures and solutions",
      section: "Techniques",
      subsection: "Concurrency & Parallelism",
      line: 506,
    });
  });

  it("attaches notes to the entry above them", () => {
    const withNotes = doc.entries.filter((e) => e.note !== "").map((e) => [e.title, e.note]);
    expect(withNotes).toEqual([
      ["Unlocking 3x Write Performance: Cloud SQL MySQL Optimizations", "(article unavailable — fetch failed)"],
      ["Examining Load Balancing Algorithms with Envoy", "(article unavailable — SSL certificate error)"],
    ]);
  });

  it("names the source credited in a title's trailing parentheses", () => {
    expect(entry("Automating RDS Postgres to Aurora Postgres Migration (Netflix)").source).toBe("Netflix");
    expect(entry("Aurora DSQL: Serverless, Scalable, Global OLTP (Marc Brooker, CMU)").source).toBe("Marc Brooker");
    expect(entry("Andromeda: Performance, Isolation, and Velocity at Scale (Google, NSDI'18)").source).toBe("Google");
    expect(entry("Workshop on Filter Data Structures (SPAA 2023)").source).toBe("");
    expect(entry("Stripe's DocDB: Zero-Downtime Data Movement for Trillion-Dollar Payments").source).toBe("");
  });

  it("joins a bullet broken where a code span started", () => {
    const opensearch = entry("How Uber Indexes Streaming Data with Pull-Based Ingestion in OpenSearch").insights;
    expect(opensearch[3]).toBe(
      "IngestionEngine replaces translog with a no-op; stores _BatchStartPointer(min offset across active writers) with every Lucene commit for recovery",
    );
    const zalando = entry("Contributing to Debezium: Fixing Logical Replication at Scale (Zalando)").insights;
    expect(zalando[2]).toBe(
      "Contribution 1 (lsn.flush.mode, PR #6881): three modes —manual,connector(default),connector_and_driver(both flush, preventing WAL growth on idle tables)",
    );
    const aurora = entry("When an Aurora PostgreSQL Major Upgrade Fails").insights;
    expect(aurora[5]).toBe(
      "Lesson: custom views on internal PostgreSQL system functions (pg_stat_*) require compatibility audits before major version upgrades; avoid explicit column lists tied to system function output",
    );
  });

  it("splits bullets glued with ' - ' and keeps a ' - ' that belongs to the text", () => {
    const netflix = entry("Automating RDS Postgres to Aurora Postgres Migration (Netflix)").insights;
    expect(netflix.slice(5, 7)).toEqual([
      "Lag formula: pg_current_wal_lsn() - restart_lsn; new WAL segment advances current position by one segment (64MB) before Aurora consumes it",
      "Cutover: promote Aurora read replica to standalone writable cluster, update Envoy Data Gateway routing config — all client connections transparently rerouted",
    ]);
    const uber = entry("How Uber Conquered Database Overload: From Static Rate-Limiting to Intelligent Load Management").insights;
    expect(uber.slice(1, 3)).toEqual([
      "Concurrency (in-flight ops) chosen over QPS as primary overload signal — Little's Law Concurrency = Throughput × Latencymaps directly to resource usage",
      'CoDel adapts queue policy: FIFO under normal load, LIFO under pressure ("newer requests still have a chance to succeed"); prevents wasted work on stale requests',
    ]);
    // A glued bullet that starts in lower case.
    const rust = doc.entries.find((e) => e.insights.some((i) => i.startsWith("ok_or/ok_or_else:")));
    expect(rust?.insights).toContain(
      "Top recommendation: let-else syntax (Rust 1.65+) — let Some(v) = f() else { return Err(...); };clearly highlights the happy path",
    );
    // Glued straight after a word: "production- Shipped".
    const zalando = entry("Contributing to Debezium: Fixing Logical Replication at Scale (Zalando)").insights;
    expect(zalando[zalando.length - 1]).toBe("Shipped in Debezium 3.4.0.Final (December 2025)");
    // Ranges inside bullets stay whole.
    expect(uber[5]).toContain("(1GB vs 5-6GB spikes)");
  });

  it("repairs a bullet broken twice and glued twice over several lines", () => {
    const vacuum = entry("VACUUM FULL Locked Our Database for 14 Hours on Black Friday").insights;
    expect(vacuum).toEqual([
      "Trigger: 84% dead tuples in orderstable; engineer ranVACUUM FULLat 2:14 AM on Black Friday; 14-hour lockout → ~$340K lost revenue",
      "VACUUM FULL takes ACCESS EXCLUSIVElock — blocks all SELECT/INSERT/UPDATE/DELETE; rewrites entire table row-by-row; ~4h on 180GB table",
      "Key difference from regular VACUUM: regular VACUUM marks dead tuples reusable without locking; VACUUM FULL rewrites, reclaims disk at OS level",
      "Cannot be cleanly cancelled (leaves partial rewrites); not transactional; pg_cancel_backend()ineffective",
      "Duration is roughly constant regardless of bloat ratio — the test run's 4h estimate was misleading",
      "Fix 1: tune autovacuum — 5% scale_factor instead of 20%, higher cost limits, naptime=10s",
      "Fix 2: adopt pg_repack— rebuilds tables/indexes withoutACCESS EXCLUSIVE, online operation",
      "Fix 3: partition time-series data; drop old partitions instead of deleting rows",
      "Process: require CTO approval for VACUUM FULL, prohibit during peak, add bloat monitoring",
      // The block's closing "- Trigger: 84% dead tuples in" repeats the start of its first bullet: dropped.
      "Design lesson: 10–20% bloat is acceptable; disk is cheaper than downtime",
    ]);
  });

  it("ends an insights block at a heading even after a cut-off bullet", () => {
    // "- Zig's" (a cut-off repeat of the first bullet) is followed by the "Concurrency & Parallelism" heading.
    const zig = entry("I Made Zig Compute 33 Million Satellite Positions in 3 Seconds");
    expect(zig.insights[0]).toBe(
      "Zig's @Vector(4, f64)SIMD primitive is portable: LLVM backend picks AVX/NEON/etc. — no per-arch intrinsics in user code",
    );
    expect(zig.insights[zig.insights.length - 1]).toBe(
      "Zig as systems language: comptime + native SIMD + no FFI overhead makes it competitive with hand-written C/Rust for numerics",
    );
    expect(entry("Is Parallel Programming Hard? (Paul McKenney's perfbook)").subsection).toBe("Concurrency & Parallelism");
  });

  it("reads a qualified block header 'Key insights (Ch.9 WAL):'", () => {
    const internals = entry("The Internals of PostgreSQL (interdb.jp)");
    expect(internals.insights).toHaveLength(8);
    expect(internals.insights[0]).toBe(
      "XLOG records written to WAL buffer in memory, then flushed synchronously to WAL segment files on transaction commit",
    );
  });

  it("leaves no bullet marker, glue or blank in any insight", () => {
    for (const e of doc.entries) {
      for (const insight of e.insights) {
        expect(insight, e.title).not.toMatch(/^-|^\s|\s$| - [A-Z]/);
        expect(insight, e.title).not.toBe("");
      }
    }
  });
});
