import { describe, expect, it } from "vitest";
import { quoteSpan } from "../../../src/app/data/quote";

describe("quoteSpan", () => {
  it("quotes the sentence that holds the span and marks the span inside it", () => {
    const text = "First sentence here. Vacuum removes dead tuples from the heap. Third one.";
    const start = text.indexOf("dead tuples");
    const quote = quoteSpan(text, start, start + "dead tuples".length);
    expect(quote.text).toBe("Vacuum removes dead tuples from the heap.");
    expect(quote.text.slice(quote.markStart, quote.markEnd)).toBe("dead tuples");
  });

  it("keeps both sentences when a mention straddles a boundary", () => {
    const text = "Use the e.g. Postgres planner. Done.";
    const start = text.indexOf("e.g. Postgres");
    const quote = quoteSpan(text, start, start + "e.g. Postgres".length);
    expect(quote.text.slice(quote.markStart, quote.markEnd)).toBe("e.g. Postgres");
  });

  it("shortens a very long sentence around the mention, cutting between words", () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    words[60] = "TARGET";
    const text = words.join(" ") + ".";
    const start = text.indexOf("TARGET");
    const quote = quoteSpan(text, start, start + 6);
    expect(quote.text.length).toBeLessThanOrEqual(224);
    expect(quote.text.startsWith("…")).toBe(true);
    expect(quote.text.endsWith("…")).toBe(true);
    expect(quote.text.slice(quote.markStart, quote.markEnd)).toBe("TARGET");
    expect(quote.text).not.toMatch(/…\S*ord\d+\b.*\bwor…/);
    expect(quote.text.slice(1, -1).split(" ").every((w) => /^(word\d+|TARGET)$/.test(w))).toBe(true);
  });

  it("survives offsets outside the text", () => {
    const quote = quoteSpan("short", 10, 20);
    expect(quote.markStart).toBeLessThanOrEqual(quote.text.length);
    expect(quote.markEnd).toBeGreaterThanOrEqual(quote.markStart);
  });
});
