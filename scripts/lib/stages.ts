/**
 * The build's stages, timed: `npm run graph -- --stats` prints them for any input, and the
 * benchmarks (`big`, `scale`) print them side by side for inputs of growing size. The stages
 * are those of `buildGraphFromFiles` and `buildGraphFile` (scripts/lib/build.ts), which report
 * each one as it ends, so what is timed is exactly what `npm run graph` runs.
 */
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * - parse: reading and parsing every input, and merging them;
 * - extract: finding the concepts the articles name;
 * - graph: nodes, mention and broader edges, sizes;
 * - metrics: communities, related and co-occurrence edges, label importance (both inside
 *   `buildGraph`, which reports where one ends);
 * - layout: the three views' community-aware layouts and overlap removal;
 * - write: serialising the graph (and its GEXF) and writing the files.
 */
export const STAGES = ["parse", "extract", "graph", "metrics", "layout", "write"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageFigures {
  /** Wall-clock time of the stage alone. */
  ms: number;
  /** CPU time of the stage (user + system): steadier than wall-clock time on a shared machine. */
  cpuMs: number;
  /** The process's peak resident memory at the stage's end (maxRSS only grows: the last is the build's peak). */
  peakRssMiB: number;
}

export type StageTimes = Partial<Record<Stage, StageFigures>>;

/** Laps between stages: `lap(stage)` ends `stage` and starts the next. */
export class StageClock {
  readonly times: StageTimes = {};
  private wall = performance.now();
  private cpu = process.cpuUsage();

  lap(stage: Stage): void {
    const now = performance.now();
    const used = process.cpuUsage(this.cpu);
    this.times[stage] = { ms: now - this.wall, cpuMs: (used.user + used.system) / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
    this.wall = now;
    this.cpu = process.cpuUsage();
  }
}

export interface StagesResult {
  bytes: number;
  articles: number;
  nodes: number;
  edges: number;
  stages: Record<Stage, StageFigures>;
}

/**
 * One build of `input` as `npm run graph` runs it (written to a temporary file, then removed),
 * timed stage by stage. Run it in a fresh process so that the peak memory is this build's own;
 * the build's modules are imported before the clock starts (start-up is not the input's cost).
 */
export async function buildStages(input: string): Promise<StagesResult> {
  const { buildGraphFile } = await import("./build");
  const { stat } = await import("node:fs/promises");
  const out = join(tmpdir(), `insight-graph-stages-${process.pid}.json`);
  try {
    const summary = await buildGraphFile({ input, out });
    const missing = STAGES.filter((stage) => summary.stages[stage] === undefined);
    if (missing.length > 0) throw new Error(`the build reported no ${missing.join(", ")} stage`);
    return {
      bytes: (await stat(input)).size,
      articles: summary.articles,
      nodes: summary.articles + summary.entities,
      edges: Object.values(summary.counts.edges).reduce((sum, n) => sum + n, 0),
      stages: summary.stages as Record<Stage, StageFigures>,
    };
  } finally {
    await rm(out, { force: true });
  }
}

/** Sum of the stages' wall-clock (`ms`) or CPU (`cpuMs`) times. */
export function totalOf(stages: StageTimes, key: "ms" | "cpuMs" = "ms"): number {
  return STAGES.reduce((sum, stage) => sum + (stages[stage]?.[key] ?? 0), 0);
}

/** The stage figures as a table: wall-clock and CPU seconds, and peak memory, per stage and in all. */
export function stageTable(stages: StageTimes): string[] {
  const row = (label: string, read: (figures: StageFigures) => string, total: string) =>
    label.padEnd(16) + STAGES.map((stage) => (stages[stage] ? read(stages[stage]) : "—").padStart(9)).join("") + total.padStart(9);
  const peak = Math.max(0, ...STAGES.map((stage) => stages[stage]?.peakRssMiB ?? 0));
  return [
    "stage".padEnd(16) + STAGES.map((stage) => stage.padStart(9)).join("") + "total".padStart(9),
    row("wall-clock (s)", (f) => (f.ms / 1000).toFixed(2), (totalOf(stages) / 1000).toFixed(2)),
    row("CPU (s)", (f) => (f.cpuMs / 1000).toFixed(2), (totalOf(stages, "cpuMs") / 1000).toFixed(2)),
    row("peak RSS (MiB)", (f) => f.peakRssMiB.toFixed(0), peak.toFixed(0)),
  ];
}
