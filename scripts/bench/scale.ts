/**
 * The scale benchmark: synthetic reading lists of 1,000 and 10,000 articles (scripts/lib/synthetic.ts,
 * seeded, no network), each built in a fresh process as `npm run graph` builds it, with every
 * stage's time and the peak memory side by side, and the growth from the smaller to the larger
 * against the ×10 a linear build would show. Target: 10,000 articles in under 60 s.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSyntheticVocabulary, syntheticReadingList, type SyntheticOptions } from "../lib/synthetic";
import { STAGES, totalOf, type StagesResult } from "../lib/stages";

export const SCALE_SIZES = [1_000, 10_000] as const;
/** Seconds the largest list may take to build (the target). */
const TARGET_SECONDS = 60;

/**
 * Writes each list, has `buildInChild` build it (a fresh process: a fair heap and a peak memory
 * of its own) and prints the table.
 */
export async function benchScale(
  buildInChild: (file: string) => Promise<StagesResult>,
  sizes: readonly number[] = SCALE_SIZES,
  format: SyntheticOptions["format"] = "markdown",
): Promise<void> {
  const vocabulary = await loadSyntheticVocabulary();
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-scale-"));
  try {
    const results: StagesResult[] = [];
    for (const articles of sizes) {
      const file = join(folder, `synthetic-${articles}.${format === "markdown" ? "md" : "txt"}`);
      await writeFile(file, syntheticReadingList(vocabulary, { articles, format }));
      results.push(await buildInChild(file));
    }
    printScale(results, format);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function printScale(results: readonly StagesResult[], format: string): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(8);
  console.log(
    `scale: synthetic ${format} reading lists (seeded topics of lexicon names), each built in a fresh process; ` +
      `seconds per stage, wall-clock and CPU (CPU time is what a busy shared machine does not inflate), peak RSS in MiB`,
  );
  console.log(`  articles    nodes    edges      KB       ${STAGES.map((s) => s.padStart(8)).join("")}    total  peak RSS`);
  for (const r of results) {
    const size = `  ${String(r.articles).padStart(8)} ${String(r.nodes).padStart(8)} ${String(r.edges).padStart(8)} ${String(Math.round(r.bytes / 1000)).padStart(7)}`;
    console.log(`${size}  wall ${STAGES.map((s) => seconds(r.stages[s].ms)).join("")} ${seconds(totalOf(r.stages))} ${r.stages.write.peakRssMiB.toFixed(0).padStart(9)}`);
    console.log(`${" ".repeat(size.length)}   CPU ${STAGES.map((s) => seconds(r.stages[s].cpuMs)).join("")} ${seconds(totalOf(r.stages, "cpuMs"))}`);
  }
  const growth = (a: number, b: number) => `×${(b / a).toFixed(1)}`;
  for (let i = 1; i < results.length; i++) {
    const [small, large] = [results[i - 1]!, results[i]!];
    console.log(
      `  ${small.articles} → ${large.articles} articles (linear would be ${growth(small.articles, large.articles)}): ` +
        STAGES.map((s) => `${s} ${growth(small.stages[s].cpuMs, large.stages[s].cpuMs)}`).join(", ") +
        ` (CPU time), total ${growth(totalOf(small.stages, "cpuMs"), totalOf(large.stages, "cpuMs"))} CPU, ` +
        `${growth(totalOf(small.stages), totalOf(large.stages))} wall-clock, peak RSS ${growth(small.stages.write.peakRssMiB, large.stages.write.peakRssMiB)}`,
    );
  }
  const largest = results.at(-1)!;
  const slowest = [...STAGES].sort((a, b) => largest.stages[b].ms - largest.stages[a].ms)[0]!;
  console.log(
    `  ${largest.articles} articles: ${(totalOf(largest.stages) / 1000).toFixed(0)} s wall-clock, ${(totalOf(largest.stages, "cpuMs") / 1000).toFixed(0)} s CPU ` +
      `(target < ${TARGET_SECONDS} s; was 822 s), slowest stage ${slowest} ${(largest.stages[slowest].ms / 1000).toFixed(0)} s, ` +
      `peak RSS ${largest.stages.write.peakRssMiB.toFixed(0)} MiB`,
  );
}
