/**
 * Live rebuild for `npm run dev`: the dev server watches the reading lists the graph is built
 * from, the lexicon (data/lexicon/**) and the tours; a save rebuilds graph.json and the open page
 * loads it again, keeping what it shows (the selection, filters and camera live in its address;
 * see src/app/live/reload.ts for the camera).
 * A broken edit leaves graph.json as it was and shows the build's error, file and line, in the
 * terminal and in the page (src/app/live/client.ts, injected into the page only while serving).
 *
 * Each rebuild runs the command line (`scripts/build-graph.ts`) in a child process rather than
 * `buildGraphFile` inside Vite's process:
 * - the same errors, exit codes and all-or-nothing writes as `npm run graph`, by construction;
 * - a fresh process per build: compromise keeps the words a lexicon registers for the life of the
 *   process, so a term removed from the lexicon would linger in an in-process build;
 * - the build's seconds of CPU never block Vite's event loop (modules, HMR) or hold its memory,
 *   and stopping the server stops a build at once (its writes are all or nothing, so a killed
 *   build leaves the previous graph whole).
 * The price is the child's start: about 0.9 s on a shared 2-core machine (node, then the one
 * bundle run-bundled.mjs keeps prepared), in a rebuild of 1.6 s for a five-article list and 4 s
 * for the bundled document.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin, ViteDevServer } from "vite";
import { recordedInputs } from "../lib/graph-file.ts";
import { DEFAULT_GRAPH, DEFAULT_INPUT, PROJECT_ROOT, toursFolderFor } from "../lib/paths.ts";
import {
  describeFailure,
  FAILED,
  HELLO,
  REBUILT,
  type BuildFailure,
  type FailedEvent,
  type RebuiltEvent,
} from "../../src/app/live/events.ts";

export const LIVE_REBUILD_PLUGIN = "insight-graph-live-rebuild";
/** How long the files must rest after a save before a build starts: an editor's save is often several writes. */
export const REBUILD_DELAY_MS = 300;

const RUN_BUNDLED = fileURLToPath(new URL("../lib/run-bundled.mjs", import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL("../build-graph.ts", import.meta.url));
const CLIENT = fileURLToPath(new URL("../../src/app/live/client.ts", import.meta.url));
const LEXICON = resolve(PROJECT_ROOT, "data/lexicon");

// ---------------------------------------------------------------------------------------------
// What is built, and from what

/** What the dev server builds: the arguments of `npm run graph`. */
export interface BuildTarget {
  /** The reading lists, as given (relative to the working directory, as `npm run graph` reads them). */
  inputs: readonly string[];
  /** The graph file written. */
  out: string;
  /** `--tours`: a folder, or "none"; by default the command line's (the bundled tours for the bundled document). */
  tours?: string;
  /** `--format` for every input. */
  format?: string;
}

export const DEFAULT_TARGET: BuildTarget = { inputs: [DEFAULT_INPUT], out: DEFAULT_GRAPH };

/** The command line's arguments for a target. */
export function buildArguments(target: BuildTarget): string[] {
  return [
    ...target.inputs.flatMap((input) => ["--input", input]),
    "--out",
    target.out,
    ...(target.tours === undefined ? [] : ["--tours", target.tours]),
    ...(target.format === undefined ? [] : ["--format", target.format]),
    // Its progress display is for a person at a terminal; here one line per build says enough.
    "--quiet",
  ];
}

/** The folder of tours the build reads for a target, as the command line decides it; absolute. */
function toursFolder(target: BuildTarget): string | undefined {
  const folder = toursFolderFor(target.tours, target.inputs);
  return folder === undefined ? undefined : resolve(folder);
}

/** Whether a changed file is one the target's graph is built from: an input, or anything under the lexicon or its tours. */
export function isSourceOf(target: BuildTarget, file: string): boolean {
  const path = resolve(file);
  if (target.inputs.some((input) => resolve(input) === path)) return true;
  const tours = toursFolder(target);
  return [LEXICON, ...(tours === undefined ? [] : [tours])].some((folder) => path.startsWith(folder + sep));
}

/** Whether a graph recording these input names was built from the target's inputs (each named by its base name, or its path when two share one). */
export function builtFrom(target: BuildTarget, recorded: readonly string[]): boolean {
  return recorded.length === target.inputs.length && target.inputs.every((input, i) => recorded[i] === basename(input) || recorded[i] === input);
}

/** What the watcher must follow for a target. */
function watchedPaths(target: BuildTarget): string[] {
  const tours = toursFolder(target);
  return [...target.inputs.map((input) => resolve(input)), LEXICON, ...(tours === undefined ? [] : [tours])];
}

// ---------------------------------------------------------------------------------------------
// Debounce and queue

export interface RebuildQueue {
  /** A source changed: a build follows once the files have rested for the delay. */
  changed(file: string): void;
  /** Resolves once no build runs and none waits. */
  idle(): Promise<void>;
  /** No further build starts (one running finishes, or is stopped by its owner). */
  close(): void;
}

export interface RebuildQueueOptions {
  /** Runs one build for the files changed since the previous one started. */
  build(changed: string[]): Promise<void>;
  delay?: number;
  timers?: { setTimeout(work: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

/**
 * Saves are debounced: a build starts once no save came for `delay` ms. Builds never overlap:
 * saves during a build make one more build, started when it ends (or, if the files are still
 * settling then, once they have rested). Each build is told every file changed since the
 * previous one started.
 */
export function createRebuildQueue({ build, delay = REBUILD_DELAY_MS, timers = globalThis }: RebuildQueueOptions): RebuildQueue {
  let timer: unknown;
  let running: Promise<void> | undefined;
  let closed = false;
  const pending = new Set<string>();
  const waiting: (() => void)[] = [];

  const settle = () => {
    if (running !== undefined || timer !== undefined || (pending.size > 0 && !closed)) return;
    for (const done of waiting.splice(0)) done();
  };

  const start = () => {
    if (closed || pending.size === 0) return settle();
    const changed = [...pending];
    pending.clear();
    running = build(changed)
      .catch(() => undefined) // a build reports its own failure; the queue goes on
      .finally(() => {
        running = undefined;
        if (timer === undefined) start();
        else settle();
      });
  };

  return {
    changed(file) {
      if (closed) return;
      pending.add(file);
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = undefined;
        if (running === undefined) start();
      }, delay);
    },
    idle() {
      return new Promise((done) => {
        waiting.push(done);
        settle();
      });
    },
    close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      settle();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One build, in a child process

export type BuildOutcome =
  | { ok: true; seconds: number; articles: number; concepts: number }
  | { ok: false; seconds: number; failure: BuildFailure };

/**
 * Runs `npm run graph` for the target (through run-bundled.mjs, as npm does) and reads the graph
 * it wrote for its counts. `signal` stops the build (the child is killed; its output is all or
 * nothing, so graph.json stays whole).
 */
export async function runGraphBuild(target: BuildTarget, options: { signal?: AbortSignal; cwd?: string } = {}): Promise<BuildOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const cwd = options.cwd ?? process.cwd();
  const child = spawn(process.execPath, [RUN_BUNDLED, BUILD_SCRIPT, ...buildArguments(target)], {
    cwd,
    // A failure is one line; no stack, whatever the user's shell exports.
    env: { ...process.env, DEBUG: "" },
    stdio: ["ignore", "ignore", "pipe"],
    signal: options.signal,
  });
  const { code, stderr } = await finished(child);
  if (code !== 0) return { ok: false, seconds: seconds(), failure: readFailure(stderr, code, { cwd }) };
  try {
    return { ok: true, seconds: seconds(), ...(await countNodes(resolve(cwd, target.out))) };
  } catch (error) {
    return { ok: false, seconds: seconds(), failure: { file: target.out, message: `written, but cannot be read back (${(error as Error).message})` } };
  }
}

function finished(child: ChildProcess): Promise<{ code: number | string; stderr: string }> {
  return new Promise((done) => {
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => done({ code: (error as NodeJS.ErrnoException).code ?? "error", stderr: stderr || error.message }));
    child.on("close", (code, signal) => done({ code: code ?? signal ?? "killed", stderr }));
  });
}

async function countNodes(file: string): Promise<{ articles: number; concepts: number }> {
  const graph = JSON.parse(await readFile(file, "utf8")) as { nodes?: { attributes?: { kind?: string } }[] };
  let articles = 0;
  for (const node of graph.nodes ?? []) if (node.attributes?.kind === "article") articles++;
  return { articles, concepts: (graph.nodes?.length ?? 0) - articles };
}

/**
 * The failure a build reported. The command line says it in one line, `error: file:line: message`
 * (scripts/lib/cli.ts): the place is what comes before the first `:line: `, else before the first
 * `: ` when that names a file (a path with an extension: the lexicon's errors name no line). Anything
 * else (a crash before the command line ran) keeps its first line as the message. A file inside
 * the working directory is named relative to it, as the page and the terminal show it.
 */
export function readFailure(stderr: string, code: number | string, { cwd = process.cwd() } = {}): BuildFailure {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const said = lines.find((line) => line.startsWith("error: "));
  if (said === undefined) {
    const first = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0];
    return { message: first ? `the build stopped (${first})` : `the build stopped (exit code ${code})` };
  }
  const text = said.slice("error: ".length);
  const withLine = /^(?<file>.+?):(?<line>\d+): (?<message>.*)$/s.exec(text)?.groups;
  const withFile = withLine ? undefined : /^(?<file>[^\s:]+\.\w+): (?<message>.*)$/s.exec(text)?.groups;
  const place = withLine ?? withFile;
  if (!place) return { message: text };
  return {
    file: shownPath(place.file!, cwd),
    ...(withLine ? { line: Number(withLine.line) } : {}),
    message: place.message!,
  };
}

/** A path as the terminal and the page name it: relative to the working directory when inside it, else as it is. */
export function shownPath(file: string, cwd = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(cwd, file);
  return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? file : inside;
}

// ---------------------------------------------------------------------------------------------
// The Vite plugin

export interface LiveRebuildOptions {
  /** What to build when the config does not say (`liveRebuild`, below); the bundled document by default. */
  target?: BuildTarget;
  delay?: number;
  /** One build; the command line in a child process by default (tests give their own). */
  build?: (target: BuildTarget, signal: AbortSignal) => Promise<BuildOutcome>;
}

declare module "vite" {
  interface UserConfig {
    /**
     * What live rebuild builds and follows; `false`: nothing (the graph shown was built from
     * other lists, and must not be replaced). `npm run dev` (scripts/dev.ts) sets it in the inline
     * config, which Vite keeps when it restarts the server (after an edit of vite.config.ts).
     */
    liveRebuild?: BuildTarget | false;
  }
}

/**
 * The plugin: dev server only (`apply: "serve"`), so `vite build` neither runs it nor ships its
 * client. It follows the config's `liveRebuild` target, else `options.target`.
 */
export function liveRebuild(options: LiveRebuildOptions = {}): Plugin {
  const build = options.build ?? ((target, signal) => runGraphBuild(target, { signal }));
  let target: BuildTarget | undefined = options.target ?? DEFAULT_TARGET;
  let server: ViteDevServer | undefined;
  /** The last build's failure, told to pages that open (or reload) while it stands; cleared by a good build. */
  let failure: FailedEvent | undefined;
  const stop = new AbortController();

  const report = async (changed: string[]): Promise<void> => {
    if (target === undefined || stop.signal.aborted) return;
    const outcome = await build(target, stop.signal);
    if (stop.signal.aborted) return;
    const logger = server?.config.logger;
    const because = changed.length > 0 ? ` (${changed.join(", ")} changed)` : "";
    if (outcome.ok) {
      failure = undefined;
      const event: RebuiltEvent = { seconds: outcome.seconds, articles: outcome.articles, concepts: outcome.concepts, changed };
      logger?.info(`graph rebuilt in ${outcome.seconds.toFixed(1)} s: ${outcome.articles} articles, ${outcome.concepts} concepts${because}`, { timestamp: true });
      server?.environments.client.hot.send(REBUILT, event);
    } else {
      failure = { ...outcome.failure, changed };
      logger?.error(`graph not rebuilt: ${describeFailure(outcome.failure)}${because}; the page keeps the last good graph`, { timestamp: true });
      server?.environments.client.hot.send(FAILED, failure);
    }
  };

  const queue = createRebuildQueue({ delay: options.delay, build: report });

  return {
    name: LIVE_REBUILD_PLUGIN,
    apply: "serve",
    configResolved(config) {
      if (config.liveRebuild !== undefined) target = config.liveRebuild || undefined;
    },
    async configureServer(devServer) {
      server = devServer;
      // A graph built on purpose from other lists (npm run graph -- --input …) is shown, and kept:
      // rebuilding it from these inputs would silently replace the user's graph.
      const recorded = target === undefined ? undefined : await recordedInputs(resolve(target.out));
      if (target !== undefined && recorded !== undefined && !builtFrom(target, recorded)) {
        devServer.config.logger.info(
          `graph: live rebuild is off: ${target.out} was built from ${recorded.join(", ")} (npm run dev -- --input FILE follows a list)`,
        );
        target = undefined;
      }
      if (target !== undefined) devServer.watcher.add(watchedPaths(target));
      const onChange = (file: string) => {
        if (target !== undefined && isSourceOf(target, file)) queue.changed(shownPath(file));
      };
      devServer.watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
      devServer.environments.client.hot.on(HELLO, (_data, client) => {
        if (failure !== undefined) client.send(FAILED, failure);
      });
      // With --out elsewhere than public/, the page still asks for graph.json next to it.
      devServer.middlewares.use((request, response, next) => {
        if (target === undefined || resolve(target.out) === resolve(DEFAULT_GRAPH)) return next();
        const path = new URL(request.url ?? "/", "http://dev").pathname;
        if (path !== `${devServer.config.base}graph.json`) return next();
        readFile(resolve(target.out)).then(
          (body) => {
            response.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length, "Cache-Control": "no-store" });
            response.end(body);
          },
          () => next(),
        );
      });
    },
    // The page reloads once, after a good build, and only then. A source that a module also reads
    // (the lexicon, which the import worker's virtual module is made from) would make Vite reload
    // it at once, before the build, and again after it; so would the written graph, were a module
    // to import it. Vite has already marked those modules stale: the reload after the build loads them anew.
    hotUpdate(update) {
      if (target === undefined || update.modules.length === 0) return;
      if (isSourceOf(target, update.file) || resolve(update.file) === resolve(target.out)) return [];
    },
    transformIndexHtml: {
      handler(_html, context) {
        // The app's page; the presenter window follows it over its channel, and reloading it would reset its timer.
        if (!context.filename.endsWith(`${sep}index.html`) || server === undefined) return;
        return [{ tag: "script", attrs: { type: "module", src: `/${relative(server.config.root, CLIENT).split(sep).join("/")}` }, injectTo: "body" }];
      },
    },
    closeBundle() {
      queue.close();
      stop.abort();
    },
  };
}
