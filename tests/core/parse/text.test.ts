/**
 * The text format, rule by rule, on small documents written for each rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import { InputError, type ParsedDocument } from "../../../src/core/types";

const parse = (...lines: string[]): ParsedDocument => parseDocument(lines.join("\n"), "text");

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

describe("text format: outline", () => {
  it("reads a section, its blurb and its subsections from their place between entries", () => {
    const doc = parse(
      "Reading List",
      "Progress: 3/10 | Last batch: 2026-01-01",
      "Systems",
      "Kernels, schedulers, file systems.",
      "Schedulers",
      "-",
      "CFS Explained -- How CFS picks the next task",
      "File Systems",
      "- Log-Structured File Systems -- The LFS paper",
      "Languages",
      "Rust, Go, Zig.",
      "Rust",
      "- The Rustonomicon -- Unsafe Rust",
    );
    expect(doc.title).toBe("Reading List");
    expect(doc.sections).toEqual([
      { name: "Systems", subsections: ["Schedulers", "File Systems"] },
      { name: "Languages", subsections: ["Rust"] },
    ]);
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["Systems", "Schedulers", "CFS Explained"],
      ["Systems", "File Systems", "Log-Structured File Systems"],
      ["Languages", "Rust", "The Rustonomicon"],
    ]);
  });

  it("tells a section from a subsection without a blurb: two headings in a row", () => {
    const doc = parse("Systems", "Schedulers", "- A -- a", "Languages", "Rust", "- B -- b", "Go", "- C -- c");
    expect(doc.sections).toEqual([
      { name: "Systems", subsections: ["Schedulers"] },
      { name: "Languages", subsections: ["Rust", "Go"] },
    ]);
  });

  it("puts entries directly under a section that has a blurb and no subsections", () => {
    const doc = parse("Systems", "Kernels and more.", "- A -- a");
    expect(doc.entries[0]).toMatchObject({ section: "Systems", subsection: "" });
    expect(doc.sections).toEqual([{ name: "Systems", subsections: [] }]);
  });

  it("reads a document without headings", () => {
    const doc = parse("- A -- a", "- B -- b");
    expect(doc.title).toBe("");
    expect(doc.sections).toEqual([]);
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["", "", "A"],
      ["", "", "B"],
    ]);
  });

  it("keeps the preamble (title, Progress, Legend lines) out of the entries", () => {
    const doc = parse(
      "Bookmarks Tech Insights",
      "Tech Insights from Bookmarks",
      "Curated technical bookmarks.",
      "Progress: 60/200+ articles detailed | Last batch: 2026-05-26",
      "Legend: entries with",
      "> **Key insights:**blocks have been read and summarized.",
      "Case Studies",
      "Company engineering blogs.",
      "Postmortems",
      "-",
      "Supabase Incident -- Postmortem",
    );
    expect(doc.title).toBe("Bookmarks Tech Insights");
    expect(doc.entries).toHaveLength(1);
    expect(doc.sections).toEqual([{ name: "Case Studies", subsections: ["Postmortems"] }]);
  });

  it("makes a heading that holds references a section of its own, left out of the bookmark outline", () => {
    const doc = parse("Languages", "Rust", "- A -- a", "See Also", "- Kafka Internals — Detailed notes on Kafka");
    expect(doc.entries[1]).toMatchObject({
      kind: "reference",
      title: "Kafka Internals",
      description: "Detailed notes on Kafka",
      section: "See Also",
      subsection: "",
    });
    expect(doc.sections).toEqual([{ name: "Languages", subsections: ["Rust"] }]);
  });

  it("numbers lines from 1, at the entry's '-' marker, across blank lines and CRLF", () => {
    const doc = parseDocument("Systems\r\nSchedulers\r\n\r\n-\r\nA -- a\r\n- B -- b\r\n", "text");
    expect(doc.entries.map((e) => [e.line, e.title, e.description])).toEqual([
      [4, "A", "a"],
      [6, "B", "b"],
    ]);
  });
});

describe("text format: entries", () => {
  it("splits title and description at the last ' -- '", () => {
    const [entry] = parse("- Compiler Engineering in Practice -- Part 1 -- Practical compiler engineering series").entries;
    expect(entry).toMatchObject({
      kind: "bookmark",
      title: "Compiler Engineering in Practice -- Part 1",
      description: "Practical compiler engineering series",
    });
  });

  it("keeps an em dash in a bookmark's description; an em dash alone makes a reference", () => {
    const [bookmark, reference] = parse("- Maglev -- Google's balancer — in depth", "- io_uring Internals — Deep dive — notes").entries;
    expect(bookmark).toMatchObject({ kind: "bookmark", title: "Maglev", description: "Google's balancer — in depth" });
    expect(reference).toMatchObject({ kind: "reference", title: "io_uring Internals", description: "Deep dive — notes" });
  });

  it("accepts an entry without a description", () => {
    expect(parse("-", "Just A Title").entries[0]).toMatchObject({ title: "Just A Title", description: "" });
  });

  it("attaches a parenthesised note to the entry above", () => {
    const doc = parse("-", "Cloud SQL -- MySQL writes", "(article unavailable — fetch failed)", "-", "Next -- n");
    expect(doc.entries.map((e) => e.note)).toEqual(["(article unavailable — fetch failed)", ""]);
  });

  it("reads the source from the title's trailing parentheses", () => {
    const doc = parse("- FUSE deadlock (Netflix) -- d", "- DSQL (Marc Brooker, CMU) -- d", "- Andromeda (Google, NSDI'18) -- d", "- Plain -- d");
    expect(doc.entries.map((e) => e.source)).toEqual(["Netflix", "Marc Brooker", "Google", ""]);
  });
});

describe("text format: Key insights", () => {
  it("collects the bullets of a block, whatever the entry form", () => {
    const doc = parse("- A -- a", "Key insights:", "- one", "- two", "-", "B -- b", "Key insights (Ch.9 WAL):", "- three");
    expect(doc.entries.map((e) => e.insights)).toEqual([["one", "two"], ["three"]]);
  });

  it("merges two blocks, dropping exact duplicates and keeping order", () => {
    const doc = parse("-", "A -- a", "Key insights:", "- one", "- two", "Key insights:", "- three", "- two", "- one", "- four");
    expect(doc.entries[0]!.insights).toEqual(["one", "two", "three", "four"]);
  });

  it("drops a bullet that repeats the cut-off start of an earlier one", () => {
    const doc = parse("-", "A -- a", "Key insights:", "- Trigger: 84% dead tuples in", "orderstable; lockout", "- Fix", "- Trigger: 84% dead tuples in");
    expect(doc.entries[0]!.insights).toEqual(["Trigger: 84% dead tuples in orderstable; lockout", "Fix"]);
  });

  it("continues a bullet on a line without '- ', joined as a reader would read it", () => {
    const doc = parse(
      "-",
      "A -- a",
      "Key insights:",
      "- IngestionEngine replaces translog with a no-op; stores",
      "_BatchStartPointer(min offset across active writers) with every commit",
      "- Contribution 1 (",
      "lsn.flush.mode, PR #6881): three modes",
      "- Custom views on system functions (",
      "pg_stat_*) need audits",
    );
    expect(doc.entries[0]!.insights).toEqual([
      "IngestionEngine replaces translog with a no-op; stores _BatchStartPointer(min offset across active writers) with every commit",
      "Contribution 1 (lsn.flush.mode, PR #6881): three modes",
      "Custom views on system functions (pg_stat_*) need audits",
    ]);
  });

  it("joins a bullet continued over several lines as it joins two, line by line", () => {
    const doc = parse("- A -- a", "Key insights:", "- Calls f(", "x, y", ") then g(", "[z]", "), done", "Continues Like A Heading", "and ends.");
    expect(doc.entries[0]!.insights).toEqual(["Calls f(x, y) then g([z]), done Continues Like A Heading and ends."]);
  });

  it("splits a bullet glued onto a continuation line, keeping a ' - ' of the text", () => {
    const doc = parse(
      "-",
      "A -- a",
      "Key insights:",
      "- Lag formula:",
      "pg_current_wal_lsn() - restart_lsn; grows by one segment - Cutover: promote the replica",
      "- Subtraction only:",
      "end - start; measured in bytes",
      "- Top recommendation:",
      "let-else;clearly highlights the happy path - ok_or/ok_or_else: convert Option to Result",
      "- Shipped:",
      "trust_greater_lsnenables self-healing in production- Shipped in 3.4.0",
      "- Ranges stay:",
      "t0 - t5 tiers, 5 - 6 GB heap",
      "- Results: +80% throughput, -70% P99 latency - a - b stays",
    );
    expect(doc.entries[0]!.insights).toEqual([
      "Lag formula: pg_current_wal_lsn() - restart_lsn; grows by one segment",
      "Cutover: promote the replica",
      "Subtraction only: end - start; measured in bytes",
      "Top recommendation: let-else;clearly highlights the happy path",
      "ok_or/ok_or_else: convert Option to Result",
      "Shipped: trust_greater_lsnenables self-healing in production",
      "Shipped in 3.4.0",
      "Ranges stay: t0 - t5 tiers, 5 - 6 GB heap",
      "Results: +80% throughput, -70% P99 latency - a - b stays",
    ]);
  });

  it("splits only the glue when a glued bullet breaks again at its own code span", () => {
    const doc = parse(
      "-",
      "A -- a",
      "Key insights:",
      "- Root cause: Debezium hard-coded",
      "withAutomaticFlush(false), disabling keepalive - Contribution 1 (",
      "lsn.flush.mode, PR #6881): three modes - Contribution 2 (",
      "offset.mismatch_strategy): four strategies",
    );
    expect(doc.entries[0]!.insights).toEqual([
      "Root cause: Debezium hard-coded withAutomaticFlush(false), disabling keepalive",
      "Contribution 1 (lsn.flush.mode, PR #6881): three modes",
      "Contribution 2 (offset.mismatch_strategy): four strategies",
    ]);
  });

  it("ends a block at a heading that leads to an entry, even after a cut-off bullet", () => {
    const doc = parse(
      "Techniques",
      "CPU",
      "-",
      "Zig SIMD -- d",
      "Key insights:",
      "- Zig's",
      "@Vector(4, f64)SIMD primitive is portable",
      "- Zig's",
      "Concurrency & Parallelism",
      "- The ABA Problem -- Lock-free pitfalls",
    );
    expect(doc.entries.map((e) => [e.subsection, e.title, e.insights])).toEqual([
      ["CPU", "Zig SIMD", ["Zig's @Vector(4, f64)SIMD primitive is portable"]],
      ["Concurrency & Parallelism", "The ABA Problem", []],
    ]);
  });

  it("ends a block at a new section with its blurb", () => {
    const doc = parse("Case Studies", "Postmortems", "- A -- a", "Key insights:", "- one", "Techniques", "Algorithms, performance.", "CPU", "-", "B -- b");
    expect(doc.entries.map((e) => [e.section, e.subsection, e.insights])).toEqual([
      ["Case Studies", "Postmortems", ["one"]],
      ["Techniques", "CPU", []],
    ]);
  });

  it("keeps continuation lines that merely precede an entry, or look like headings before a bullet", () => {
    const doc = parse(
      "-",
      "A -- a",
      "Key insights:",
      "- Design lesson: partition by time;",
      "pg_partmanfor automation; then DROP PARTITION takes milliseconds",
      "- Dual connection paths: pooled + direct for advisory locks /",
      "SET LOCAL",
      "- No CPU autoscaling — predictable cost",
      "-",
      "B -- b",
    );
    expect(doc.entries[0]!.insights).toEqual([
      "Design lesson: partition by time; pg_partmanfor automation; then DROP PARTITION takes milliseconds",
      "Dual connection paths: pooled + direct for advisory locks / SET LOCAL",
      "No CPU autoscaling — predictable cost",
    ]);
    expect(doc.entries).toHaveLength(2);
  });

  it("reads a See Also list after an insights block", () => {
    const doc = parse("Languages", "Rust", "-", "A -- a", "Key insights:", "- one — two", "See Also", "- Kafka Internals — notes");
    expect(doc.entries.map((e) => [e.kind, e.section, e.title, e.insights])).toEqual([
      ["bookmark", "Languages", "A", ["one — two"]],
      ["reference", "See Also", "Kafka Internals", []],
    ]);
  });
});

describe("text format: errors", () => {
  it("rejects an empty document", () => {
    expect(inputError(() => parseDocument("", "text")).message).toBe("file is empty");
    expect(inputError(() => parseDocument(" \n\n", "text")).message).toBe("file is empty");
  });

  it("rejects a document without entries", () => {
    const error = inputError(() => parse("Just a heading", "Another heading", "Some text."));
    expect(error.message).toBe("no entries found");
    expect(error.line).toBeUndefined();
  });

  it("rejects a Key insights block with no entry before it, with its line", () => {
    const error = inputError(() => parse("Title", "", "Key insights:", "- orphan"));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/Key insights/);
    expect(inputError(() => parse("- A -- a", "Section", "Key insights:", "- orphan")).line).toBe(3);
  });

  it("rejects an entry marker without a title line, with its line", () => {
    expect(inputError(() => parse("- A -- a", "-")).line).toBe(2);
    expect(inputError(() => parse("-", "Key insights:")).line).toBe(1);
    expect(inputError(() => parse("-", "-", "A -- a")).line).toBe(1);
  });

  it("rejects an entry with a separator but no title", () => {
    expect(inputError(() => parse("Section", "- -- only a description")).line).toBe(2);
  });
});

describe("text format: round trip", () => {
  const word = fc.stringMatching(/^[A-Za-zéü0-9][A-Za-z0-9éü'+#&.]{0,7}$/);
  const capitalised = fc.stringMatching(/^[A-Z][a-z]{1,7}$/);
  const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));
  const heading = fc.array(capitalised, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
  const entryArb = fc.record({
    titleParts: fc.array(phrase(1, 5), { minLength: 1, maxLength: 3 }),
    description: fc.tuple(phrase(1, 6), fc.boolean()).map(([p, dash]) => (dash ? `${p} — more` : p)),
    insights: fc.array(phrase(1, 8), { maxLength: 4 }),
    split: fc.boolean(),
  });
  const documentArb = fc.array(
    fc.record({
      name: heading,
      blurb: fc.option(phrase(1, 5).map((p) => `${p}.`), { nil: undefined }),
      subsections: fc.array(fc.record({ name: heading, entries: fc.array(entryArb, { minLength: 1, maxLength: 3 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  );

  it("gives back the titles, descriptions, insights and places of any well-formed document", () => {
    fc.assert(
      fc.property(documentArb, (sections) => {
        const lines: string[] = ["Generated Reading List"];
        const expected: unknown[] = [];
        for (const section of sections) {
          lines.push(section.name);
          if (section.blurb) lines.push(section.blurb);
          for (const subsection of section.subsections) {
            lines.push(subsection.name);
            for (const e of subsection.entries) {
              const title = e.titleParts.join(" -- ");
              const bullets = e.insights.map((text, i) => `${i + 1}. ${text}`);
              if (e.split) lines.push("-", `${title} -- ${e.description}`);
              else lines.push(`- ${title} -- ${e.description}`);
              if (bullets.length > 0) lines.push("Key insights:", ...bullets.map((b) => `- ${b}`));
              expected.push({ section: section.name, subsection: subsection.name, title, description: e.description, insights: bullets });
            }
          }
        }
        const doc = parseDocument(lines.join("\n"), "text");
        const actual = doc.entries.map(({ section, subsection, title, description, insights }) => ({ section, subsection, title, description, insights }));
        expect(actual).toEqual(expected);
        expect(doc.title).toBe("Generated Reading List");
      }),
      { numRuns: 300 },
    );
  });
});
