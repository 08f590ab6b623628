import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", `scripts/${script}.ts`, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run eval and npm run extract", () => {
  it("print help", async () => {
    for (const script of ["eval", "extract"]) {
      const { code, stdout } = await cli(script, ["--help"]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: npm run/);
    }
  });

  it("refuse a missing or malformed gold file with one line naming it", async () => {
    const missing = await cli("eval", ["--gold", "no/such/gold.json"]);
    expect(missing.code).toBe(1);
    // npx may add its own warnings; ours is exactly one line.
    expect(missing.stderr.split("\n").filter((l) => l.startsWith("error:"))).toHaveLength(1);
    expect(missing.stderr).toMatch(/no\/such\/gold\.json/);

    const dir = await mkdtemp(join(tmpdir(), "gold-"));
    const bad = join(dir, "gold.json");
    await writeFile(bad, JSON.stringify([{ title: "x", entities: [{ name: "y" }] }]));
    const malformed = await cli("eval", ["--gold", bad]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/gold\.json: article 1/);
  });

  it("score an annotation file and print the extractor beside the baseline", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gold-"));
    const gold = join(dir, "gold.json");
    const title = "VACUUM FULL Locked Our Database for 14 Hours on Black Friday";
    await writeFile(gold, JSON.stringify([{ title, entities: [{ name: "VACUUM FULL", type: "technology", aliases: [], required: true }] }]));
    const { code, stdout } = await cli("eval", ["--gold", gold, "--worst", "0"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^extractor .*R 100\.0/m);
    expect(stdout).toMatch(/^compromise /m);
  });

  it.skipIf(!existsSync("../shared/corpora/system-design-primer.md"))("score the frozen blind sets apart from dev on the default run, figures only", async () => {
    const { code, stdout } = await cli("eval", ["--worst", "3"]);
    expect(code).toBe(0);
    const [dev, ...blind] = stdout.split(/\n(?=blind set \(frozen)/);
    expect(dev).toMatch(/^worst misses:/m);
    expect(blind).toHaveLength(2);
    for (const section of blind) {
      expect(section).toMatch(/^blind set \(frozen, tests\/fixtures\/extract\/BLIND\.md\): .*blind-.*\.json, \d+ of \d+ articles found/);
      expect(section).toMatch(/^extractor .*F1/m);
      expect(section).toMatch(/^compromise .*F1/m);
      // No list of misses, false positives or wrong types: reading them would unblind the set.
      expect(section).not.toMatch(/worst|wrong types|×/);
    }
  }, 180_000);

  it("extract prints entities with quoted evidence, and refuses a missing file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "list-"));
    const list = join(dir, "list.md");
    await writeFile(list, "# Reading\n\n## Storage\n\n- [LSM trees in RocksDB](https://example.com) -- compaction and Bloom filters\n");
    const ok = await cli("extract", [list]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/technique\s+Bloom filter\s+"Bloom filters" \(description\)/);
    const missing = await cli("extract", [join(dir, "none.txt")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.txt/);
  });
});
