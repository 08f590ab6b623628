/**
 * The presenter's stopwatch: time since presenting started, pauses left out, reset to zero, read
 * back after a reload of the presenter view.
 */
import { describe, expect, it } from "vitest";
import { elapsed, formatElapsed, pause, readStopwatch, reset, resume, startStopwatch } from "../../../../src/app/tours/presenter/timer";

describe("the presenter's stopwatch", () => {
  it("counts from its start", () => {
    const watch = startStopwatch(1_000);
    expect(elapsed(watch, 1_000)).toBe(0);
    expect(elapsed(watch, 61_000)).toBe(60_000);
  });

  it("stands still while paused and leaves the pause out once resumed", () => {
    let watch = startStopwatch(0);
    watch = pause(watch, 10_000);
    expect(elapsed(watch, 50_000)).toBe(10_000);
    watch = resume(watch, 50_000);
    expect(elapsed(watch, 55_000)).toBe(15_000);
  });

  it("ignores a second pause or a resume while running", () => {
    const paused = pause(startStopwatch(0), 10_000);
    expect(pause(paused, 20_000)).toBe(paused);
    const running = startStopwatch(0);
    expect(resume(running, 5_000)).toBe(running);
  });

  it("resets to zero and keeps running or paused as it was", () => {
    expect(elapsed(reset(startStopwatch(0), 30_000), 31_000)).toBe(1_000);
    const paused = reset(pause(startStopwatch(0), 10_000), 30_000);
    expect(elapsed(paused, 90_000)).toBe(0);
    expect(paused.pausedAt).not.toBeNull();
  });

  it("never reads negative (a clock set back)", () => {
    expect(elapsed(startStopwatch(10_000), 5_000)).toBe(0);
  });
});

describe("elapsed time as the presenter reads it", () => {
  it("shows minutes and seconds, and hours once there are some", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(7_999)).toBe("0:07");
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe("12:05");
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 5_000)).toBe("1:02:05");
  });
});

describe("a stopwatch kept in session storage", () => {
  it("reads back as written", () => {
    const watch = pause(startStopwatch(1_000), 4_000);
    expect(readStopwatch(JSON.stringify(watch))).toEqual(watch);
  });

  it("is no stopwatch when missing or damaged", () => {
    for (const text of [null, "", "nope", "null", "[]", '{"startedAt":"1"}', '{"startedAt":5,"pausedAt":1}', '{"startedAt":1e999}']) {
      expect(readStopwatch(text), String(text)).toBeUndefined();
    }
  });
});
