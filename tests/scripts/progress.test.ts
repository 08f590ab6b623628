/**
 * The command line's progress display (scripts/lib/progress.ts), driven by a clock and a stream
 * the test holds: nothing for a build shorter than two seconds; then a bar redrawn in place on a
 * terminal, cleared at the end; plain lines, few and whole, elsewhere; a time left that is sane.
 * And `npm run graph` itself: progress on stderr without --quiet, nothing with it, stdout as ever.
 */
import { join } from "node:path";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import type { PipelineProgress } from "../../src/core/pipeline/index";
import { buildGraphFile } from "../../scripts/lib/build";
import { createProgress, describeTimeLeft, shareDone, STAGE_WEIGHTS, timeLeft } from "../../scripts/lib/progress";
import { graphCli, ROOT } from "./graph-cli";

/** A stream that keeps what is written, a terminal or not. */
function stream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (text: string) => void writes.push(text) };
}

/** A clock the test moves. */
function clock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A build of `articles` articles as the pipeline reports it, `msPerArticle` each, with the clock moving. */
function simulateBuild(update: (progress: PipelineProgress) => void, time: ReturnType<typeof clock>, articles: number, msPerArticle: number) {
  update({ stage: "parse", done: 0, total: 1 });
  time.advance(50);
  update({ stage: "parse", done: 1, total: 1 });
  time.advance(300);
  for (let done = 0; done <= articles; done++) {
    update({ stage: "extract", done, total: articles });
    time.advance(msPerArticle);
  }
  for (const stage of ["graph", "metrics", "layout"] as const) {
    update({ stage, done: 0, total: 1 });
    time.advance(200);
    update({ stage, done: 1, total: 1 });
  }
}

describe("progress display", () => {
  it("shows nothing while the build is under two seconds", () => {
    for (const isTTY of [true, false]) {
      const out = stream(isTTY);
      const time = clock();
      const progress = createProgress({ stream: out, now: time.now });
      simulateBuild(progress.update, time, 100, 10);
      progress.finish();
      expect(out.writes).toEqual([]);
    }
  });

  it("on a terminal, redraws one line in place: stage, bar, articles done, share and time left; clears it at the end", () => {
    const out = stream(true, 100);
    const time = clock();
    const progress = createProgress({ stream: out, now: time.now });
    simulateBuild(progress.update, time, 1000, 5);
    const lines = out.writes.filter((text) => text !== "\r\x1b[2K");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line.startsWith("\r\x1b[2K")).toBe(true);
      expect(line).not.toContain("\n");
      expect(line.length - "\r\x1b[2K".length).toBeLessThanOrEqual(99);
    }
    const during = lines.find((line) => line.includes("extract") && line.includes("/1000 articles"))!;
    expect(during).toMatch(/extract +[█░]{24} \d+\/1000 articles +\d+% +(about \d+ s left|less than a second left)/);
    // Redrawn at most every 100 ms: 5 s of extraction is some 50 frames, not 1,000.
    expect(lines.filter((line) => line.includes("extract")).length).toBeLessThan(70);
    progress.finish();
    expect(out.writes.at(-1)).toBe("\r\x1b[2K");
  });

  it("cuts the line to the terminal's width, so it never wraps", () => {
    const out = stream(true, 40);
    const time = clock();
    const progress = createProgress({ stream: out, now: time.now });
    time.advance(2500);
    progress.update({ stage: "extract", done: 10, total: 100 });
    expect(out.writes[0]!.length - "\r\x1b[2K".length).toBe(39);
  });

  it("elsewhere (CI, a file), writes plain lines: one as each stage starts and one a tenth of the build", () => {
    const out = stream(false);
    const time = clock();
    const progress = createProgress({ stream: out, now: time.now });
    simulateBuild(progress.update, time, 1000, 5);
    progress.finish();
    const lines = out.writes.join("").split("\n").filter(Boolean);
    expect(out.writes.every((text) => text.endsWith("\n") && !text.includes("\x1b"))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines[0]).toMatch(/^progress: extract, \d+\/1000 articles, \d+%, (about \d+ s left|less than a second left)$/);
    expect(lines.map((line) => /^progress: (\w+)/.exec(line)![1])).toEqual(expect.arrayContaining(["extract", "graph", "metrics", "layout"]));
  });

  it("estimates the time left from the recent pace, never negative, and says nothing before there is a pace", () => {
    // 2,000 articles at 5 ms: extraction is 10 s. At the halfway point the rest of it is 5 s,
    // and what follows weighs (1 − 0.78) of the build.
    const out = stream(false);
    const time = clock();
    const progress = createProgress({ stream: out, now: time.now });
    progress.update({ stage: "parse", done: 1, total: 1 });
    for (let done = 0; done <= 1000; done++) {
      progress.update({ stage: "extract", done, total: 2000 });
      time.advance(5);
    }
    const last = out.writes.at(-1)!;
    const seconds = Number(/about (\d+) s left/.exec(last)![1]);
    const extractShare = STAGE_WEIGHTS.extract;
    const expected = (5 * (1 - (0.02 + extractShare / 2))) / (extractShare / 2);
    expect(Math.abs(seconds - expected)).toBeLessThanOrEqual(1);

    expect(timeLeft(0.5, 0, 1000)).toBeUndefined();
    expect(timeLeft(0.5, 0.2, 100)).toBeUndefined();
    expect(timeLeft(1.2, 0.5, 1000)).toBe(0);
    expect(describeTimeLeft(undefined)).toBe("estimating time left");
    expect(describeTimeLeft(400)).toBe("less than a second left");
    expect(describeTimeLeft(4_400)).toBe("about 4 s left");
    expect(describeTimeLeft(150_000)).toBe("about 3 min left");
  });

  it("weighs the stages so that the share done only grows, from 0 to the share before writing", () => {
    const stages: PipelineProgress[] = [
      { stage: "parse", done: 0, total: 1 },
      { stage: "parse", done: 1, total: 1 },
      { stage: "extract", done: 0, total: 10 },
      { stage: "extract", done: 5, total: 10 },
      { stage: "extract", done: 10, total: 10 },
      { stage: "graph", done: 1, total: 1 },
      { stage: "metrics", done: 1, total: 1 },
      { stage: "layout", done: 1, total: 1 },
    ];
    const shares = stages.map(shareDone);
    expect(shares[0]).toBe(0);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBeCloseTo(1 - STAGE_WEIGHTS.write);
  });
});

describe("buildGraphFile's progress", () => {
  it("passes the pipeline's progress through: every stage in order, extraction article by article", async () => {
    const folder = await mkdtemp(join(tmpdir(), "insight-graph-progress-"));
    try {
      const input = join(folder, "list.md");
      await writeFile(input, "- [Raft](https://raft.github.io/) - consensus\n- [Kafka at Netflix](https://example.org/k) - Apache Kafka\n");
      const seen: PipelineProgress[] = [];
      await buildGraphFile({ input, out: join(folder, "graph.json"), onProgress: (progress) => seen.push(progress) });
      const stages = seen.map((progress) => progress.stage).filter((stage, i, all) => stage !== all[i - 1]);
      expect(stages).toEqual(["parse", "extract", "graph", "metrics", "layout"]);
      const extracting = seen.filter((progress) => progress.stage === "extract").map((progress) => progress.done);
      expect(extracting).toEqual([0, 1, 2]);
      expect(seen.at(-1)).toEqual({ stage: "layout", done: 1, total: 1 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("npm run graph's progress", () => {
  // Two real reading lists together: a build of several seconds, long enough to show progress.
  const inputs = ["../shared/corpora/awesome-scalability.md", "../shared/corpora/system-design-primer.md"].flatMap((file) => ["--input", join(ROOT, file)]);

  it("goes to stderr as plain lines when stderr is not a terminal, and is silent with --quiet; stdout is the same line", async () => {
    const folder = await mkdtemp(join(tmpdir(), "insight-graph-progress-"));
    try {
      const [loud, quiet] = await Promise.all([
        graphCli(...inputs, "--out", join(folder, "loud.json")),
        graphCli(...inputs, "--out", join(folder, "quiet.json"), "--quiet"),
      ]);
      expect(loud.code, loud.stderr).toBe(0);
      expect(quiet.code, quiet.stderr).toBe(0);
      const seconds = Number(/ in (\d+\.\d) s$/m.exec(loud.stdout)![1]);
      expect(seconds, "the build runs long enough to show progress").toBeGreaterThan(2.5);
      expect(loud.stderr).toMatch(/^progress: \w+, /m);
      expect(loud.stderr.split("\n").filter(Boolean).every((line) => line.startsWith("progress: "))).toBe(true);
      expect(quiet.stderr).toBe("");
      expect(loud.stdout.replace(/ in \d+\.\d s/, "").replace("loud.json", "X")).toBe(quiet.stdout.replace(/ in \d+\.\d s/, "").replace("quiet.json", "X"));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
