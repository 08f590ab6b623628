import { describe, expect, it } from "vitest";
import { OutlineBuilder } from "../../../src/core/parse/outline";

describe("OutlineBuilder", () => {
  it("keeps sections and their subsections in the order they are first named, each once", () => {
    const outline = new OutlineBuilder()
      .add("Storage", "Engines")
      .add("Kernels")
      .add("Storage", "Indexes")
      .add("Storage", "Engines")
      .add("Kernels", "");
    expect(outline.toSections()).toEqual([
      { name: "Storage", subsections: ["Engines", "Indexes"] },
      { name: "Kernels", subsections: [] },
    ]);
  });

  it("adds a whole outline, merging it into what is there", () => {
    const outline = new OutlineBuilder().add("Storage", "Engines");
    outline.addAll([
      { name: "Networking", subsections: ["QUIC"] },
      { name: "Storage", subsections: ["Engines", "WAL"] },
    ]);
    expect(outline.toSections()).toEqual([
      { name: "Storage", subsections: ["Engines", "WAL"] },
      { name: "Networking", subsections: ["QUIC"] },
    ]);
  });

  it("gathers many sections in linear time", () => {
    const outline = new OutlineBuilder();
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) outline.add(`Section ${i}`, `Sub ${i % 7}`);
    expect(outline.toSections()).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
