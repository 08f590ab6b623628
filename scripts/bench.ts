/**
 * npm run bench: prints the speed and memory figures the README reports.
 *  1. extraction of the whole bookmarks document vs compromise alone tagging the same text
 *     (each measured in its own process: compromise plugins are global, and a fresh heap is fair);
 *  2. search answering a keystroke on a synthetic graph of 10,000 nodes and 50,000 edges;
 *  3. the whole graph build (parse, extract, layout, write) with its peak memory.
 * Figures are medians over repeated rounds after a warm-up round.
 */
import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import Graph from "graphology";
import { readArguments, runMain, UsageError } from "./lib/cli";
import { DEFAULT_INPUT } from "./lib/paths";
import { parseDocument } from "../src/core/parse/index";
import type { Entry } from "../src/core/types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../src/core/graph/types";
import { seededRandom } from "../src/core/random";

const HELP = `Usage: npm run bench [-- --rounds N] [--part compromise|extraction|search|build]

Prints: extraction time vs compromise alone on ${DEFAULT_INPUT}; search time per keystroke on a
synthetic 10,000-node / 50,000-edge graph; the full graph build time and peak memory.
Each figure is measured in a fresh process; --part runs one of them alone and prints its raw
measurements as JSON.`;

const SELF = fileURLToPath(import.meta.url);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function fieldTexts(entries: Entry[]): string[] {
  return entries.flatMap((e) => [e.title, e.description, ...e.insights].filter((t) => t !== ""));
}

async function loadEntries(): Promise<Entry[]> {
  return parseDocument(await readFile(DEFAULT_INPUT, "utf8"), "text").entries;
}

function timeRounds(rounds: number, work: () => void): number[] {
  work(); // warm-up: JIT and lazy compromise models
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}

/** Parts that must run in a fresh process print one JSON line. */
const parts: Record<string, (rounds: number) => Promise<unknown>> = {
  async compromise(rounds) {
    const texts = fieldTexts(await loadEntries());
    const { default: nlp } = await import("compromise");
    return timeRounds(rounds, () => {
      for (const text of texts) nlp(text);
    });
  },
  async extraction(rounds) {
    const entries = await loadEntries();
    const { loadLexicon } = await import("./lib/lexicon");
    const { createExtractor } = await import("../src/core/extract/index");
    const extractor = createExtractor(await loadLexicon());
    return timeRounds(rounds, () => {
      extractor.extract(entries);
    });
  },
  search: (rounds) => benchSearch(rounds),
  async build() {
    const { buildGraphFile } = await import("./lib/build");
    const out = join(tmpdir(), `insight-graph-bench-${process.pid}.json`);
    const summary = await buildGraphFile({ input: DEFAULT_INPUT, out });
    await rm(out, { force: true });
    return { ...summary, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  },
};

async function inChild(part: string, rounds: number): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, SELF, "--part", part, "--rounds", String(rounds)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

const SYLLABLES = ["ka", "ro", "mi", "tu", "sen", "dal", "vor", "qui", "lex", "pa", "zor", "ne", "fi", "gra", "tho", "bel", "cus", "dri"];
const WORDS = ["latency", "queue", "storage", "index", "replica", "scheduler", "kernel", "cache", "stream", "shard", "vector", "compiler", "migration", "throughput", "consensus", "ledger"];

/** 2,000 articles with insights and 8,000 entities, 50,000 mention edges, Zipf-like popularity. */
function syntheticGraph(): Graph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const name = (parts: number) => Array.from({ length: parts }, () => pick(SYLLABLES)).join("");
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "directed" });
  graph.replaceAttributes({ name: "synthetic", inputs: ["synthetic"], sections: [] });
  const types = ["organization", "technology", "technique", "person"] as const;
  const entityIds: string[] = [];
  for (let i = 0; i < 8000; i++) {
    const label = `${name(2)}${name(1)} ${i % 3 === 0 ? pick(WORDS) : ""}`.trim() + ` ${i}`;
    const id = `entity:synthetic-${i}`;
    entityIds.push(id);
    graph.addNode(id, { kind: "entity", type: types[i % 4]!, label, aliases: [name(2), `${name(1)}_${name(1)}`], articleCount: 0, x: random(), y: random(), size: 3, color: "#000000" });
  }
  for (let i = 0; i < 2000; i++) {
    const insights = Array.from({ length: 3 }, () => Array.from({ length: 14 }, () => (random() < 0.3 ? name(2) : pick(WORDS))).join(" "));
    graph.addNode(`article:synthetic-${i}`, {
      kind: "article", label: `${pick(WORDS)} ${name(2)} at ${name(2)} ${i}`, description: "", section: "S", subsection: "",
      insights, note: "", source: "", entryKind: "bookmark", inputs: ["synthetic"], x: random(), y: random(), size: 3, color: "#000000",
    });
  }
  while (graph.size < 50000) {
    const article = `article:synthetic-${Math.floor(random() * 2000)}`;
    const entity = entityIds[Math.floor(entityIds.length * random() ** 2)]!;
    if (!graph.hasEdge(article, entity)) graph.addEdge(article, entity, { kind: "mentions", weight: 1, evidence: [{ field: "title", index: 0, start: 0, end: 1 }] });
  }
  return graph;
}

async function benchSearch(passes: number) {
  const { createSearchIndex } = await import("../src/app/data/search");
  const graph = syntheticGraph();
  const indexStarted = performance.now();
  const index = createSearchIndex(graph);
  const indexMs = performance.now() - indexStarted;
  const random = seededRandom(7);
  // What people type: whole labels, aliases, words of insights, and the same with a typo.
  const targets: string[] = [];
  graph.forEachNode((_, a) => {
    if (random() < 0.004) targets.push(a.label.toLowerCase());
    if (a.kind === "entity" && random() < 0.002) targets.push(a.aliases[0]!);
  });
  targets.push("latency queue", "kernel schedulr", "consensus ledger", "replica_shard");
  for (const word of [...targets]) targets.push(word.slice(0, -2) + word.at(-1) + word.at(-2));
  const queries = targets.flatMap((target) => Array.from({ length: target.length }, (_, i) => target.slice(0, i + 1)));
  // Typing every query letter by letter is repeated: one keystroke's time is then the median of
  // its passes, so a garbage collection or a preempted time slice that lands on it once does not
  // count as the search's cost. The single slowest sample is reported too.
  const samples: number[][] = queries.map(() => []);
  index.search("warm up");
  for (let pass = 0; pass < passes; pass++) {
    queries.forEach((query, i) => {
      const started = performance.now();
      index.search(query);
      samples[i]!.push(performance.now() - started);
    });
  }
  const keystrokes = samples.map(median);
  const worstSample = Math.max(...samples.flat());
  const slowest = queries
    .map((query, i) => ({ query, ms: keystrokes[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return { order: graph.order, size: graph.size, indexMs, passes, keystrokes, worstSample, slowest };
}

runMain(async () => {
  const { values } = readArguments({
    part: { type: "string" },
    rounds: { type: "string", default: "5" },
  });
  if (values.help) return console.log(HELP);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError("--rounds takes a whole number ≥ 1");
  if (values.part) {
    const part = parts[values.part];
    if (!part) throw new UsageError(`unknown part ${values.part}`);
    console.log(JSON.stringify(await part(rounds)));
    return;
  }

  const entries = await loadEntries();
  const texts = fieldTexts(entries);
  console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, ${(await import("node:os")).cpus().length} cores`);
  console.log(`input: ${DEFAULT_INPUT}: ${entries.length} entries, ${texts.length} text fields, ${texts.join(" ").length} characters`);

  const baseline = median((await inChild("compromise", rounds)) as number[]);
  const extraction = median((await inChild("extraction", rounds)) as number[]);
  console.log(`extraction: compromise alone ${baseline.toFixed(0)} ms, our extractor ${extraction.toFixed(0)} ms, ratio ${(extraction / baseline).toFixed(2)} (target < 1.5)`);

  const search = (await inChild("search", 3)) as Awaited<ReturnType<typeof benchSearch>>;
  console.log(
    `search: synthetic graph ${search.order} nodes / ${search.size} edges, index built in ${search.indexMs.toFixed(0)} ms; ` +
      `${search.keystrokes.length} keystrokes, each the median of ${search.passes} passes: median ${median(search.keystrokes).toFixed(2)} ms, ` +
      `p95 ${percentile(search.keystrokes, 95).toFixed(2)} ms, p99 ${percentile(search.keystrokes, 99).toFixed(2)} ms, ` +
      `max ${Math.max(...search.keystrokes).toFixed(2)} ms (target < 16); ` +
      `${search.keystrokes.filter((ms) => ms >= 16).length} keystrokes at 16 ms or more; slowest: ` +
      search.slowest.map((s) => `"${s.query}" ${s.ms.toFixed(1)} ms`).join(", ") +
      `; slowest single sample ${search.worstSample.toFixed(1)} ms`,
  );

  const build = (await inChild("build", 1)) as { articles: number; entities: number; mentions: number; milliseconds: number; peakRssMiB: number };
  console.log(
    `graph build: ${build.articles} articles, ${build.entities} entities, ${build.mentions} edges in ${(build.milliseconds / 1000).toFixed(1)} s, peak RSS ${build.peakRssMiB.toFixed(0)} MiB`,
  );
});
