/**
 * A build killed halfway (SIGKILL: no handler runs, nothing is cleaned up) leaves the previous
 * graph whole and no temporary file where a static build would copy it; the next build removes
 * what the killed one left behind.
 */
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { watch } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stagingFolders } from "../../scripts/lib/cli";

const ROOT = new URL("../../", import.meta.url).pathname;
const CLI = [process.execPath, "--import", "tsx", "scripts/build-graph.ts"] as const;

/** Runs the CLI to its end. */
async function build(...args: string[]): Promise<void> {
  await promisify(execFile)(CLI[0], [...CLI.slice(1), ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: "" } });
}

/** The id of a process that has ended (so it cannot be running any more). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await once(child, "exit");
  return child.pid!;
}

describe("a build killed halfway", () => {
  let dir: string;
  let out: string;
  let previous: Buffer;
  let fullBuildMs: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "insight-graph-kill-"));
    out = join(dir, "public", "graph.json");
    const started = performance.now();
    await build("--out", out);
    fullBuildMs = performance.now() - started;
    previous = await readFile(out);
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves the previous graph.json byte for byte, and no temporary file in its folder", async () => {
    const child = spawn(CLI[0], [...CLI.slice(1), "--out", out, "--gexf", join(dir, "public", "graph.gexf")], {
      cwd: ROOT,
      stdio: "ignore",
    });
    // Past start-up and into the work: the previous full build took fullBuildMs.
    await new Promise((resolve) => setTimeout(resolve, fullBuildMs * 0.6));
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" }); // killed, not finished
    expect((await readFile(out)).equals(previous)).toBe(true);
    expect(await readdir(join(dir, "public"))).toEqual(["graph.json"]);
  }, 180_000);

  it("leaves it whole too when killed the moment it starts writing", async () => {
    const [staging] = await stagingFolders(out);
    await mkdir(staging!, { recursive: true });
    const child = spawn(CLI[0], [...CLI.slice(1), "--out", out], { cwd: ROOT, stdio: "ignore" });
    const exited = once(child, "exit");
    const watcher = watch(staging!, (_, name) => {
      if (String(name).includes(`.${child.pid}.`)) child.kill("SIGKILL");
    });
    let signal: NodeJS.Signals | null;
    try {
      [, signal] = await exited;
    } finally {
      watcher.close();
    }
    expect(signal).toBe("SIGKILL"); // it was still writing when the kill came
    // Killed while writing, or just after: either way the file is a whole graph, the same bytes
    // as before (the same inputs build the same bytes), and nothing is left beside it.
    expect((await readFile(out)).equals(previous)).toBe(true);
    expect(await readdir(join(dir, "public"))).toEqual(["graph.json"]);
  }, 180_000);

  it("has the next build remove what dead processes left, here or in its staging folder", async () => {
    const dead = await deadPid();
    const [staging] = await stagingFolders(out);
    const abandoned = join(staging!, `.graph.json.${dead}.0badf00d.tmp`);
    const legacy = join(dir, "public", `.graph.json.${dead}.tmp`); // what earlier versions left beside it
    const living = join(staging!, `.graph.json.${process.pid}.0badf00d.tmp`); // this process is alive
    const unrelated = join(dir, "public", "notes.tmp");
    for (const file of [abandoned, legacy, living, unrelated]) await writeFile(file, "partial");
    const input = join(dir, "list.md");
    await writeFile(input, "- [Raft](https://raft.github.io/) - consensus\n");
    try {
      await build("--input", input, "--out", out);
      expect(await readdir(staging!)).not.toContain(basename(abandoned));
      expect(await readdir(staging!)).toContain(basename(living));
      expect((await readdir(join(dir, "public"))).sort()).toEqual(["graph.json", "notes.tmp"]);
    } finally {
      await rm(living, { force: true });
    }
  }, 120_000);
});
