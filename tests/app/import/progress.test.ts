/**
 * An import's progress as the page says it: the stage in words, the articles counted while
 * concepts are found, one bar that only moves forward across the whole build, and a pace of a
 * few messages a second that never drops a stage's start or end.
 */
import { describe, expect, it } from "vitest";
import { PIPELINE_STAGES, type PipelineProgress } from "../../../src/core/pipeline/index";
import { describeProgress, paced } from "../../../src/app/import/progress";

/** The progress a build of `articles` articles reports, in the pipeline's order. */
function aBuild(articles: number): PipelineProgress[] {
  const steps: PipelineProgress[] = [];
  for (const stage of PIPELINE_STAGES) {
    const total = stage === "extract" ? articles : 1;
    for (let done = 0; done <= total; done++) steps.push({ stage, done, total });
  }
  return steps;
}

describe("describeProgress", () => {
  it("names each stage in words", () => {
    const words = PIPELINE_STAGES.map((stage) => describeProgress({ stage, done: 0, total: 1 }).stage);
    expect(words).toEqual(["Reading the list", "Finding concepts", "Linking articles and concepts", "Measuring the graph", "Laying out the map"]);
  });

  it("counts articles while finding concepts, and nothing in the other stages", () => {
    expect(describeProgress({ stage: "extract", done: 1200, total: 4305 }).count).toBe("1,200 of 4,305 articles");
    expect(describeProgress({ stage: "extract", done: 0, total: 1 }).count).toBe("0 of 1 article");
    expect(describeProgress({ stage: "layout", done: 0, total: 1 }).count).toBe("");
  });

  it("moves one bar forward across the whole build, from 0 to 1", () => {
    const fractions = aBuild(40).map((progress) => describeProgress(progress).fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBeCloseTo(1, 10);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    // Finding concepts is most of a build: half its articles done is well into the bar.
    const halfway = describeProgress({ stage: "extract", done: 20, total: 40 }).fraction;
    expect(halfway).toBeGreaterThan(0.3);
    expect(halfway).toBeLessThan(0.7);
  });

  it("keeps the bar within 0 and 1 whatever the counts say", () => {
    expect(describeProgress({ stage: "extract", done: 5, total: 0 }).fraction).toBeGreaterThanOrEqual(0);
    expect(describeProgress({ stage: "layout", done: 3, total: 1 }).fraction).toBeLessThanOrEqual(1);
  });
});

describe("paced", () => {
  it("passes a few reports a second during a long stage, and every stage's start and end", () => {
    let clock = 0;
    const passed: PipelineProgress[] = [];
    const report = paced((progress) => passed.push(progress), 200, () => clock);
    // 1,000 articles, one every 2 ms: a 2-second extraction.
    for (const progress of aBuild(1000)) {
      report(progress);
      if (progress.stage === "extract") clock += 2;
    }
    const extracting = passed.filter((progress) => progress.stage === "extract");
    expect(extracting.length).toBeGreaterThanOrEqual(10);
    expect(extracting.length).toBeLessThanOrEqual(13);
    for (const stage of PIPELINE_STAGES) {
      const total = stage === "extract" ? 1000 : 1;
      expect(passed).toContainEqual({ stage, done: 0, total });
      expect(passed).toContainEqual({ stage, done: total, total });
    }
    // In order: pacing drops reports, it never reorders them.
    const order = passed.map((progress) => PIPELINE_STAGES.indexOf(progress.stage) * 1e6 + progress.done);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("passes everything when reports are further apart than the interval", () => {
    let clock = 0;
    const passed: PipelineProgress[] = [];
    const report = paced((progress) => passed.push(progress), 200, () => clock);
    for (let done = 0; done <= 5; done++) {
      report({ stage: "extract", done, total: 5 });
      clock += 250;
    }
    expect(passed.map((progress) => progress.done)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
