/**
 * Fuzzing the whole pure pipeline (parse → extract → graph → layout) with fast-check: whatever
 * the document, a run ends in a graph or in an `InputError`, never in another exception, and in
 * time linear in the document's length (bounds in ./pipeline.ts).
 *
 * Inputs: windows of real documents (the bundled `data/bookmarks.txt`, the start of a real
 * Markdown list, the bookmark-export fixtures) whose lines are cut, duplicated, shuffled and
 * mutated, and arbitrary strings rich in what parsers trip on (brackets, separators, control
 * characters, NUL, CR, BOM, right-to-left and zero-width marks, emoji, entities, tags).
 *
 * CI runs a fixed seed and a modest number of runs. For more:
 *   FUZZ_RUNS=500 npx vitest run --project unit tests/core/parse/fuzz.test.ts
 * and to replay a reported failure, its seed (fast-check prints it, with the path to shrink from):
 *   FUZZ_SEED=123456 FUZZ_RUNS=500 npx vitest run --project unit tests/core/parse/fuzz.test.ts
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { InputFormat } from "../../../src/core/types";
import { expectLinearTime, pipeline, type Pipeline } from "./pipeline";

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_8);
const settings = { numRuns: RUNS, seed: SEED };

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

const BOOKMARKS = linesOf(read("../../../data/bookmarks.txt"));
const MARKDOWN = linesOf(read("../../../../shared/corpora/awesome-scalability.md")).slice(0, 200);
const HTML = [...linesOf(read("../../fixtures/parse/chrome-bookmarks.html")), ...linesOf(read("../../fixtures/parse/firefox-bookmarks.html"))];

/** Pieces that mean something to one of the parsers, or that text handling gets wrong. */
const TRICKY = [
  "(", ")", "((((", "))))", "[", "]", "[[", "]]", "](", "<", ">", "{", "}", "`", "*", "_", "#", "|", "\\", "!",
  "-", "- ", " - ", " -- ", "--", " — ", "—", ":", "Key insights:", "Key insights (2nd pass):", "(Netflix)", "'s ",
  "\u0000", "\u0001", "\t", "\r", "\n", "\r\n", "\v", "\f", "\u0085", "\u2028", "\ufeff", "\u200b", "\u200d", "\u202e", "\u2066",
  "😀", "👩‍💻", "é", "ß", "İ", "ﬁ", "\ud800", "\udc00", "مرحبا", "שלום", "漢字",
  "&", "&amp;", "&#x09;", "&#0;", "&#x10FFFF;", "&lt;", "&nbsp", "javascript:", "java&#x09;script:", "data:text/html,", "https://", "http://a.example/",
  "<DT>", "<DL><p>", "</DL>", "<H3>", "</H3>", '<A HREF="', '">', "</A>", "<DD>", "<!--", "-->", "<![CDATA[", "<script>", "<title>",
  "[t](https://b.example/x)", "<https://c.example>", "    ", "* ", "1. ", "> ", "```", "| a | b |", "|---|---|",
];

/** Strings made of tricky pieces and any other characters, unicode and binary alike. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.constantFrom("a", "B", "1", " ", "word", "Title Case") },
  ),
  maxLength: 120,
});

type Edit =
  | { kind: "cut"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number; to: number }
  | { kind: "swap"; at: number; to: number }
  | { kind: "replace"; at: number; text: string }
  | { kind: "splice"; at: number; offset: number; cut: number; text: string }
  | { kind: "insert"; at: number; text: string };

const position = fc.nat({ max: 1_000_000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: position, count: fc.integer({ min: 1, max: 8 }), to: position }),
  fc.record({ kind: fc.constant("swap" as const), at: position, to: position }),
  fc.record({ kind: fc.constant("replace" as const), at: position, text: anyText }),
  fc.record({ kind: fc.constant("splice" as const), at: position, offset: position, cut: fc.nat({ max: 10 }), text: anyText }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: anyText }),
);

/** Applies `edits` to `lines`, positions taken modulo the current length. */
function applyEdits(source: readonly string[], edits: readonly Edit[]): string[] {
  const lines = [...source];
  for (const e of edits) {
    const at = lines.length === 0 ? 0 : e.at % lines.length;
    switch (e.kind) {
      case "cut":
        lines.splice(at, e.count);
        break;
      case "duplicate":
        lines.splice(lines.length === 0 ? 0 : e.to % lines.length, 0, ...lines.slice(at, at + e.count));
        break;
      case "swap": {
        if (lines.length === 0) break;
        const to = e.to % lines.length;
        [lines[at], lines[to]] = [lines[to]!, lines[at]!];
        break;
      }
      case "replace":
        lines[at] = e.text;
        break;
      case "splice": {
        const line = lines[at] ?? "";
        const offset = line.length === 0 ? 0 : e.offset % (line.length + 1);
        lines[at] = line.slice(0, offset) + e.text + line.slice(offset + e.cut);
        break;
      }
      case "insert":
        lines.splice(at, 0, e.text);
        break;
    }
  }
  return lines;
}

/**
 * A window of `lines` (at most `size` lines, so that extraction stays quick), edited, joined
 * with one line ending chosen per document.
 */
function editedWindow(lines: readonly string[], size: number): fc.Arbitrary<string> {
  return fc
    .record({
      start: fc.nat({ max: lines.length - 1 }),
      length: fc.integer({ min: 1, max: size }),
      edits: fc.array(edit, { maxLength: 12 }),
      shuffle: fc.boolean(),
      ending: fc.constantFrom("\n", "\r\n", "\r"),
      bom: fc.boolean(),
    })
    .chain(({ start, length, edits, shuffle, ending, bom }) => {
      const window = applyEdits(lines.slice(start, start + length), edits);
      const ordered = shuffle ? fc.shuffledSubarray(window, { minLength: window.length, maxLength: window.length }) : fc.constant(window);
      return ordered.map((l) => (bom ? "\ufeff" : "") + l.join(ending));
    });
}

let run: Pipeline;
beforeAll(async () => {
  run = await pipeline();
}, 120_000);

/** The property every input must have. */
function endsWell(text: string, format: InputFormat): void {
  const outcome = run(text, format);
  if (outcome.graph) {
    expect(outcome.graph.order).toBeGreaterThan(0);
    outcome.graph.forEachNode((_node, attributes) => expect(typeof attributes.label).toBe("string"));
  } else {
    expect(outcome.error.message).not.toMatch(/\n/);
  }
  expectLinearTime(outcome, text.length, format);
}

describe("fuzzing the pipeline: every input ends in a graph or an InputError, in linear time", () => {
  it("the bundled document, cut, duplicated, shuffled and mutated", () => {
    fc.assert(fc.property(editedWindow(BOOKMARKS, 40), (text) => endsWell(text, "text")), settings);
  });

  it("a real Markdown list, cut, duplicated, shuffled and mutated", () => {
    fc.assert(fc.property(editedWindow(MARKDOWN, 40), (text) => endsWell(text, "markdown")), settings);
  });

  it("browser bookmark exports, cut, duplicated, shuffled and mutated", () => {
    fc.assert(fc.property(editedWindow(HTML, HTML.length), (text) => endsWell(text, "html")), settings);
  });

  it.each(["text", "markdown", "html"] as const)("arbitrary strings read as %s", (format) => {
    const lines = fc.array(anyText, { maxLength: 30 }).map((l) => l.join("\n"));
    fc.assert(fc.property(fc.oneof(anyText, lines), (text) => endsWell(text, format)), settings);
  });
});
