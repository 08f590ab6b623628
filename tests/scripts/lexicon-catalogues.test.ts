import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEXICON_DIR, loadLexicon } from "../../scripts/lib/lexicon";
import { nameKey } from "../../src/core/extract/keys";

const SOURCES = { linguist: { types: [], singleWordTypes: [], exclude: [] }, simpleIcons: { exclude: [] }, stopwords: [], glueWords: [] };

async function lexiconDir(curated: unknown, catalogues: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lexicon-"));
  await writeFile(join(dir, "sources.json"), JSON.stringify(SOURCES));
  await writeFile(join(dir, "techniques.json"), JSON.stringify(curated));
  if (Object.keys(catalogues).length > 0) await mkdir(join(dir, "catalogues"));
  for (const [name, data] of Object.entries(catalogues)) await writeFile(join(dir, "catalogues", name), JSON.stringify(data));
  return dir;
}

const source = (id: string) => ({ id, name: id, version: "1", licence: "GFDL-1.1-or-later", package: id, url: "https://example.org/" });

/** The reviewed terms of a lexicon folder: the bulk lists hold none here. */
async function reviewed(dir: string) {
  return (await loadLexicon(dir)).terms.filter((t) => t.source === "curated");
}

describe("the lexicon loader reads the catalogue files", () => {
  it("as reviewed terms after the curated ones, each keeping its catalogue", async () => {
    const dir = await lexiconDir(
      { type: "technique", terms: [{ name: "snapshot isolation" }] },
      { "foldoc.json": { source: source("foldoc"), terms: [{ name: "relational algebra", type: "technique", catalogue: "foldoc" }] } },
    );
    expect(await reviewed(dir)).toEqual([
      { name: "snapshot isolation", type: "technique", source: "curated" },
      { name: "relational algebra", type: "technique", source: "curated", catalogue: "foldoc" },
    ]);
  });

  it("lets a curated term win a shared key, taking only the catalogue's free aliases", async () => {
    const dir = await lexiconDir(
      { type: "technique", terms: [{ name: "multiversion concurrency control", aliases: ["MVCC"] }, { name: "optimistic concurrency control", aliases: ["OCC"] }] },
      {
        "foldoc.json": { source: source("foldoc"), terms: [{ name: "Multi-Version Concurrency Control", type: "technology", aliases: ["MVCC", "OCC", "multiversioning"], catalogue: "foldoc" }] },
        "vera.json": { source: source("vera"), adds: "aliases", terms: [{ name: "optimistic concurrency control", type: "technique", aliases: ["OPTCC"], catalogue: "vera" }] },
      },
    );
    expect(await reviewed(dir)).toEqual([
      { name: "multiversion concurrency control", type: "technique", aliases: ["MVCC", "multiversioning"], source: "curated" },
      { name: "optimistic concurrency control", type: "technique", aliases: ["OCC", "OPTCC"], source: "curated" },
    ]);
  });

  it("never reads review.json as terms, and needs no catalogue folder", async () => {
    const review = { rejected: [{ catalogue: "foldoc", name: "local variable", reason: "generic" }], overrides: [] };
    const withReview = await lexiconDir({ type: "technique", terms: [{ name: "snapshot isolation" }] }, { "review.json": review });
    expect((await reviewed(withReview)).map((t) => t.name)).toEqual(["snapshot isolation"]);
    const without = await lexiconDir({ type: "technique", terms: [{ name: "snapshot isolation" }] });
    expect((await reviewed(without)).map((t) => t.name)).toEqual(["snapshot isolation"]);
  });

  it("refuses a catalogue term that would share a node with another term", async () => {
    const dir = await lexiconDir(
      { type: "technology", terms: [{ name: "C++" }] },
      { "foldoc.json": { source: source("foldoc"), terms: [{ name: "Cplusplus", type: "technology", catalogue: "foldoc" }] } },
    );
    await expect(loadLexicon(dir)).rejects.toThrow(/"Cplusplus" and "C\+\+" would be one node/);
  });

  it("refuses a term that names another catalogue than its file's", async () => {
    const dir = await lexiconDir(
      { type: "technique", terms: [] },
      { "foldoc.json": { source: source("foldoc"), terms: [{ name: "relational algebra", type: "technique", catalogue: "vera" }] } },
    );
    await expect(loadLexicon(dir)).rejects.toThrow(/names catalogue "vera", not "foldoc"/);
  });

  it("in the real lexicon: every catalogue term is reviewed, typed and on a node of its own", async () => {
    const lexicon = await loadLexicon(LEXICON_DIR);
    const fromCatalogues = lexicon.terms.filter((t) => t.catalogue !== undefined);
    expect(fromCatalogues.length).toBeGreaterThan(100);
    expect(fromCatalogues.every((t) => t.source === "curated")).toBe(true);
    const keys = lexicon.terms.filter((t) => t.source === "curated").map((t) => nameKey(t.name));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
