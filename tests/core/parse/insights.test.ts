import { describe, expect, it } from "vitest";
import { joinContinuation, mergeInsightBlocks, splitGlue } from "../../../src/core/parse/insights";

describe("splitGlue", () => {
  it("finds a bullet glued with ' - ' or '- ' straight after a word", () => {
    expect(splitGlue("with every commit for recovery - Recovery: init → retrieve last")).toEqual([
      "with every commit for recovery",
      "Recovery: init → retrieve last",
    ]);
    expect(splitGlue("inline aggressively- Redundant null checks (")).toEqual(["inline aggressively", "Redundant null checks ("]);
    expect(splitGlue("before client ACK - 10-second target failover")).toEqual(["before client ACK", "10-second target failover"]);
    expect(splitGlue("the happy path - ok_or/ok_or_else: convert")).toEqual(["the happy path", "ok_or/ok_or_else: convert"]);
  });

  it("leaves subtractions, ranges and hyphenated prose alone", () => {
    for (const line of [
      "pg_current_wal_lsn() - restart_lsn; grows per segment",
      "tiers t0 - t5 and 5 - 6GB",
      "pre- and post-processing",
      "x - y",
      "self-healing, row-by-row",
    ]) {
      expect(splitGlue(line)).toEqual([line]);
    }
  });

  it("takes the last candidate: the opening code span comes first", () => {
    expect(splitGlue("SELECT a - B FROM t - Fix: drop the view")).toEqual(["SELECT a - B FROM t", "Fix: drop the view"]);
  });
});

describe("joinContinuation", () => {
  it("puts a space where the line broke, none inside brackets", () => {
    expect(joinContinuation("stores", "_BatchStartPointer(min offset")).toBe("stores _BatchStartPointer(min offset");
    expect(joinContinuation("Contribution 1 (", "lsn.flush.mode, PR #6881)")).toBe("Contribution 1 (lsn.flush.mode, PR #6881)");
    expect(joinContinuation("advisory locks /", "SET LOCAL")).toBe("advisory locks / SET LOCAL");
    expect(joinContinuation("ends", ", then more")).toBe("ends, then more");
  });
});

describe("mergeInsightBlocks", () => {
  it("keeps order and drops exact duplicates across blocks", () => {
    expect(mergeInsightBlocks([["a b", "c"], ["c", "d", "a b"]])).toEqual(["a b", "c", "d"]);
  });

  it("drops a cut-off repeat of an earlier bullet, but not a different bullet that shares a prefix", () => {
    expect(mergeInsightBlocks([["Trigger: dead tuples in orders table", "Fix", "Trigger: dead tuples in"]])).toEqual([
      "Trigger: dead tuples in orders table",
      "Fix",
    ]);
    expect(mergeInsightBlocks([["Fix 10: tune", "Fix 1"]])).toEqual(["Fix 10: tune", "Fix 1"]);
  });
});
