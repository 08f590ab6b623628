/**
 * The page reads the worker's messages by their shape: progress of a known stage with counts,
 * a built graph as text with its counts, or a one-line failure; anything else is refused.
 */
import { describe, expect, it } from "vitest";
import { isImportRequest, readWorkerMessage } from "../../../src/app/import/protocol";

describe("readWorkerMessage", () => {
  it("reads progress, a built graph and a failure", () => {
    expect(readWorkerMessage({ type: "progress", stage: "extract", done: 3, total: 9 })).toEqual({ type: "progress", stage: "extract", done: 3, total: 9 });
    expect(readWorkerMessage({ type: "done", graph: "{}", articles: 2, concepts: 5, milliseconds: 12.5 })).toEqual({
      type: "done",
      graph: "{}",
      articles: 2,
      concepts: 5,
      milliseconds: 12.5,
    });
    expect(readWorkerMessage({ type: "failed", message: "list.md: no entries found" })).toEqual({ type: "failed", message: "list.md: no entries found" });
  });

  it("keeps only the fields it knows", () => {
    expect(readWorkerMessage({ type: "failed", message: "x", extra: "<script>" })).toEqual({ type: "failed", message: "x" });
  });

  it.each([
    ["nothing", undefined],
    ["a string", "done"],
    ["a list", [{ type: "done" }]],
    ["an unknown type", { type: "finished" }],
    ["an unknown stage", { type: "progress", stage: "write", done: 0, total: 1 }],
    ["a fractional count", { type: "progress", stage: "extract", done: 0.5, total: 1 }],
    ["a negative count", { type: "progress", stage: "extract", done: -1, total: 1 }],
    ["a graph that is not text", { type: "done", graph: { nodes: [] }, articles: 0, concepts: 0, milliseconds: 1 }],
    ["a graph without counts", { type: "done", graph: "{}" }],
    ["a failure without words", { type: "failed" }],
  ])("refuses %s", (_what, data) => {
    expect(readWorkerMessage(data)).toBeUndefined();
  });
});

describe("isImportRequest", () => {
  it("is one or more named files' bytes", () => {
    const file = { name: "list.md", bytes: new ArrayBuffer(3) };
    expect(isImportRequest({ type: "build", files: [file] })).toBe(true);
    expect(isImportRequest({ type: "build", files: [file, { name: "b.html", bytes: new ArrayBuffer(1) }] })).toBe(true);
    expect(isImportRequest({ type: "build", files: [] })).toBe(false);
    expect(isImportRequest({ type: "build", files: [{ name: "list.md", bytes: "text" }] })).toBe(false);
    expect(isImportRequest({ type: "build", files: [{ bytes: new ArrayBuffer(3) }] })).toBe(false);
    expect(isImportRequest({ type: "build", ...file })).toBe(false);
    expect(isImportRequest({ type: "cancel" })).toBe(false);
  });
});
