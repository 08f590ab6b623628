/**
 * Issue 12, live rebuild: with `npm run dev -- --input FILE` open in the browser, saving the
 * reading list rebuilds the graph and the page shows it without a manual reload, keeping the
 * selection (framed in the new layout) or, with nothing chosen, the camera; a broken edit shows the build's error (file:line) in a banner and
 * leaves the last good graph drawn; fixing it brings the graph back, banner gone.
 *
 * The server is the real `npm run dev`, on a temporary copy of a small list whose graph goes to
 * a temporary file (the project's data/ and public/ are never touched), killed with its
 * children (its process group) at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraState, details, focusThroughSearch, headingCount, probeNodes, settledCamera, useBrowser, waitForFirstFrame } from "./support";

const ROOT = new URL("../../", import.meta.url).pathname;
/** A start (tsx, the first build, Vite) and a rebuild take seconds each on two shared cores. */
const SERVER_TIMEOUT = 120_000;
const REBUILD_TIMEOUT = 90_000;

const LIST = `Systems Reading
Case Studies
Company engineering blogs and postmortems.
Databases
- How Discord Stores Trillions of Messages (Discord) -- moving from Cassandra to ScyllaDB behind a Rust data service
- Scaling Memcache at Facebook (Meta, NSDI'13) -- a look-aside cache in front of MySQL, across regions
- Zanzibar: Google's Consistent, Global Authorization System (Google) -- authorization checks stored in Spanner
Techniques
Distributed systems techniques.
Consensus
- In Search of an Understandable Consensus Algorithm -- Raft: leader election and log replication
- Paxos Made Simple (Leslie Lamport) -- the Paxos algorithm in plain English
`;
const ADDED_TITLE = "Tuning Cassandra at Netflix (Netflix)";
const ADDED = `- ${ADDED_TITLE} -- compaction and repair settings for Apache Cassandra clusters\n`;
/** An entry marker with no title after it: the text format's parse error, at a known line. */
const BROKEN = "-\n";
const FIXED_TITLE = "Dynamo: Amazon's Highly Available Key-value Store (Amazon)";

interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** `npm run dev` in its own process group, resolved once it prints its address. */
async function startDev(args: string[]): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["run", "dev", "--", ...args, "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DEBUG: "", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      const killed = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
  };
  const started = Date.now();
  while (Date.now() - started < SERVER_TIMEOUT) {
    const url = /Local:\s+(http:\/\/\S+\/)/.exec(output)?.[1];
    if (url) return { url, output: () => output, stop };
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(`npm run dev did not start:\n${output}`);
}

/** Marks the document, so that a reload (which makes a new one) can be told from none. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

async function graphOrder(page: Page): Promise<number> {
  return page.evaluate(() => (window.__insightGraph.graph as { order: number }).order);
}

async function hasArticle(page: Page, title: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      (window.__insightGraph?.graph as { someNode(test: (key: string, attributes: { label: string }) => boolean): boolean } | undefined)?.someNode(
        (_key, attributes) => attributes.label === wanted,
      ) === true,
    title,
  );
}

/** Whether a node is drawn inside the map's box. */
async function onMap(page: Page, key: string): Promise<boolean> {
  const position = (await probeNodes(page, [key]))[key]?.position;
  const box = await page.locator("#graph").boundingBox();
  return !!position && !!box && position.x >= box.x && position.x <= box.x + box.width && position.y >= box.y && position.y <= box.y + box.height;
}

function rebuildBanner(page: Page) {
  return page.getByRole("alert").filter({ hasText: "The graph was not rebuilt" });
}

describe("live rebuild in npm run dev", () => {
  const session = useBrowser();
  let folder: string;
  let list: string;
  let server: DevServer;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "live-rebuild-e2e-"));
    list = join(folder, "list.txt");
    await writeFile(list, LIST);
    server = await startDev(["--input", list, "--out", join(folder, "graph.json")]);
  }, SERVER_TIMEOUT + 10_000);

  afterAll(async () => {
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("follows edits of the list: a new article appears with the selection kept; a broken edit shows its line and keeps the graph; the fix comes back with the camera kept", async () => {
    const page = await session.newPage();
    // Documents loaded: a reload counts, the app's own address updates (history API) do not.
    let loads = 0;
    // The address each document was loaded at (the app may write its camera into it later).
    const loadedAt: string[] = [];
    page.on("load", () => {
      loads++;
      loadedAt.push(new URL(page.url()).search);
    });
    await page.goto(server.url);
    await waitForFirstFrame(page);
    expect(await rebuildBanner(page).count()).toBe(0);

    // Select a concept; the camera frames it and the address records both.
    await focusThroughSearch(page, "Cassandra", "Apache Cassandra");
    expect(await headingCount(details(page))).toBe(1);
    await settledCamera(page);
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toMatch(/camera=/);
    const address = await page.evaluate(() => location.search);
    const order = await graphOrder(page);

    // A new article: the page loads the rebuilt graph by itself, once, with the selection kept
    // and framed where the new layout put it (the camera's numbers would point elsewhere).
    await markDocument(page);
    loads = 0;
    await appendFile(list, ADDED);
    await expect.poll(() => hasArticle(page, ADDED_TITLE), { timeout: REBUILD_TIMEOUT }).toBe(true);
    await waitForFirstFrame(page);
    expect(await sameDocument(page)).toBe(false);
    expect(loads).toBe(1);
    // Reloaded at the same address without its camera: the page frames the selection anew (and
    // may record that camera a moment later, as it does after any move).
    expect(loadedAt.at(-1)).toBe(address.replace(/&?camera=[^&]*/, ""));
    expect(await page.evaluate(() => (window.__insightGraph.state as { selection: unknown }).selection)).toEqual({
      kind: "concepts",
      ids: ["entity:apache-cassandra"],
      match: "all",
    });
    await expect.poll(() => headingCount(details(page))).toBe(2);
    await settledCamera(page);
    expect(await onMap(page, "entity:apache-cassandra")).toBe(true);
    const grown = await graphOrder(page);
    expect(grown).toBeGreaterThan(order);

    // A broken edit: its file and line in a banner, the last good graph still drawn, no reload.
    await markDocument(page);
    loads = 0;
    await appendFile(list, BROKEN);
    const brokenLine = (await readFile(list, "utf8")).split("\n").length - 1;
    const banner = rebuildBanner(page);
    await banner.waitFor({ timeout: REBUILD_TIMEOUT });
    expect(await banner.textContent()).toContain(`list.txt:${brokenLine}:`);
    expect(server.output()).toMatch(new RegExp(`graph not rebuilt: .*list\\.txt:${brokenLine}: `));
    expect(await graphOrder(page)).toBe(grown);
    await expect(page.locator("#graph").getAttribute("aria-busy")).resolves.toBe("false");
    expect(await sameDocument(page)).toBe(true);
    expect(loads).toBe(0);

    // To look at: the banner over the last good graph.
    await page.screenshot({ path: join(ROOT, "test-results/live-rebuild-banner.png") });

    // Closable, and text only.
    expect(await banner.locator("*:not(p, code, button)").count()).toBe(0);
    await banner.getByRole("button", { name: "Close" }).click();
    expect(await rebuildBanner(page).count()).toBe(0);

    // A page opened while the list is broken is told too.
    const late = await session.newPage();
    await late.goto(server.url);
    await rebuildBanner(late).waitFor({ timeout: 30_000 });
    await late.close();

    // With nothing chosen the camera is kept as it was.
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Zoom in" }).click();
    await settledCamera(page);
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toMatch(/^\?camera=/);
    const [x, y, ratio] = new URLSearchParams(await page.evaluate(() => location.search)).get("camera")!.split(",").map(Number);

    // Fixed: the graph is rebuilt and loaded again, the banner gone.
    const text = await readFile(list, "utf8");
    await writeFile(list, `${text.slice(0, -BROKEN.length)}- ${FIXED_TITLE} -- an eventually consistent key-value store\n`);
    await expect.poll(() => hasArticle(page, FIXED_TITLE), { timeout: REBUILD_TIMEOUT }).toBe(true);
    await waitForFirstFrame(page);
    expect(await sameDocument(page)).toBe(false);
    expect(loads).toBe(1);
    expect(await rebuildBanner(page).count()).toBe(0);
    const kept = await cameraState(page);
    expect(kept.x).toBeCloseTo(x!, 4);
    expect(kept.y).toBeCloseTo(y!, 4);
    expect(kept.ratio).toBeCloseTo(ratio!, 4);
    expect(session.errorsOf(page)).toEqual([]);
  });
});
