/**
 * npm run bench: prints the speed and memory figures the README reports.
 *  1. extraction of the whole bookmarks document vs compromise alone tagging the same text
 *     (each measured in its own process: compromise plugins are global, and a fresh heap is fair);
 *  2. search answering a keystroke on a synthetic graph of 10,000 nodes and 50,000 edges;
 *  3. the whole graph build (parse, extract, graph, metrics, layout, write) with its peak memory;
 *  4. big input: the build's stages on generated documents of ¼, ½ and the whole of 10 MB, side
 *     by side, so that ratios show whether time and memory grow linearly with the input.
 * Figures are medians over repeated rounds after a warm-up round.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import Graph from "graphology";
import { readArguments, runMain, UsageError } from "./lib/cli";
import { DEFAULT_INPUT } from "./lib/paths";
import { parseDocument } from "../src/core/parse/index";
import type { Entry, ParsedDocument } from "../src/core/types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../src/core/graph/types";
import { seededRandom } from "../src/core/random";
import { buildStages, STAGES, type StagesResult } from "./lib/stages";
import { benchScale } from "./bench/scale";
import { benchBuildSpeed } from "./bench/buildspeed";

const BIG_DEFAULT_MB = 10;
const MB = 1_000_000;
const BENCHES = ["extraction", "search", "build", "big", "frames", "scale", "buildspeed", "importspeed", "layout"] as const;
type Bench = (typeof BENCHES)[number];

const HELP = `Usage: npm run bench [-- options]

Prints: extraction time vs compromise alone on ${DEFAULT_INPUT}; search time per keystroke on a
synthetic 10,000-node / 50,000-edge graph; the full graph build time and peak memory; the build's
stages (parse, extract, graph, metrics, layout, write) on a big generated document and on ¼ and ½ of it;
scale: the stages and peak memory on synthetic lists of 1,000 and 10,000 articles (target < 60 s);
buildspeed: \`npm run graph\` as a process against one that only runs compromise (target ≤ 1.5×).
importspeed: the bundled document built in the page's import worker (headless Chromium, the built
site) against \`npm run graph\` and the in-process pipeline, in the same run (target ≤ 2×).
layout: per view, on the bundled list and both corpora, how well regions separate (5-NN community
share, target ≥ 0.7) and overlapping discs (target 0), and the layout's time at 1,000 and 10,000 articles
(measured in the bench's own process).
Each figure is measured in a fresh process. frames: the app against a bare sigma page in headless
Chromium (first frame, pan and zoom, click to focus) on the bundled and a 10,000-article graph,
and overlapping labels per view (scripts/bench/frames.ts; slow: minutes of software WebGL).

Options:
  --only LIST      run only these benchmarks (comma-separated): ${BENCHES.join(", ")}
                   (\`--only big\` runs the big-input benchmark alone)
  --skip LIST      run all benchmarks but these (\`--skip big\` saves a few minutes)
  --big-mb N       size of the big document in MB (default ${BIG_DEFAULT_MB}); it is built beside
                   documents of N/4 and N/2 MB
  --rounds N       rounds per timed figure (default 5)
  --part NAME      internal: run one measurement in this process and print it as JSON
  -h, --help       show this help`;

const SELF = fileURLToPath(import.meta.url);
/** Alternating compromise / extractor process pairs behind the extraction ratio. */
const EXTRACTION_PAIRS = 5;

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

/** One round's wall-clock time and the CPU time the process spent in it (user + system). */
interface RoundTime {
  ms: number;
  cpuMs: number;
}

function timeRounds(rounds: number, work: () => void): RoundTime[] {
  work(); // warm-up: JIT and lazy compromise models
  const times: RoundTime[] = [];
  for (let i = 0; i < rounds; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    work();
    const used = process.cpuUsage(cpu);
    times.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  return times;
}

/** Parts that must run in a fresh process print one JSON line. */
const parts: Record<string, (rounds: number, input?: string) => Promise<unknown>> = {
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
  async stages(_, input) {
    if (input === undefined) throw new UsageError("--part stages needs --input FILE");
    return buildStages(input);
  },
  async build() {
    const { buildGraphFile } = await import("./lib/build");
    const out = join(tmpdir(), `insight-graph-bench-${process.pid}.json`);
    const summary = await buildGraphFile({ input: DEFAULT_INPUT, out });
    await rm(out, { force: true });
    return { ...summary, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  },
};

async function inChild(part: string, rounds: number, ...args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, SELF, "--part", part, "--rounds", String(rounds), ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

/** Title framings for the copies of an entry; with the copy's year they make every title unique. */
const FRAMINGS = ["Revisited in", "Summarised in", "Discussed in", "Presented in", "Reread in", "Annotated in"];

/**
 * A document of about `bytes` bytes in the bookmarks text format, made of the bundled document's
 * own entries so that its vocabulary, entity density and insight lengths stay those of a real
 * reading list. Copy k of an entry gets a title framed by k ("Revisited in 1994: ...", unique, so
 * no two entries merge) and its insights in a seeded shuffled order; the copies stay under their
 * entry's section and subsection, each heading written once, as a long list would be.
 */
export function bigDocument(doc: ParsedDocument, bytes: number, seed = 2026): string {
  const random = seededRandom(seed);
  const groups = new Map<string, Entry[]>();
  for (const entry of doc.entries) {
    const place = JSON.stringify([entry.kind === "reference", entry.section, entry.subsection]);
    groups.set(place, [...(groups.get(place) ?? []), entry]);
  }
  const lines = (entry: Entry, copy: number): string[] => {
    const title = copy === 0 ? entry.title : `${FRAMINGS[copy % FRAMINGS.length]} ${1990 + Math.floor(copy / FRAMINGS.length)}: ${entry.title}`;
    const insights = [...entry.insights];
    for (let i = insights.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [insights[i], insights[j]] = [insights[j]!, insights[i]!];
    }
    if (entry.kind === "reference") return [`- ${title} — ${entry.description}`];
    return [
      "-",
      `${title} -- ${entry.description}`,
      ...(entry.note ? [entry.note] : []),
      ...(insights.length > 0 ? ["Key insights:", ...insights.map((insight) => `- ${insight}`)] : []),
    ];
  };
  const oneCopy = [...groups.values()].flat().flatMap((entry) => lines(entry, 0)).join("\n").length;
  const copies = Math.max(1, Math.round(bytes / oneCopy));

  const out: string[] = [doc.title || "Reading list", ""];
  let section: string | undefined;
  for (const [place, entries] of groups) {
    const [reference, name, subsection] = JSON.parse(place) as [boolean, string, string];
    if (name !== section) {
      // A blurb (a line ending like a sentence) marks the heading above it as a section.
      out.push(name || "Reading list", reference ? "" : `Further reading on ${name.toLowerCase()}.`);
      section = name;
    }
    if (subsection) out.push(subsection);
    for (let copy = 0; copy < copies; copy++) for (const entry of entries) out.push(...lines(entry, copy));
  }
  return out.filter((line, i) => line !== "" || out[i - 1] !== "").join("\n") + "\n";
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

const PART_OPTIONS = {
  part: { type: "string" },
  rounds: { type: "string", default: "5" },
  only: { type: "string" },
  skip: { type: "string" },
  "big-mb": { type: "string", default: String(BIG_DEFAULT_MB) },
  input: { type: "string" },
} as const;

function benchList(value: string | undefined, option: string): Bench[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) if (!(BENCHES as readonly string[]).includes(name)) throw new UsageError(`${option}: unknown benchmark ${name}`);
  return names as Bench[];
}

runMain(async () => {
  const { values } = readArguments(PART_OPTIONS);
  if (values.help) return console.log(HELP);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError("--rounds takes a whole number ≥ 1");
  if (values.part) {
    const part = parts[values.part];
    if (!part) throw new UsageError(`unknown part ${values.part}`);
    console.log(JSON.stringify(await part(rounds, values.input)));
    return;
  }
  const only = benchList(values.only, "--only");
  const skip = benchList(values.skip, "--skip") ?? [];
  const runs = (bench: Bench) => (only ? only.includes(bench) : !skip.includes(bench));
  const bigMb = Number(values["big-mb"]);
  if (!(bigMb > 0)) throw new UsageError("--big-mb takes a positive number");

  const entries = await loadEntries();
  const texts = fieldTexts(entries);
  console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, ${(await import("node:os")).cpus().length} cores`);
  console.log(`input: ${DEFAULT_INPUT}: ${entries.length} entries, ${texts.length} text fields, ${texts.join(" ").length} characters`);

  if (runs("extraction")) {
    // On a shared machine a burst of load can land on one side of a comparison: the two are
    // measured in alternating processes, pair by pair, each by its fastest round, in CPU time as
    // well as wall-clock time; the ratio is the median of the pairs'.
    const pairs: { baseline: RoundTime; extraction: RoundTime }[] = [];
    for (let pair = 0; pair < EXTRACTION_PAIRS; pair++) {
      const baseline = (await inChild("compromise", rounds)) as RoundTime[];
      const extraction = (await inChild("extraction", rounds)) as RoundTime[];
      // Within a process, the fastest round is the one least disturbed: interference only adds time.
      const middle = (times: RoundTime[], key: keyof RoundTime) => Math.min(...times.map((t) => t[key]));
      pairs.push({
        baseline: { ms: middle(baseline, "ms"), cpuMs: middle(baseline, "cpuMs") },
        extraction: { ms: middle(extraction, "ms"), cpuMs: middle(extraction, "cpuMs") },
      });
    }
    const cpuRatios = pairs.map((p) => p.extraction.cpuMs / p.baseline.cpuMs);
    const wallRatios = pairs.map((p) => p.extraction.ms / p.baseline.ms);
    const at = (key: keyof RoundTime, side: "baseline" | "extraction") => median(pairs.map((p) => p[side][key])).toFixed(0);
    console.log(
      `extraction: compromise alone ${at("cpuMs", "baseline")} ms CPU (${at("ms", "baseline")} ms wall), our extractor ${at("cpuMs", "extraction")} ms CPU (${at("ms", "extraction")} ms wall), ` +
        `ratio ${median(cpuRatios).toFixed(2)} in CPU time (target < 1.5), ${median(wallRatios).toFixed(2)} wall-clock; ` +
        `pairs: ${cpuRatios.map((r) => r.toFixed(2)).join(", ")} (CPU), ${wallRatios.map((r) => r.toFixed(2)).join(", ")} (wall)`,
    );
  }

  if (runs("search")) {
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
  }

  if (runs("build")) {
    const build = (await inChild("build", 1)) as { articles: number; entities: number; mentions: number; milliseconds: number; peakRssMiB: number };
    console.log(
      `graph build: ${build.articles} articles, ${build.entities} entities, ${build.mentions} edges in ${(build.milliseconds / 1000).toFixed(1)} s, peak RSS ${build.peakRssMiB.toFixed(0)} MiB`,
    );
  }

  if (runs("big")) await benchBigInput(await readFile(DEFAULT_INPUT, "utf8"), bigMb);
  if (runs("scale")) await benchScale((file) => inChild("stages", 1, "--input", file) as Promise<StagesResult>);
  if (runs("buildspeed")) await benchBuildSpeed();
  if (runs("importspeed")) await (await import("./bench/importspeed")).benchImportSpeed(rounds);
  if (runs("layout")) await (await import("./bench/layout")).benchLayout();
  if (runs("frames")) {
    // The same seeded synthetic lists as the scale bench (scripts/lib/synthetic.ts), in the bookmarks format.
    const { loadSyntheticVocabulary, syntheticReadingList } = await import("./lib/synthetic");
    const vocabulary = await loadSyntheticVocabulary();
    const bigList = (articles: number) => syntheticReadingList(vocabulary, { articles, format: "text" });
    await (await import("./bench/frames")).benchFrames({ bigList });
  }
});

/**
 * Builds documents of ¼, ½ and all of `megabytes`, each in its own process, and prints every
 * stage's time and the peak memory side by side, then each doubling's growth against the ×2 a
 * linear build would show.
 */
async function benchBigInput(bundled: string, megabytes: number): Promise<void> {
  const doc = parseDocument(bundled, "text");
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-big-"));
  try {
    const results: StagesResult[] = [];
    for (const share of [0.25, 0.5, 1]) {
      const file = join(folder, `big-${share}.txt`);
      await writeFile(file, bigDocument(doc, share * megabytes * MB));
      results.push((await inChild("stages", 1, "--input", file)) as StagesResult);
    }
    const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(8);
    console.log(
      `big input: documents generated from ${DEFAULT_INPUT} (its entries repeated with framed titles and shuffled insights, seeded), ` +
        `each built in a fresh process; wall-clock seconds per stage, the whole build's CPU seconds, peak RSS in MiB`,
    );
    console.log(`     MB  entries    nodes    edges ${STAGES.map((s) => s.padStart(9)).join("")}    total      cpu  peak RSS`);
    for (const r of results) {
      const total = STAGES.reduce((sum, s) => sum + r.stages[s].ms, 0);
      const cpu = STAGES.reduce((sum, s) => sum + r.stages[s].cpuMs, 0);
      console.log(
        `${(r.bytes / MB).toFixed(1).padStart(7)} ${String(r.articles).padStart(8)} ${String(r.nodes).padStart(8)} ${String(r.edges).padStart(8)} ` +
          `${STAGES.map((s) => seconds(r.stages[s].ms).padStart(9)).join("")} ${seconds(total)} ${seconds(cpu)} ${r.stages.write.peakRssMiB.toFixed(0).padStart(9)}`,
      );
    }
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1]!, results[i]!];
      const growth = (a: number, b: number) => `×${(b / a).toFixed(2)}`;
      const total = (r: StagesResult) => STAGES.reduce((sum, s) => sum + r.stages[s].ms, 0);
      const cpu = (r: StagesResult) => STAGES.reduce((sum, s) => sum + r.stages[s].cpuMs, 0);
      console.log(
        `  ${(before.bytes / MB).toFixed(1)} → ${(after.bytes / MB).toFixed(1)} MB (input ${growth(before.bytes, after.bytes)}, linear would be the same): ` +
          STAGES.map((s) => `${s} ${growth(before.stages[s].ms, after.stages[s].ms)}`).join(", ") +
          `, total ${growth(total(before), total(after))}, cpu ${growth(cpu(before), cpu(after))}, peak RSS ${growth(before.stages.write.peakRssMiB, after.stages.write.peakRssMiB)}`,
      );
    }
    const biggest = results.at(-1)!;
    const biggestTotal = STAGES.reduce((sum, s) => sum + biggest.stages[s].ms, 0);
    console.log(
      `  ${(biggest.bytes / MB).toFixed(1)} MB: ${(biggestTotal / 1000).toFixed(0)} s (target: a few minutes; was 18 min), ` +
        `peak RSS ${biggest.stages.write.peakRssMiB.toFixed(0)} MiB (target: well under 2048; was 2.1 GB)`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
