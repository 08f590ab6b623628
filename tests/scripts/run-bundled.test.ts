/**
 * `npm run graph` runs the build script from a bundle (scripts/lib/run-bundled.mjs): the same
 * output, messages and exit codes as the script run through tsx, and a bundle that is made again
 * whenever a file it was made from changes, so it is never stale.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBundle } from "../../scripts/lib/run-bundled.mjs";

const run = promisify(execFile);
const LAUNCHER = ["scripts/lib/run-bundled.mjs", "scripts/build-graph.ts"];
const TSX = ["--import", "tsx", "scripts/build-graph.ts"];

/** stdout, stderr and exit code of `node …args`, whatever the exit code. */
async function node(args: readonly string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { timeout: 240_000 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "insight-graph-bundled-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("npm run graph from a bundle", () => {
  it("writes the same bytes and says the same as the script run through tsx", async () => {
    const input = join(folder, "list.md");
    await writeFile(input, "# Reading\n\n## Storage\n\n- [PostgreSQL internals](https://example.com/pg) - how PostgreSQL stores rows\n- [Kafka at scale](https://example.com/kafka) - Kafka and ZooKeeper\n");
    const bundled = await node([...LAUNCHER, "--input", input, "--out", join(folder, "bundled.json")]);
    const direct = await node([...TSX, "--input", input, "--out", join(folder, "direct.json")]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.replace(/ in [\d.]+ s/, "")).toBe(direct.stdout.replace(/ in [\d.]+ s/, "").replaceAll("direct.json", "bundled.json"));
    expect(await readFile(join(folder, "bundled.json"), "utf8")).toBe(await readFile(join(folder, "direct.json"), "utf8"));
  }, 300_000);

  it.each([
    ["bad arguments", ["--bogus"], 2],
    ["a missing input", ["--input", "no/such/list.md"], 1],
  ])("fails on %s with the same message and exit code", async (_, args, code) => {
    const bundled = await node([...LAUNCHER, ...args]);
    const direct = await node([...TSX, ...args]);
    expect(bundled.code).toBe(code);
    expect(bundled).toEqual(direct);
  }, 120_000);
});

describe("the bundle is never stale", () => {
  it("is made again when a module it holds changes, and not otherwise", async () => {
    const entry = join(folder, `probe-${process.pid}.ts`);
    const dependency = join(folder, "answer.ts");
    await writeFile(entry, `import { answer } from "./answer";\nconsole.log(answer, import.meta.url.endsWith("/probe-${process.pid}.ts"));\n`);
    await writeFile(dependency, "export const answer: number = 1;\n");
    const bundle: string = await ensureBundle(entry);
    try {
      expect((await node([bundle])).stdout.trim()).toBe("1 true");
      const made = (await readFile(bundle, "utf8")).split("\n", 1)[0];
      expect((await readFile(await ensureBundle(entry), "utf8")).split("\n", 1)[0]).toBe(made);

      await writeFile(dependency, "export const answer: number = 2;\n");
      const later = new Date(Date.now() + 2_000);
      await utimes(dependency, later, later);
      await ensureBundle(entry);
      expect((await node([bundle])).stdout.trim()).toBe("2 true");
    } finally {
      await rm(bundle, { force: true });
    }
  }, 120_000);

  it("runs a script from its CommonJS bundle, made again when a module it holds changes", async () => {
    const entry = join(folder, `launched-${process.pid}.ts`);
    const dependency = join(folder, "launched-answer.ts");
    await writeFile(entry, `import { answer } from "./launched-answer";\nconsole.log(answer, process.argv.slice(2).join(" "), import.meta.url.endsWith("/launched-${process.pid}.ts"));\nprocess.exitCode = answer;\n`);
    await writeFile(dependency, "export const answer: number = 3;\n");
    const launch = () => node(["scripts/lib/run-bundled.mjs", entry, "--flag", "value"]);
    try {
      expect(await launch()).toMatchObject({ stdout: "3 --flag value true\n", code: 3 });
      // Made once: the next run reads the same bundle.
      const bundle = await ensureBundle(entry, "cjs");
      const made = (await readFile(bundle, "utf8")).split("\n", 1)[0];
      expect(await launch()).toMatchObject({ code: 3 });
      expect((await readFile(bundle, "utf8")).split("\n", 1)[0]).toBe(made);

      await writeFile(dependency, "export const answer: number = 4;\n");
      const later = new Date(Date.now() + 2_000);
      await utimes(dependency, later, later);
      expect(await launch()).toMatchObject({ stdout: "4 --flag value true\n", code: 4 });
    } finally {
      await rm(await ensureBundle(entry, "cjs"), { force: true });
    }
  }, 120_000);
});
