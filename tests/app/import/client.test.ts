/**
 * The page's side of an import, against a stand-in worker: the file's bytes are handed over
 * (transferred), progress is relayed, and the import settles exactly once — built, failed in one
 * line naming the file, or cancelled — after which the worker is gone and later messages are ignored.
 */
import { describe, expect, it } from "vitest";
import type { PipelineProgress } from "../../../src/core/pipeline/index";
import { startImport, type ImportWorker } from "../../../src/app/import/client";
import type { ImportRequest } from "../../../src/app/import/protocol";

class FakeWorker implements ImportWorker {
  readonly sent: { message: ImportRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  postMessage(message: ImportRequest, transfer: Transferable[]): void {
    this.sent.push({ message, transfer });
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker says something. */
  reply(data: unknown): void {
    for (const listener of this.listeners.get("message") ?? []) listener(new MessageEvent("message", { data }));
  }
  /** The worker's script fails (as a blocked or broken script does). */
  fail(message: string): void {
    const event = Object.assign(new Event("error", { cancelable: true }), { message });
    for (const listener of this.listeners.get("error") ?? []) listener(event);
  }
}

function begin() {
  const worker = new FakeWorker();
  const progress: PipelineProgress[] = [];
  const bytes = new TextEncoder().encode("- [A](https://a.example)\n").buffer as ArrayBuffer;
  const running = startImport([{ name: "list.md", bytes }], { onProgress: (p) => progress.push(p), createWorker: () => worker });
  return { worker, progress, bytes, running };
}

describe("startImport", () => {
  it("hands the worker the file's name and bytes, transferring them rather than copying", () => {
    const { worker, bytes } = begin();
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]!.message).toEqual({ type: "build", files: [{ name: "list.md", bytes }] });
    expect(worker.sent[0]!.transfer).toEqual([bytes]);
  });

  it("hands several files over in one request, and names them all when the worker fails", async () => {
    const worker = new FakeWorker();
    const [a, b] = [new ArrayBuffer(1), new ArrayBuffer(2)];
    const running = startImport([{ name: "a.md", bytes: a }, { name: "b.html", bytes: b }], { createWorker: () => worker });
    expect(worker.sent[0]!.message).toEqual({ type: "build", files: [{ name: "a.md", bytes: a }, { name: "b.html", bytes: b }] });
    expect(worker.sent[0]!.transfer).toEqual([a, b]);
    worker.fail("");
    expect(await running.outcome).toEqual({ kind: "failed", message: "a.md, b.html: the import could not run in this browser" });
  });

  it("relays progress, then settles with the built graph and stops the worker", async () => {
    const { worker, progress, running } = begin();
    worker.reply({ type: "progress", stage: "parse", done: 0, total: 1 });
    worker.reply({ type: "progress", stage: "extract", done: 2, total: 4 });
    worker.reply({ type: "done", graph: '{"nodes":[]}', articles: 4, concepts: 7, milliseconds: 80 });
    expect(await running.outcome).toEqual({ kind: "built", graph: '{"nodes":[]}', articles: 4, concepts: 7, milliseconds: 80 });
    expect(progress).toEqual([
      { stage: "parse", done: 0, total: 1 },
      { stage: "extract", done: 2, total: 4 },
    ]);
    expect(worker.terminated).toBe(true);
  });

  it("passes the worker's one-line error on as it is", async () => {
    const { worker, running } = begin();
    worker.reply({ type: "failed", message: "list.md: no entries found" });
    expect(await running.outcome).toEqual({ kind: "failed", message: "list.md: no entries found" });
    expect(worker.terminated).toBe(true);
  });

  it("names the file when the worker itself fails", async () => {
    const { worker, running } = begin();
    worker.fail("Uncaught ReferenceError: document is not defined");
    expect(await running.outcome).toEqual({ kind: "failed", message: "list.md: the import stopped (Uncaught ReferenceError: document is not defined)" });
  });

  it("names the file when the worker cannot even start", async () => {
    const running = startImport([{ name: "list.md", bytes: new ArrayBuffer(1) }], {
      createWorker: () => {
        throw new DOMException("Workers are not allowed", "SecurityError");
      },
    });
    expect(await running.outcome).toEqual({ kind: "failed", message: "list.md: the import could not start (Workers are not allowed)" });
  });

  it("refuses a message it cannot read instead of waiting forever", async () => {
    const { worker, running } = begin();
    worker.reply({ type: "done", graph: 42 });
    const outcome = await running.outcome;
    expect(outcome).toEqual({ kind: "failed", message: "list.md: the import worker sent a message the page cannot read" });
  });

  it("cancels: the worker is terminated at once and the outcome says so", async () => {
    const { worker, progress, running } = begin();
    worker.reply({ type: "progress", stage: "extract", done: 1, total: 4 });
    running.cancel();
    expect(worker.terminated).toBe(true);
    expect(await running.outcome).toEqual({ kind: "cancelled" });
    // A message already on its way is not acted on.
    worker.reply({ type: "progress", stage: "extract", done: 2, total: 4 });
    expect(progress).toHaveLength(1);
  });

  it("settles once: a cancel after the graph is built changes nothing", async () => {
    const { worker, running } = begin();
    worker.reply({ type: "done", graph: "{}", articles: 1, concepts: 0, milliseconds: 5 });
    running.cancel();
    worker.reply({ type: "failed", message: "late" });
    expect((await running.outcome).kind).toBe("built");
  });
});
