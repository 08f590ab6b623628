/**
 * How far a command-line build is, on stderr, so stdout keeps only the result ("wrote …").
 * A build that ends within two seconds shows nothing. A longer one shows, on a terminal, one
 * line redrawn in place: the stage, a bar of the whole build, the articles extracted and the
 * time left; when stderr is not a terminal (CI logs, a file), plain lines instead, one when a
 * stage starts and one each tenth of the build, so a log stays short and readable. The caller
 * chooses silence (`--quiet`) by not creating one.
 *
 * Time left is an estimate from the share of the work done and the time it took. Stages weigh
 * what they took in the bundled build (`npm run graph -- --stats`: extraction about three
 * quarters), and within extraction each article weighs the same. The pace is that of the last
 * few seconds, not of the whole build so far: the first articles pay for warming the extractor
 * up (two of the bundled build's five seconds go to its first 25 articles, then 4 ms an
 * article), and a pace averaged over them would promise three times the real wait. It is not
 * said before some work is measured, and it is never negative. The clock and the stream are
 * given, so tests drive both.
 */
import type { PipelineProgress, PipelineStage } from "../../src/core/pipeline/index";

/** Where progress goes: a writable stream, a terminal when `isTTY`, `columns` wide. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Milliseconds, from any origin (default: `performance.now`). */
  now?: () => number;
  /** Nothing shows before the build has run this long, in milliseconds (default 2000). */
  delay?: number;
}

export interface ProgressReporter {
  /** The pipeline's `onProgress`. */
  update(progress: PipelineProgress): void;
  /** The build is over (written or failed): a bar on a terminal is cleared. */
  finish(): void;
}

/**
 * Share of the bundled build each stage took (wall-clock, --stats: parse 0.05 s, extract
 * 2.39 s, graph 0.13 s, metrics 0.19 s, layout 0.32 s, write 0.07 s). Writing follows the
 * pipeline's stages and is not reported, so its share is what remains once layout ends.
 */
export const STAGE_WEIGHTS: Readonly<Record<PipelineStage | "write", number>> = {
  parse: 0.02,
  extract: 0.76,
  graph: 0.04,
  metrics: 0.06,
  layout: 0.1,
  write: 0.02,
};

const STAGE_ORDER: readonly PipelineStage[] = ["parse", "extract", "graph", "metrics", "layout"];

/** The pace is measured over about this long (ms), from points at least PACE_SAMPLE apart (at most 40 kept)… */
const PACE_WINDOW = 2000;
const PACE_SAMPLE = 50;
/** …and not guessed from less than this share of the build, or this long (ms). */
const MIN_MEASURED_SHARE = 0.01;
const MIN_MEASURED_TIME = 250;
/** A terminal's bar is redrawn at most this often (ms), and at every change of stage. */
const REDRAW_INTERVAL = 100;
/** Plain lines come at each stage's start and each time another tenth of the build is done. */
const LINE_STEP = 0.1;
const BAR_WIDTH = 24;

/** The share of the whole build done, 0–1, when `progress` is where it is. */
export function shareDone(progress: PipelineProgress): number {
  let share = 0;
  for (const stage of STAGE_ORDER) {
    if (stage === progress.stage) break;
    share += STAGE_WEIGHTS[stage];
  }
  const within = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 1;
  return share + STAGE_WEIGHTS[progress.stage] * within;
}

/**
 * Milliseconds left when `share` of the build is done, `measured` of it in `elapsed` ms (the
 * pace), or undefined while too little is measured to say. Never negative.
 */
export function timeLeft(share: number, measured: number, elapsed: number): number | undefined {
  if (!(measured >= MIN_MEASURED_SHARE) || !(elapsed >= MIN_MEASURED_TIME)) return undefined;
  return Math.max(0, (elapsed * (1 - Math.min(share, 1))) / measured);
}

/** "about 4 s left", "about 2 min left", "less than a second left". */
export function describeTimeLeft(ms: number | undefined): string {
  if (ms === undefined) return "estimating time left";
  if (ms < 1000) return "less than a second left";
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`;
}

/** What a stage's units are, when it has several. */
function units(progress: PipelineProgress): string {
  if (progress.total <= 1) return "";
  const noun = progress.stage === "extract" ? "articles" : progress.stage === "parse" ? "lists" : "steps";
  return `${progress.done}/${progress.total} ${noun}`;
}

export function createProgress({ stream, now = () => performance.now(), delay = 2000 }: ProgressOptions): ProgressReporter {
  const started = now();
  /** Recent (time, share) points, oldest first: the first is where the pace is measured from. */
  const pace: { at: number; share: number }[] = [{ at: started, share: 0 }];
  const terminal = stream.isTTY === true;
  let drawn = false;
  let lastDraw = -Infinity;
  let lastStage: PipelineStage | undefined;
  let lastStep = -1;

  const describe = (progress: PipelineProgress, share: number, at: number) => {
    const from = pace[0]!;
    const left = timeLeft(share, share - from.share, at - from.at);
    return [units(progress), `${Math.floor(share * 100)}%`, describeTimeLeft(left)].filter(Boolean);
  };

  return {
    update(progress) {
      const at = now();
      const share = shareDone(progress);
      if (at - pace.at(-1)!.at >= PACE_SAMPLE) pace.push({ at, share });
      // Keep one point at or before the window's start, so the pace spans the whole window.
      while (pace.length > 2 && pace[1]!.at <= at - PACE_WINDOW) pace.shift();
      if (at - started < delay) return;
      const stageChanged = progress.stage !== lastStage;
      lastStage = progress.stage;
      if (terminal) {
        if (!stageChanged && at - lastDraw < REDRAW_INTERVAL) return;
        lastDraw = at;
        const filled = Math.round(Math.min(1, share) * BAR_WIDTH);
        const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
        const line = `${progress.stage.padEnd(8)} ${bar} ${describe(progress, share, at).join("  ")}`;
        // A line longer than the terminal would wrap, and \r would then redraw only its end.
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`\r\x1b[2K${line.slice(0, width)}`);
        drawn = true;
        return;
      }
      const step = Math.floor(share / LINE_STEP);
      if (!stageChanged && step <= lastStep) return;
      lastStep = step;
      stream.write(`progress: ${progress.stage}, ${describe(progress, share, at).join(", ")}\n`);
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
