import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/core/extract/keys";
import { LEXICON_DIR, lineOfError, loadLexicon } from "../../scripts/lib/lexicon";
import { createExtractor } from "../../src/core/extract/index";
import type { Entry } from "../../src/core/types";

function bookmark(title: string, insights: string[] = []): Entry {
  return { kind: "bookmark", title, description: "", section: "", subsection: "", insights, note: "", source: "", line: 1 };
}

/** Entity names the real lexicon finds in one entry. */
async function namesIn(entries: Entry[], at = 0): Promise<string[]> {
  const x = createExtractor(await loadLexicon(LEXICON_DIR)).extract(entries);
  const byId = new Map(x.entities.map((e) => [e.id, e.name]));
  return x.mentions.filter((m) => m.entry === at).map((m) => byId.get(m.entity) ?? "?").sort();
}

async function lexiconDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lexicon-"));
  const sources = { linguist: { types: [], singleWordTypes: [], exclude: [] }, simpleIcons: { exclude: [] }, stopwords: [], glueWords: [] };
  await writeFile(join(dir, "sources.json"), JSON.stringify(sources));
  for (const [name, data] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof data === "string" ? data : JSON.stringify(data));
  }
  return dir;
}

describe("the lexicon loader", () => {
  it("merges the curated files with Linguist and Simple Icons, curated terms first", async () => {
    const lexicon = await loadLexicon(LEXICON_DIR);
    const bySource = (s: string) => lexicon.terms.filter((t) => t.source === s).length;
    expect(bySource("curated")).toBeGreaterThan(1000);
    expect(bySource("linguist")).toBeGreaterThan(100);
    expect(bySource("simple-icons")).toBeGreaterThan(1000);
    const postgres = lexicon.terms.filter((t) => nameKey(t.name) === "postgresql");
    expect(postgres).toHaveLength(1);
    expect(postgres[0]?.source).toBe("curated");
  });

  it("keeps common English brand names out of the bulk sources", async () => {
    const lexicon = await loadLexicon(LEXICON_DIR);
    const names = new Set(lexicon.terms.filter((t) => t.source !== "curated").map((t) => t.name));
    for (const word of ["Heap", "Linear", "Code", "Square"]) expect(names.has(word)).toBe(false);
  });

  it("rejects a file that is not JSON, naming it and the line", async () => {
    const dir = await lexiconDir({ "broken.json": '{\n  "terms": [\n    { "name": "Kafka" }\n    { "name": "Raft" }\n  ]\n}\n' });
    const error = await loadLexicon(dir).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/^error: .*broken\.json:4: invalid JSON \(.+\)$/);
    const cut = await lexiconDir({ "cut.json": '{\n  "terms": [\n' });
    expect(String(await loadLexicon(cut).catch((caught: unknown) => caught))).toMatch(/cut\.json:\d+: invalid JSON/);
  });

  it("finds the line of a JSON error from V8's position or line", () => {
    expect(lineOfError("{\n\n  x", "Unexpected token x in JSON at position 5")).toBe(3);
    expect(lineOfError("{}", "Expected ',' or '}' after property value in JSON at position 9 (line 7 column 3)")).toBe(7);
    expect(lineOfError("{\n[\n", "Unexpected end of JSON input")).toBe(3);
  });

  it("rejects a term without a valid type", async () => {
    const dir = await lexiconDir({ "t.json": { terms: [{ name: "Kafka", type: "thing" }] } });
    await expect(loadLexicon(dir)).rejects.toThrow(/"Kafka" has no valid type/);
  });

  it("rejects the same name listed twice, even in another case (the graph key would be shared)", async () => {
    const twice = await lexiconDir({ "t.json": { type: "technology", terms: [{ name: "Kafka" }, { name: "kafka" }] } });
    await expect(loadLexicon(twice)).rejects.toThrow(/listed twice/);
    const cased = await lexiconDir({
      "t.json": { type: "technology", terms: [{ name: "ARM", caseSensitive: true }, { name: "Arm", type: "organization", caseSensitive: true }] },
    });
    await expect(loadLexicon(cased)).rejects.toThrow(/"Arm" is listed twice \(also as "ARM"\)/);
    const apart = await lexiconDir({
      "t.json": { type: "technology", terms: [{ name: "ARM", caseSensitive: true }, { name: "Arm Holdings", aliases: ["Arm"], type: "organization", caseSensitive: true }] },
    });
    const curated = (await loadLexicon(apart)).terms.filter((t) => t.source === "curated");
    expect(curated.map((t) => t.name)).toEqual(["ARM", "Arm Holdings"]);
  });

  it("types file formats as technologies and knows the classic toolchain names", async () => {
    const x = createExtractor(await loadLexicon(LEXICON_DIR)).extract([
      bookmark("ELF Binaries on Linux", ["the Go yacc port replaced the cgo wrapper", "lazy materialization and stack unwinding"]),
    ]);
    const found = new Map(x.entities.map((e) => [e.name, e.type]));
    expect(found.get("ELF")).toBe("technology");
    expect(found.get("cgo")).toBe("technology");
    expect(found.get("yacc")).toBe("technology");
    expect(found.get("late materialization")).toBe("technique");
    expect(found.get("stack unwinding")).toBe("technique");
  });

  it("keeps the chip and the database apart: NEON (Arm SIMD) and Neon (serverless Postgres) are two nodes", async () => {
    const x = createExtractor(await loadLexicon(LEXICON_DIR)).extract([
      bookmark("Vectorised parsing", ["NEON and AVX2 kernels for the parser"]),
      bookmark("Database acquisitions", ["Databricks bought Neon, the serverless Postgres"]),
    ]);
    const names = (entry: number) =>
      x.mentions.filter((m) => m.entry === entry).map((m) => x.entities.find((e) => e.id === m.entity)!);
    const chip = names(0).find((e) => e.aliases.includes("NEON") || e.name === "NEON");
    const database = names(1).find((e) => /neon/i.test(e.name));
    expect(chip).toBeDefined();
    expect(database).toBeDefined();
    expect(chip!.id).not.toBe(database!.id);
  });
});

describe("false positives of the shipped lexicon (regressions)", () => {
  it("does not read a process id, a hash index or a bare 'ops' as names", async () => {
    const entries = [
      bookmark("Debugging a deadlock", ["read /proc/PID/stack for blocked threads", "f[h1(k)] XOR f[h3(k)] = k"]),
      bookmark("Runbooks", ["ops teams page on PID 1 crashes"]),
    ];
    const names = [...(await namesIn(entries, 0)), ...(await namesIn(entries, 1))];
    for (const wrong of ["PID controller", "PID", "HTTP/3", "micro-ops"]) expect(names).not.toContain(wrong);
  });

  it("does not read SQL keywords or bit operators in capitals as acronyms", async () => {
    const entries = [
      bookmark("Parallel ORDER BY with High-Cardinality GROUP BY", ["a DELETE per row; a XOR b"]),
      bookmark("Aggregations", ["GROUP BY pushdown; DELETE in batches; XOR of hashes"]),
    ];
    const names = [...(await namesIn(entries, 0)), ...(await namesIn(entries, 1))];
    for (const wrong of ["GROUP", "ORDER", "DELETE", "XOR"]) expect(names).not.toContain(wrong);
  });

  it("does not read English words of Title Case titles as brands", async () => {
    expect(await namesIn([bookmark("Performance, Isolation, and Velocity at Scale")])).toEqual([]);
    expect(await namesIn([bookmark("Borrow Checking, Escape Analysis, and the Generational Hypothesis")])).not.toContain("Hypothesis");
  });

  it("reads a capitalised bare Bloom as the Bloom filter, the lower-case word as nothing", async () => {
    expect(await namesIn([bookmark("Binary fuse filters", ["2x slower than Bloom on short keys"])])).toContain("Bloom filter");
    expect(await namesIn([bookmark("Notes", ["startups bloom in spring"])])).toEqual([]);
  });

  it("reads swapping as a technique only beside memory", async () => {
    expect(await namesIn([bookmark("Swapping tables without downtime", ["rename and swap in one transaction"])])).toEqual([]);
    expect(await namesIn([bookmark("Linux memory", ["the kernel starts swapping pages to disk"])])).toContain("swapping");
  });
});
