import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEXICON_CODE, loadProjectLexicon } from "../../scripts/lib/lexicon-cache";
import { loadLexicon } from "../../scripts/lib/lexicon";
import { PROJECT_ROOT } from "../../scripts/lib/paths";

describe("the project lexicon's cache", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "insight-graph-lexicon-cache-"));
    file = join(dir, "lexicon.json");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("holds what loadLexicon resolves, and is written for the next build", async () => {
    const fresh = JSON.parse(JSON.stringify(await loadLexicon()));
    expect(await loadProjectLexicon(file)).toEqual(fresh);
    const written = JSON.parse(await readFile(file, "utf8"));
    expect(written.lexicon).toEqual(fresh);
    expect(written.madeAt).toBeLessThanOrEqual(Date.now());
  });

  it("is read back while no source changed after it was made", async () => {
    const marked = { madeAt: Date.now() + 60_000, lexicon: { terms: [{ name: "Cached term", type: "technique", source: "curated" }], stopwords: [], glueWords: [] } };
    await writeFile(file, JSON.stringify(marked));
    expect((await loadProjectLexicon(file)).terms.map((t) => t.name)).toEqual(["Cached term"]);
  });

  it("is made again when a source is newer, or when it cannot be read", async () => {
    for (const stale of [JSON.stringify({ madeAt: 0, lexicon: { terms: [], stopwords: [], glueWords: [] } }), '{"madeAt": 1', "[]"]) {
      await writeFile(file, stale);
      const lexicon = await loadProjectLexicon(file);
      expect(lexicon.terms.length).toBeGreaterThan(1000);
      expect(JSON.parse(await readFile(file, "utf8")).lexicon.terms.length).toBe(lexicon.terms.length);
    }
  });

  it("knows every module of ours that decides the lexicon (scripts/lib/lexicon.ts and what it imports)", async () => {
    const seen = new Set<string>();
    const visit = async (path: string): Promise<void> => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = await readFile(path, "utf8");
      // Value imports only: a type import changes no behaviour.
      for (const [, specifier] of code.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.[^"]+)"/gm)) {
        await visit(resolve(dirname(path), specifier!.endsWith(".ts") ? specifier! : `${specifier}.ts`));
      }
    };
    await visit(resolve(PROJECT_ROOT, "scripts/lib/lexicon.ts"));
    expect([...seen].sort()).toEqual([...LEXICON_CODE].sort());
  });
});
