/**
 * First frame and smoothness: the app against a bare sigma 4 page (scripts/bench/bare) that only
 * loads and draws the same graph.json, side by side in one run, in headless Chromium at
 * 1920×1080, on the bundled graph and on a generated graph of 10,000 articles. Software WebGL
 * makes absolute times meaningless; the ratios app / bare are the figures, against the targets
 * of issue 10: first frame and pan/zoom frames at most 1.3× the bare page's, a focus painted
 * within 1.5× one bare frame.
 *
 * Each page is measured in a fresh browser context, app and bare in alternating order, by the
 * same in-page probe (probe.js), for which a frame is painted once the GPU has drawn it (software
 * WebGL can lag the page by seconds):
 *  - first frame: navigation start → the first frame sigma drew is painted; for the app also
 *    when `aria-busy` turned "false", and when the page went quiet (its last frame before
 *    nothing more was drawn for a while: what a second full render after label placement costs);
 *  - pan and zoom for 10 s along one scripted camera path: time from one painted frame to the
 *    next (median, worst), frames drawn, long tasks;
 *  - click: on the biggest concept on screen, the pointer released → the first frame drawn
 *    with it in focus (app) is painted; against one bare frame, a forced `sigma.refresh()`,
 *    and beside the same click in the bare page, which only highlights the node.
 * Then, for the app alone, overlapping labels at the default zoom (target 0) in each view, on
 * the bundled graph and the two lists in ../shared/corpora: as the app reports them
 * (`__insightGraph.drawnLabels`) and as sigma drew them (its displayed node labels), so that
 * each checks the other.
 *
 * `tsx scripts/bench/frames.ts --big-graph FILE --profile` instead records Chrome's CPU profile
 * of both pages (unminified) through each phase on each graph, and prints the app's costliest
 * functions and where it spends more than the bare page. `--graphs`, `--rounds` and `--no-labels`
 * run a part of the benchmark while one iterates (one graph, fewer page loads, no label count);
 * left out, the run is the whole benchmark that `npm run bench` prints.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser, CDPSession, Page } from "playwright-core";
import { ensureGraph } from "../ensure-graph";
import { launchBrowser } from "../lib/browser";
import { readArguments, runMain, UsageError } from "../lib/cli";
import { DEFAULT_GRAPH, PROJECT_ROOT } from "../lib/paths";
import { serveDirectory, type StaticServer } from "../lib/serve";
import { VIEW_NAMES, type ViewName } from "../../src/core/graph/types";
import { costByFunction, median, overlappingPairs, type CpuProfile, type FunctionCost, type LabelBox } from "./measures";

const VIEWPORT = { width: 1920, height: 1080 };
const PROBE = fileURLToPath(new URL("./probe.js", import.meta.url));
const BARE_CONFIG = fileURLToPath(new URL("./vite.bare.config.ts", import.meta.url));
const BUILD_GRAPH = join(PROJECT_ROOT, "scripts", "build-graph.ts");
const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
/** Articles in the generated graph. */
const BIG_ARTICLES = 10_000;
const PAN_SECONDS = 10;
/** A page is settled when it has drawn nothing for this long. */
const QUIET_MS = 2000;
/** Page loads per page on each graph (medians): one on the big graph, where a click alone can take minutes. */
const ROUNDS = { bundled: 3, big: 1 } as const;
/** Software WebGL at 10,000 nodes takes seconds a frame: patience. */
const PAGE_TIMEOUT = 10 * 60_000;
const TARGETS = { firstFrame: 1.3, frame: 1.3, focus: 1.5 } as const;

type PageKind = "app" | "bare";

/** The graphs whose frames are timed (and profiled). */
export const TIMED_GRAPHS = ["bundled", "big"] as const;
export type TimedGraph = (typeof TIMED_GRAPHS)[number];

interface PanFigures {
  /** Milliseconds from one painted frame to the next (the first from the start of the pan). */
  intervals: number[];
  /** Frames sigma drew during the pan. */
  frames: number;
  /** Durations of the long tasks (over 50 ms) begun during the pan. */
  longTasks: number[];
}

interface PageRun {
  /** Navigation start → the first frame painted, in ms. */
  firstFrame: number;
  /** Navigation start → aria-busy "false" (app). */
  idleAt: number | null;
  /** Navigation start → the last frame painted before the page went quiet. */
  settled: number;
  pan: PanFigures;
  /** Release of a click on a concept → its focus (app) or highlight (bare) painted. */
  click: number;
  /** The concept clicked. */
  clicked: string;
  /** Bare: one whole frame, a forced `sigma.refresh()` until painted (median of three). */
  oneFrame: number;
}

interface GraphSite {
  /** Name in the served paths and in the printout. */
  name: string;
  file: string;
  nodes: number;
  edges: number;
}

async function countGraph(file: string): Promise<{ nodes: number; edges: number }> {
  const data = JSON.parse(await readFile(file, "utf8")) as { nodes: unknown[]; edges: unknown[] };
  return { nodes: data.nodes.length, edges: data.edges.length };
}

/** `npm run graph -- --input FILE --out OUT`, in its own process; returns the seconds it took. */
async function buildGraphJson(input: string, out: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [...process.execArgv, BUILD_GRAPH, "--input", input, "--out", out], {
    cwd: PROJECT_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

/** The app (the project's Vite configuration) and the bare page, built into `folder`. */
async function buildPages(folder: string, minify: boolean): Promise<{ app: string; bare: string }> {
  const { build } = await import("vite");
  const app = join(folder, "app");
  const bare = join(folder, "bare");
  await build({ configFile: join(PROJECT_ROOT, "vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir: app, emptyOutDir: true, minify } });
  await build({ configFile: BARE_CONFIG, mode: "production", logLevel: "warn", build: { outDir: bare, emptyOutDir: true, minify } });
  return { app, bare };
}

/**
 * The graphs to measure, built into `folder`: the bundled one (as `npm run build` ships it), a
 * generated list of 10,000 articles, and the two reading lists in ../shared/corpora.
 */
async function prepareGraphs(
  folder: string,
  log: (line: string) => void,
  big: Pick<FramesOptions, "bigList" | "bigGraph">,
  corpora = true,
): Promise<Record<"bundled" | "big" | "scalability" | "primer", GraphSite>> {
  await ensureGraph();
  const site = async (name: string, file: string): Promise<GraphSite> => ({ name, file, ...(await countGraph(file)) });
  const built: Record<string, GraphSite> = { bundled: await site("bundled", DEFAULT_GRAPH) };
  const inputs: [string, string][] = corpora
    ? [
        ["scalability", join(CORPORA, "awesome-scalability.md")],
        ["primer", join(CORPORA, "system-design-primer.md")],
      ]
    : [];
  if (big.bigGraph) built.big = await site("big", big.bigGraph);
  else if (big.bigList) {
    const bigList = join(folder, "big-list.txt");
    await writeFile(bigList, big.bigList(BIG_ARTICLES));
    inputs.unshift(["big", bigList]);
  } else throw new UsageError("the frame benchmark needs a big graph: a generator of reading lists, or --big-graph FILE");
  for (const [name, input] of inputs) {
    const out = join(folder, `${name}.graph.json`);
    const seconds = await buildGraphJson(input, out);
    built[name] = await site(name, out);
    log(`  built ${basename(input)} → ${built[name]!.nodes} nodes, ${built[name]!.edges} edges in ${seconds.toFixed(0)} s`);
  }
  return built as Record<"bundled" | "big" | "scalability" | "primer", GraphSite>;
}

interface Servers {
  app: StaticServer;
  bare: StaticServer;
  close(): Promise<void>;
}

/** Both pages served, each graph under its own sub-path of each (`…/app/big/` draws the big graph). */
async function serve(pages: { app: string; bare: string }, graphs: GraphSite[]): Promise<Servers> {
  const files = Object.fromEntries(graphs.map((graph) => [graph.name, graph.file]));
  const app = await serveDirectory(pages.app, "/app/", { graphs: files });
  const bare = await serveDirectory(pages.bare, "/bare/", { graphs: files });
  return { app, bare, close: async () => void (await Promise.all([app.close(), bare.close()])) };
}

/** A fresh context (nothing cached, nothing shared) with the probe installed; the page's errors fail the run. */
async function openPage(browser: Browser, url: string, beforeNavigation?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("close", () => {
    if (errors.length > 0) console.error(`  page errors on ${url}: ${errors.join("; ")}`);
  });
  await beforeNavigation?.(page);
  await page.goto(url, { waitUntil: "commit", timeout: PAGE_TIMEOUT });
  return page;
}

const quiet = (page: Page) => page.evaluate(`__probe.quiet(${QUIET_MS})`) as Promise<number>;

/** One page load of `kind` on one graph: first frame, pan and zoom, focus. */
async function measurePage(browser: Browser, url: string, kind: PageKind): Promise<PageRun> {
  const page = await openPage(browser, url);
  try {
    const settled = await quiet(page);
    const start = (await page.evaluate("__probe.start()")) as { firstFrame: number; idleAt: number | null };
    const window = (await page.evaluate(`__probe.panZoom(${PAN_SECONDS})`)) as { start: number; end: number };
    await quiet(page);
    const pan = (await page.evaluate(`__probe.between(${window.start}, ${window.end})`)) as PanFigures;
    const click = await clickConcept(page, kind === "app" ? "isFocus" : "isHighlighted");
    const refreshes: number[] = [];
    if (kind === "bare") for (let i = 0; i < 3; i++) refreshes.push((await page.evaluate("__probe.oneFrame()")) as number);
    return { firstFrame: start.firstFrame, idleAt: start.idleAt, settled, pan, click: click.ms, clicked: click.clicked, oneFrame: median(refreshes) };
  } finally {
    await page.context().close();
  }
}

/**
 * Clicks the biggest concept on screen, as a person would: the pointer comes to rest over it
 * (its hover is drawn and settles), then presses and releases. Returns release → the first
 * frame with the node's `state` painted (the app's focus, the bare page's highlight).
 */
async function clickConcept(page: Page, state: "isFocus" | "isHighlighted"): Promise<{ ms: number; clicked: string }> {
  const target = (await page.evaluate("__probe.conceptToClick()")) as { node: string; label: string; x: number; y: number } | null;
  if (!target) throw new Error("no concept on screen to click");
  await page.mouse.move(target.x, target.y);
  await quiet(page);
  await page.evaluate(`__probe.watchClick(${JSON.stringify(target.node)}, "${state}")`);
  await page.mouse.down();
  await page.mouse.up();
  const { ms, selection } = (await page.evaluate("__probe.clicked()")) as { ms: number; selection: { kind: string; ids?: string[] } | null };
  if (state === "isFocus" && (selection?.kind !== "concepts" || !selection.ids?.includes(target.node))) throw new Error(`clicking ${target.label} did not focus it`);
  await quiet(page);
  return { ms, clicked: target.label };
}

/** The app's map size, so the bare page draws as many pixels. */
async function appMapSize(browser: Browser, url: string): Promise<{ width: number; height: number }> {
  const page = await openPage(browser, url);
  try {
    await quiet(page);
    return (await page.evaluate("__probe.mapSize()")) as { width: number; height: number };
  } finally {
    await page.context().close();
  }
}

interface LabelCount {
  /** The view the app shows (it falls back to the map when the graph lacks the view asked for). */
  view: ViewName;
  /** Labels the app reports on the map (node and region names), null without its hook. */
  reported: LabelBox[] | null;
  reportedOverlaps: [LabelBox, LabelBox][];
  /** Node labels sigma drew in its last frame, and their overlaps (boxes one font size high). */
  drawn: LabelBox[];
  drawnOverlaps: [LabelBox, LabelBox][];
  /** Node labels sigma drew that the app does not report. */
  unreported: string[];
}

/** Labels in the app at the default zoom, once it has settled: what it reports and what sigma drew. */
async function labelOverlaps(browser: Browser, url: string): Promise<LabelCount> {
  const page = await openPage(browser, url);
  try {
    await quiet(page);
    const view = (await page.evaluate("window.__insightGraph.state.view")) as ViewName | undefined;
    const { reported, drawn } = (await page.evaluate("__probe.drawnLabels()")) as { reported: LabelBox[] | null; drawn: LabelBox[] };
    const known = new Set(reported?.map((label) => label.key));
    return {
      view: view ?? "map",
      reported,
      reportedOverlaps: overlappingPairs(reported ?? []),
      drawn,
      drawnOverlaps: overlappingPairs(drawn),
      unreported: reported ? drawn.filter((label) => !known.has(label.key)).map((label) => label.text) : [],
    };
  } finally {
    await page.context().close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (app: number, bare: number, target: number) => `${(app / bare).toFixed(2)}× (target ≤ ${target}×)`;

function report(graph: GraphSite, app: PageRun[], bare: PageRun[], map: { width: number; height: number }, log: (line: string) => void): void {
  const of = (runs: PageRun[], pick: (run: PageRun) => number) => median(runs.map(pick));
  const first = [of(app, (r) => r.firstFrame), of(bare, (r) => r.firstFrame)] as const;
  const panMedian = [of(app, (r) => median(r.pan.intervals)), of(bare, (r) => median(r.pan.intervals))] as const;
  const panWorst = [of(app, (r) => Math.max(...r.pan.intervals)), of(bare, (r) => Math.max(...r.pan.intervals))] as const;
  const tasks = (runs: PageRun[]) =>
    `${of(runs, (r) => r.pan.longTasks.length).toFixed(0)} long tasks, longest ${ms(of(runs, (r) => Math.max(0, ...r.pan.longTasks)))}, ` +
    `${of(runs, (r) => r.pan.frames).toFixed(0)} frames drawn`;
  log(`frames: ${graph.name} graph, ${graph.nodes} nodes / ${graph.edges} edges; 1920×1080, map ${map.width}×${map.height} px; medians of ${app.length} page loads each, app and bare alternating`);
  log(`  first frame: app ${ms(first[0])}, bare ${ms(first[1])}: ${ratio(first[0], first[1], TARGETS.firstFrame)}`);
  log(
    `    app aria-busy "false" at ${ms(of(app, (r) => r.idleAt ?? NaN))}, quiet after its last frame at ${ms(of(app, (r) => r.settled))} ` +
      `(${(of(app, (r) => r.settled) / of(bare, (r) => r.settled)).toFixed(2)}× the bare page's ${ms(of(bare, (r) => r.settled))})`,
  );
  log(`  pan and zoom ${PAN_SECONDS} s: median frame app ${ms(panMedian[0])}, bare ${ms(panMedian[1])}: ${ratio(panMedian[0], panMedian[1], TARGETS.frame)}`);
  log(`    worst frame app ${ms(panWorst[0])}, bare ${ms(panWorst[1])}: ${ratio(panWorst[0], panWorst[1], TARGETS.frame)}`);
  log(`    app: ${tasks(app)}; bare: ${tasks(bare)}`);
  const focus = of(app, (r) => r.click);
  const bareFrame = of(bare, (r) => r.oneFrame);
  log(
    `  click on ${app[0]?.clicked ?? "?"} → focus painted: app ${ms(focus)}; one bare frame (forced refresh) ${ms(bareFrame)}: ` +
      `${ratio(focus, bareFrame, TARGETS.focus)}; a click that highlights it in the bare page ${ms(of(bare, (r) => r.click))}`,
  );
}

/** Samples every 200 µs: a frame of tens of milliseconds shows its parts. */
const PROFILE_INTERVAL_US = 200;

async function startProfile(session: CDPSession): Promise<void> {
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: PROFILE_INTERVAL_US });
  await session.send("Profiler.start");
}

async function stopProfile(session: CDPSession): Promise<CpuProfile> {
  const { profile } = await session.send("Profiler.stop");
  return profile as unknown as CpuProfile;
}

const PHASES = { load: "load → quiet", pan: `pan and zoom ${PAN_SECONDS} s → quiet`, click: "click on a concept → quiet" } as const;
type Phase = keyof typeof PHASES;

/** A page's CPU profile through its first frame, the pan and zoom, and a click on a concept. */
async function profilePhases(browser: Browser, url: string): Promise<Record<Phase, CpuProfile>> {
  let session: CDPSession | undefined;
  const page = await openPage(browser, url, async (fresh) => {
    session = await fresh.context().newCDPSession(fresh);
    await startProfile(session);
  });
  try {
    await quiet(page);
    const load = await stopProfile(session!);
    await startProfile(session!);
    await page.evaluate(`__probe.panZoom(${PAN_SECONDS})`);
    await quiet(page);
    const pan = await stopProfile(session!);
    const target = (await page.evaluate("__probe.conceptToClick()")) as { node: string; x: number; y: number } | null;
    if (!target) throw new Error("no concept on screen to click");
    await page.mouse.move(target.x, target.y);
    await quiet(page);
    await startProfile(session!);
    await page.mouse.down();
    await page.mouse.up();
    await quiet(page);
    return { load, pan, click: await stopProfile(session!) };
  } finally {
    await page.context().close();
  }
}

const line = (cost: FunctionCost) => `    ${ms(cost.self).padStart(9)} ${ms(cost.total).padStart(9)}  ${cost.name}`;
/** A function's name without its place: the two pages' bundles put sigma's functions at different lines. */
const unplaced = (name: string) => name.replace(/ [^ ]+\.js:\d+$/, "");

/**
 * One phase of the app's profile: its costliest functions by own time and, with callees, its
 * own code's; then where it spent more than the bare page, function by function (by name, with
 * callees), which is what the app adds.
 */
function printPhase(phase: Phase, app: CpuProfile, bare: CpuProfile, log: (line: string) => void): void {
  const costs = costByFunction(app);
  const busy = (profile: CpuProfile, list: FunctionCost[]) =>
    profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000 - (list.find((cost) => cost.name === "(idle)")?.self ?? 0);
  const bareCosts = costByFunction(bare);
  log(`  ${PHASES[phase]}: app busy ${ms(busy(app, costs))}, bare ${ms(busy(bare, bareCosts))} on the main thread; app by own time (self / with callees):`);
  for (const cost of costs.filter((cost) => !["(idle)", "(root)"].includes(cost.name)).slice(0, 12)) log(line(cost));
  log(`    app's bundle, with callees (over 50 ms):`);
  const own = costs.filter((cost) => /\bindex-[\w-]+\.js/.test(cost.name) && cost.total >= 50).sort((a, b) => b.total - a.total);
  for (const cost of own.slice(0, 24)) log(line(cost));
  const bareTotal = new Map<string, number>();
  for (const cost of bareCosts) bareTotal.set(unplaced(cost.name), Math.max(bareTotal.get(unplaced(cost.name)) ?? 0, cost.total));
  const extra = new Map<string, number>();
  for (const cost of costs) extra.set(unplaced(cost.name), Math.max(extra.get(unplaced(cost.name)) ?? 0, cost.total));
  const more = [...extra]
    .map(([name, total]) => ({ name, more: total - (bareTotal.get(name) ?? 0) }))
    .filter((entry) => entry.more >= 50 && !["(idle)", "(root)", "(program)"].includes(entry.name))
    .sort((a, b) => b.more - a.more);
  log(`    app minus bare, with callees, by function name (over 50 ms):`);
  for (const { name, more: diff } of more.slice(0, 20)) log(`    ${`+${ms(diff)}`.padStart(9)}  ${name}`);
}

export interface FramesOptions {
  /** A reading list of about `articles` articles, generated without network (seeded). */
  bigList?: (articles: number) => string;
  /** A graph.json to use as the big graph instead of generating and building one. */
  bigGraph?: string;
  /** Record CPU profiles of both pages and print where the app spends more, instead of timing them. */
  profile?: boolean;
  /** Only these graphs are timed or profiled (default both, bundled then big). */
  graphs?: readonly TimedGraph[];
  /** Page loads of each page on every graph timed, instead of `ROUNDS` (fewer: quicker, noisier). */
  rounds?: number;
  /** Count overlapping labels on the bundled graph and the corpora after the timings (default true). */
  labels?: boolean;
  /** Lines go here (console.log by default). */
  log?: (line: string) => void;
}

/** Prints the whole benchmark (or, with `profile`, the app's CPU profiles); see the file's comment. */
export async function benchFrames(options: FramesOptions = {}): Promise<void> {
  const log = options.log ?? console.log;
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-frames-"));
  let servers: Servers | undefined;
  let browser: Browser | undefined;
  try {
    log(`frames: building the pages and graphs${options.bigGraph ? "" : ` (the big one from a generated list of ${BIG_ARTICLES} articles)`}`);
    const countLabels = !options.profile && options.labels !== false;
    // Labels are counted on the corpora; timings and profiles need only the bundled and the big graph.
    const graphs = await prepareGraphs(folder, log, options, countLabels);
    const timed = (options.graphs ?? TIMED_GRAPHS).map((name) => graphs[name]);
    // Profiles read best with the functions' own names.
    servers = await serve(await buildPages(folder, !options.profile), Object.values(graphs));
    browser = await launchBrowser();
    if (options.profile) {
      const map = await appMapSize(browser, `${servers.app.url}bundled/`);
      for (const graph of timed) {
        const app = await profilePhases(browser, `${servers.app.url}${graph.name}/`);
        const bare = await profilePhases(browser, `${servers.bare.url}${graph.name}/?width=${map.width}&height=${map.height}`);
        log(`profile: the ${graph.name} graph (${graph.nodes} nodes, ${graph.edges} edges), both pages unminified, sampled every ${PROFILE_INTERVAL_US} µs`);
        for (const phase of Object.keys(PHASES) as Phase[]) printPhase(phase, app[phase], bare[phase], log);
      }
      return;
    }
    const map = await appMapSize(browser, `${servers.app.url}bundled/`);
    for (const graph of timed) {
      const runs: Record<PageKind, PageRun[]> = { app: [], bare: [] };
      for (let round = 0; round < (options.rounds ?? ROUNDS[graph.name as TimedGraph]); round++) {
        for (const kind of round % 2 === 0 ? (["bare", "app"] as const) : (["app", "bare"] as const)) {
          const url = kind === "app" ? `${servers.app.url}${graph.name}/` : `${servers.bare.url}${graph.name}/?width=${map.width}&height=${map.height}`;
          const run = await measurePage(browser, url, kind);
          runs[kind].push(run);
          // Rounds take minutes on the big graph: say where the run is.
          log(
            `    ${graph.name} ${kind} #${runs[kind].length}: first frame ${ms(run.firstFrame)}, quiet at ${ms(run.settled)}, ` +
              `pan median ${ms(median(run.pan.intervals))} worst ${ms(Math.max(...run.pan.intervals))} (${run.pan.frames} frames), click ${ms(run.click)}`,
          );
        }
      }
      report(graph, runs.app, runs.bare, map, log);
    }
    if (!countLabels) return;
    log(`labels: overlapping labels at the default zoom, 1920×1080 (target 0): as the app reports them (drawnLabels), and sigma's drawn node labels`);
    const pairs = (overlaps: [LabelBox, LabelBox][]) =>
      overlaps.length === 0 ? "" : ` (${overlaps.slice(0, 3).map(([a, b]) => `"${a.text}" / "${b.text}"`).join(", ")})`;
    for (const graph of [graphs.bundled, graphs.scalability, graphs.primer]) {
      for (const view of VIEW_NAMES) {
        const count = await labelOverlaps(browser, `${servers.app.url}${graph.name}/${view === "map" ? "" : `?view=${view}`}`);
        if (count.view !== view) {
          log(`  ${graph.name} ${view}: the app shows the ${count.view} view instead (the graph has no ${view} layout)`);
          continue;
        }
        const reported = count.reported
          ? `${count.reportedOverlaps.length} overlapping pairs among ${count.reported.length} labels${pairs(count.reportedOverlaps)}`
          : "the app reports no labels (no drawnLabels hook)";
        const unreported = count.unreported.length ? `; ${count.unreported.length} drawn but not reported (${count.unreported.slice(0, 3).join(", ")})` : "";
        log(`  ${graph.name} ${view}: ${reported}; sigma drew ${count.drawn.length} node labels, ${count.drawnOverlaps.length} overlapping pairs${pairs(count.drawnOverlaps)}${unreported}`);
      }
    }
  } finally {
    await browser?.close();
    await servers?.close();
    await rm(folder, { recursive: true, force: true });
  }
}

const CLI_OPTIONS = {
  "big-graph": { type: "string" },
  profile: { type: "boolean", default: false },
  graphs: { type: "string" },
  rounds: { type: "string" },
  "no-labels": { type: "boolean", default: false },
} as const;

const HELP = `Usage: tsx scripts/bench/frames.ts --big-graph FILE [--profile] [--graphs LIST] [--rounds N] [--no-labels]

The frame benchmark of \`npm run bench -- --only frames\`, alone, on a big graph already built
(\`npm run bench\` generates a list of ${BIG_ARTICLES} articles and builds it). With none of
the last three options, the whole benchmark; with them, a part of it, to iterate quickly.
  --big-graph FILE  the graph.json to use as the big graph
  --profile         record both pages' CPU profiles (unminified builds) through the first
                    frame, the pan and zoom and a click, on the bundled and the big graph, and
                    print the app's costliest functions and where it spends more than bare
  --graphs LIST     time (or profile) only these graphs, comma-separated: ${TIMED_GRAPHS.join(", ")}
  --rounds N        page loads of each page per graph (default ${ROUNDS.bundled} on bundled, ${ROUNDS.big} on big)
  --no-labels       skip counting overlapping labels (and building the two corpora for it)
  -h, --help        show this help`;

/** `--graphs bundled,big` as a list of timed graphs, each named once. */
function readGraphs(list: string | undefined): TimedGraph[] | undefined {
  if (list === undefined) return undefined;
  const names = list.split(",").map((name) => name.trim());
  for (const name of names) if (!(TIMED_GRAPHS as readonly string[]).includes(name)) throw new UsageError(`--graphs: unknown graph ${name} (${TIMED_GRAPHS.join(", ")})`);
  if (new Set(names).size !== names.length) throw new UsageError("--graphs: a graph is named twice");
  return names as TimedGraph[];
}

function readRounds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rounds = Number(value);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds: expected a whole number from 1, got ${value}`);
  return rounds;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMain(async () => {
    const { values } = readArguments(CLI_OPTIONS);
    if (values.help) return console.log(HELP);
    await benchFrames({
      bigGraph: values["big-graph"],
      profile: values.profile,
      graphs: readGraphs(values.graphs),
      rounds: readRounds(values.rounds),
      labels: !values["no-labels"],
    });
  });
}
