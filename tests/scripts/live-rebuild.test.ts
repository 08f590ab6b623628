/**
 * Live rebuild (scripts/vite/live-rebuild.ts): when builds run, what a failure tells the page,
 * and that only the dev server carries the page's client.
 */
import { EventEmitter } from "node:events";
import { appendFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { build as viteBuild, createServer, resolveConfig } from "vite";
import {
  builtFrom,
  createRebuildQueue,
  isSourceOf,
  LIVE_REBUILD_PLUGIN,
  liveRebuild,
  readFailure,
  runGraphBuild,
  type BuildOutcome,
  type BuildTarget,
} from "../../scripts/vite/live-rebuild";
import { FAILED, HELLO, REBUILT, describeFailure } from "../../src/app/live/events";
import { ROOT } from "./graph-cli";

/** A build the test finishes by hand, so that it can save files while one runs. */
function controlledBuilds() {
  const runs: { changed: string[]; finish: () => void; fail: () => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const build = (changed: string[]) =>
    new Promise<void>((finish, fail) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      const end = () => running--;
      runs.push({ changed, finish: () => (end(), finish()), fail: () => (end(), fail(new Error("build failed"))) });
    });
  return { build, runs, mostAtOnce: () => mostAtOnce };
}

/** The parts of Vite's dev server the plugin uses, recorded. */
function fakeServer() {
  const watcher = Object.assign(new EventEmitter(), { added: [] as string[], add: (paths: string[]) => watcher.added.push(...paths) });
  const sent: { event: string; payload: unknown }[] = [];
  const handlers = new Map<string, (data: unknown, client: { send: (event: string, payload: unknown) => void }) => void>();
  const logged: string[] = [];
  const server = {
    watcher,
    middlewares: { use: () => undefined },
    config: { base: "/", root: resolve(ROOT, "src/app"), logger: { info: (line: string) => logged.push(line), error: (line: string) => logged.push(line) } },
    environments: {
      client: {
        hot: {
          send: (event: string, payload: unknown) => sent.push({ event, payload }),
          on: (event: string, handler: never) => handlers.set(event, handler),
        },
      },
    },
  };
  /** What the server answers a page that says hello. */
  const hello = () => {
    const answers: unknown[] = [];
    handlers.get(HELLO)?.(undefined, { send: (event, payload) => answers.push({ event, payload }) });
    return answers;
  };
  return { server, watcher, sent, logged, hello };
}

/** Lets promise callbacks (a build's end) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("rebuild queue", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("builds once the saves have rested for the delay, once for a burst of saves", async () => {
    const { build, runs } = controlledBuilds();
    const queue = createRebuildQueue({ build, delay: 300 });
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(200);
    queue.changed("list.md");
    queue.changed("data/lexicon/technologies.json");
    await vi.advanceTimersByTimeAsync(299);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((run) => run.changed)).toEqual([["list.md", "data/lexicon/technologies.json"]]);
  });

  it("turns saves during a build into one more build after it, never two at once", async () => {
    const { build, runs, mostAtOnce } = controlledBuilds();
    const queue = createRebuildQueue({ build, delay: 300 });
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toHaveLength(1);

    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(300);
    queue.changed("other.md");
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toHaveLength(1);

    runs[0]!.finish();
    await settle();
    expect(runs.map((run) => run.changed)).toEqual([["list.md"], ["list.md", "other.md"]]);
    runs[1]!.finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    expect(mostAtOnce()).toBe(1);
  });

  it("waits for files still settling when a build ends", async () => {
    const { build, runs } = controlledBuilds();
    const queue = createRebuildQueue({ build, delay: 300 });
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(300);
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(100);
    runs[0]!.finish();
    await settle();
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toHaveLength(2);
  });

  it("goes on after a build that failed", async () => {
    const { build, runs } = controlledBuilds();
    const queue = createRebuildQueue({ build, delay: 300 });
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(300);
    runs[0]!.fail();
    await settle();
    queue.changed("list.md");
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toHaveLength(2);
  });

  it("is idle once no build runs and none waits, and starts none once closed", async () => {
    const { build, runs } = controlledBuilds();
    const queue = createRebuildQueue({ build, delay: 300 });
    let idle = false;
    queue.changed("list.md");
    void queue.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(300);
    expect(idle).toBe(false);
    runs[0]!.finish();
    await settle();
    expect(idle).toBe(true);

    queue.changed("list.md");
    queue.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
  });
});

describe("what a failed build says", () => {
  const cwd = "/home/reader/project";

  it("takes the command line's error line apart: file, line, message", () => {
    const stderr = 'progress: parse, 10%\nerror: my-list.md:12: entry marker "-" is not followed by a title line\n';
    expect(readFailure(stderr, 1, { cwd })).toEqual({ file: "my-list.md", line: 12, message: 'entry marker "-" is not followed by a title line' });
  });

  it("names a file inside the project relative to it, and one outside as it is", () => {
    const inside = readFailure(`error: ${cwd}/data/lexicon/technologies.json: invalid JSON (Expected ',' in JSON at position 80)`, 1, { cwd });
    expect(inside).toEqual({ file: "data/lexicon/technologies.json", message: "invalid JSON (Expected ',' in JSON at position 80)" });
    expect(readFailure("error: /tmp/lists/a.txt:3: entry without a title", 1, { cwd }).file).toBe("/tmp/lists/a.txt");
  });

  it("keeps a message that names no file whole", () => {
    expect(readFailure("error: no entries found", 1, { cwd })).toEqual({ message: "no entries found" });
  });

  it("says the build stopped when it failed before the command line could say why", () => {
    const crash = "file:///x/node_modules/rolldown/dist/error.mjs:50\n\tconst wrapper = new Error(summary);\n\nError: Build failed with 1 error:\n";
    expect(readFailure(crash, 1, { cwd }).message).toBe("the build stopped (Error: Build failed with 1 error:)");
    expect(readFailure("", "SIGKILL", { cwd }).message).toBe("the build stopped (exit code SIGKILL)");
  });

  it("is the command line's own error for a broken input, and graph.json is left alone", async () => {
    const folder = await mkdtemp(join(tmpdir(), "live-rebuild-"));
    try {
      const input = join(folder, "list.txt");
      const out = join(folder, "graph.json");
      await writeFile(input, "Reading\n- A title -- a description\n-\n");
      await writeFile(out, "the last good graph");
      const outcome = await runGraphBuild({ inputs: [input], out }, { cwd: ROOT });
      expect(outcome).toMatchObject({ ok: false, failure: { file: input, line: 3, message: expect.stringMatching(/not followed by a title/) } });
      expect(await readFile(out, "utf8")).toBe("the last good graph");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("reads as the command line writes it", () => {
    expect(describeFailure({ file: "list.md", line: 4, message: "entry without a title" })).toBe("list.md:4: entry without a title");
    expect(describeFailure({ file: "data/lexicon/people.json", message: "invalid JSON" })).toBe("data/lexicon/people.json: invalid JSON");
    expect(describeFailure({ message: "no entries found" })).toBe("no entries found");
  });
});

describe("the plugin in the dev server", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Its graph is not written yet: nothing says it was built from other lists. */
  const target: BuildTarget = { inputs: ["my-list.md"], out: join(tmpdir(), "live-rebuild-unwritten", "graph.json") };

  async function start(outcomes: BuildOutcome[]) {
    const builds: BuildTarget[] = [];
    const plugin = liveRebuild({ target, build: async (built) => (builds.push(built), outcomes.shift()!) });
    const fake = fakeServer();
    await (plugin.configureServer as (server: unknown) => Promise<void>)(fake.server);
    return { ...fake, builds };
  }

  it("follows the inputs, the lexicon and the tours, and nothing else", () => {
    expect(isSourceOf(target, "my-list.md")).toBe(true);
    expect(isSourceOf(target, resolve(ROOT, "data/lexicon/technologies.json"))).toBe(true);
    expect(isSourceOf(target, resolve(ROOT, "data/lexicon/catalogues/acm.json"))).toBe(true);
    expect(isSourceOf(target, "other-list.md")).toBe(false);
    expect(isSourceOf(target, resolve(ROOT, "src/app/main.ts"))).toBe(false);
    // The bundled tours name the bundled document's nodes: followed when it is what is built.
    expect(isSourceOf(target, resolve(ROOT, "data/tours/intro.json"))).toBe(false);
    expect(isSourceOf({ inputs: [resolve(ROOT, "data/bookmarks.txt")], out: "x.json" }, resolve(ROOT, "data/tours/intro.json"))).toBe(true);
  });

  it("tells the page what failed, file and line, and tells a page that opens later too", async () => {
    const { watcher, sent, logged, hello, builds } = await start([{ ok: false, seconds: 0.4, failure: { file: "my-list.md", line: 7, message: "entry without a title" } }]);
    watcher.emit("change", resolve("my-list.md"));
    watcher.emit("change", resolve(ROOT, "src/app/main.ts"));
    await vi.advanceTimersByTimeAsync(300);
    expect(builds).toEqual([target]);
    const failure = { file: "my-list.md", line: 7, message: "entry without a title", changed: ["my-list.md"] };
    expect(sent).toEqual([{ event: FAILED, payload: failure }]);
    expect(logged).toEqual([expect.stringContaining("graph not rebuilt: my-list.md:7: entry without a title")]);
    expect(hello()).toEqual([{ event: FAILED, payload: failure }]);
  });

  it("tells the page the graph was rebuilt, with its counts, and forgets the failure", async () => {
    const { watcher, sent, logged, hello } = await start([
      { ok: false, seconds: 0.4, failure: { file: "my-list.md", line: 7, message: "entry without a title" } },
      { ok: true, seconds: 2.25, articles: 12, concepts: 80 },
    ]);
    watcher.emit("change", resolve("my-list.md"));
    await vi.advanceTimersByTimeAsync(300);
    watcher.emit("change", resolve("my-list.md"));
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)).toEqual({ event: REBUILT, payload: { seconds: 2.25, articles: 12, concepts: 80, changed: ["my-list.md"] } });
    expect(logged.at(-1)).toMatch(/graph rebuilt in 2\.3 s: 12 articles, 80 concepts \(my-list\.md changed\)/);
    expect(hello()).toEqual([]);
  });

  it("builds nothing when told to follow nothing", async () => {
    const plugin = liveRebuild({ target, build: async () => ({ ok: true, seconds: 1, articles: 1, concepts: 1 }) });
    (plugin.configResolved as (config: unknown) => void)({ liveRebuild: false });
    const { server, watcher, sent } = fakeServer();
    await (plugin.configureServer as (server: unknown) => Promise<void>)(server);
    watcher.emit("change", resolve("my-list.md"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(watcher.added).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("leaves alone, and says so, a graph built on purpose from other lists", async () => {
    vi.useRealTimers();
    const folder = await mkdtemp(join(tmpdir(), "live-rebuild-kept-"));
    try {
      const out = join(folder, "graph.json");
      await writeFile(out, JSON.stringify({ attributes: { inputs: ["awesome-scalability.md"] }, nodes: [], edges: [] }));
      const builds: BuildTarget[] = [];
      const plugin = liveRebuild({ target: { ...target, out }, build: async (built) => (builds.push(built), { ok: true, seconds: 1, articles: 1, concepts: 1 }) });
      const { server, watcher, logged } = fakeServer();
      await (plugin.configureServer as (server: unknown) => Promise<void>)(server);
      vi.useFakeTimers();
      watcher.emit("change", resolve("my-list.md"));
      await vi.advanceTimersByTimeAsync(1000);
      expect(builds).toEqual([]);
      expect(logged).toEqual([expect.stringContaining(`live rebuild is off: ${out} was built from awesome-scalability.md`)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("follows a graph it built itself, named by base name or by path", () => {
    expect(builtFrom({ inputs: ["lists/my-list.md"], out: "x" }, ["my-list.md"])).toBe(true);
    expect(builtFrom({ inputs: ["a/list.md", "b/list.md"], out: "x" }, ["a/list.md", "b/list.md"])).toBe(true);
    expect(builtFrom({ inputs: ["a/list.md", "b/other.md"], out: "x" }, ["list.md"])).toBe(false);
    expect(builtFrom({ inputs: ["data/bookmarks.txt"], out: "x" }, ["my-list.md"])).toBe(false);
  });
});

describe("in Vite's dev server", () => {
  it("reloads the page once per good build: Vite's own watching of public/graph.json sends nothing", async () => {
    const folder = await mkdtemp(join(tmpdir(), "live-rebuild-vite-"));
    const site = join(folder, "site");
    const publicDir = join(folder, "public");
    const list = join(folder, "list.txt");
    const out = join(publicDir, "graph.json");
    await mkdir(site);
    await mkdir(publicDir);
    await writeFile(join(site, "index.html"), '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>');
    await writeFile(join(site, "main.ts"), 'void fetch("graph.json");\n');
    await writeFile(list, "Reading\n- A title -- a description\n");
    await writeFile(out, "{}");
    let builds = 0;
    // Writes graph.json as the command line does: a whole new file renamed over the old one.
    const build = async (): Promise<BuildOutcome> => {
      builds++;
      await writeFile(`${out}.tmp`, JSON.stringify({ attributes: { inputs: ["list.txt"] }, nodes: [], edges: [], build: builds }));
      await rename(`${out}.tmp`, out);
      return { ok: true, seconds: 0.1, articles: 0, concepts: 0 };
    };
    const server = await createServer({
      root: site,
      publicDir,
      configFile: false,
      logLevel: "silent",
      server: { ws: false },
      plugins: [liveRebuild({ target: { inputs: [list], out }, build, delay: 100 })],
    });
    try {
      // Everything the page would be told: Vite's own messages and the plugin's events.
      const told: string[] = [];
      const hot = server.environments.client.hot;
      const send = hot.send.bind(hot) as (...args: unknown[]) => void;
      (hot as { send: unknown }).send = (...args: unknown[]) => {
        told.push(typeof args[0] === "string" ? args[0] : (args[0] as { type: string }).type);
        send(...args);
      };
      // The watcher starts with the server; give it time to list the folders before anything changes.
      await new Promise((done) => setTimeout(done, 1000));

      await appendFile(list, "- Another title -- another description\n");
      await vi.waitFor(() => expect(told).toContain(REBUILT), { timeout: 10_000, interval: 50 });
      // Time for the watcher to report the new graph.json, and for Vite to act on it.
      await new Promise((done) => setTimeout(done, 1500));
      expect(builds).toBe(1);
      expect(told).toEqual([REBUILT]);

      // The recorder does hear Vite's own reloads: an edited page is one.
      await appendFile(join(site, "index.html"), "\n");
      await vi.waitFor(() => expect(told).toContain("full-reload"), { timeout: 10_000, interval: 50 });
    } finally {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("only the dev server carries the page's client", () => {
  it("is left out of the project's build configuration", async () => {
    const config = await resolveConfig({ configFile: resolve(ROOT, "vite.config.ts"), logLevel: "silent" }, "build");
    expect(config.plugins.map((plugin) => plugin.name)).not.toContain(LIVE_REBUILD_PLUGIN);
    const served = await resolveConfig({ configFile: resolve(ROOT, "vite.config.ts"), logLevel: "silent" }, "serve");
    expect(served.plugins.map((plugin) => plugin.name)).toContain(LIVE_REBUILD_PLUGIN);
  });

  it("is absent from vite build's output", async () => {
    const folder = await mkdtemp(join(tmpdir(), "live-rebuild-site-"));
    try {
      const root = join(folder, "site");
      await mkdir(root);
      await writeFile(join(root, "index.html"), '<!doctype html><html><body><script type="module" src="./main.ts"></script></body></html>');
      await writeFile(join(root, "main.ts"), 'document.body.append("hello");\n');
      const plugin = liveRebuild({ target: { inputs: ["my-list.md"], out: "graph.json" } });
      await viteBuild({ root, configFile: false, logLevel: "silent", plugins: [plugin], build: { outDir: join(folder, "dist") } });
      const written = (await readdir(join(folder, "dist"), { recursive: true })).filter((name) => /\.(html|js)$/.test(name));
      const text = (await Promise.all(written.map((name) => readFile(join(folder, "dist", name), "utf8")))).join("\n");
      expect(text).toContain("hello");
      expect(text).not.toMatch(/live\/client|insight-graph:/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("is injected into the served app page, not the presenter's", () => {
    const plugin = liveRebuild({ target: { inputs: ["my-list.md"], out: "graph.json" } });
    (plugin.configureServer as (server: unknown) => void)(fakeServer().server);
    const inject = (plugin.transformIndexHtml as { handler: (html: string, context: { filename: string }) => unknown }).handler;
    expect(inject("", { filename: resolve(ROOT, "src/app/index.html") })).toEqual([
      { tag: "script", attrs: { type: "module", src: "/live/client.ts" }, injectTo: "body" },
    ]);
    expect(inject("", { filename: resolve(ROOT, "src/app/presenter.html") })).toBeUndefined();
  });
});
