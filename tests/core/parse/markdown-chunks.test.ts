/**
 * Markdown read in chunks reads as the whole document does: the same entries, with the same
 * lines, sections and errors, whether micromark is given the whole text or a chunk at every
 * place one may start (between top-level blocks, between the items of a top-level list).
 *
 * Fuzzed documents are made of lines that mean something at a cut: list items of every kind,
 * lazy continuations, fenced code and HTML blocks that swallow what follows them, tables,
 * reference definitions, headings. To replay or extend:
 *   FUZZ_SEED=123456 FUZZ_RUNS=2000 npx vitest run --project unit tests/core/parse/markdown-chunks.test.ts
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/core/parse/markdown";
import { InputError, type ParsedDocument } from "../../../src/core/types";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 2026_11_30);

/** The whole document in one parse. */
const WHOLE = { chunkSize: Infinity };
/** A chunk at every cut the scan finds (each still checked against micromark's parse). */
const EVERY_CUT = { chunkSize: 1 };

/** A parse's result, or its InputError as plain data (message and line). */
function outcome(markdown: string, options: { chunkSize: number }): ParsedDocument | { error: string; line?: number } {
  try {
    return parseMarkdown(markdown, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.message, line: error.line };
  }
}

describe("Markdown in chunks reads as the whole document", () => {
  it.each(["awesome-scalability.md", "system-design-primer.md"])("on the real list %s", (name) => {
    const markdown = readFileSync(new URL(`../../../../shared/corpora/${name}`, import.meta.url), "utf8");
    const whole = parseMarkdown(markdown, WHOLE);
    expect(whole.entries.length).toBeGreaterThan(200);
    expect(parseMarkdown(markdown, EVERY_CUT)).toEqual(whole);
    expect(parseMarkdown(markdown)).toEqual(whole);
  }, 180_000);

  it.each([
    [
      "a fence inside an item, closed by the next item, then a fence line that opens code at the top level",
      "- [A](https://a.example/)\n  ```\n  code\n- [B](https://b.example/)\n```\n- [C](https://c.example/)\n- [D](https://d.example/)\n",
      ["A", "B"],
    ],
    ["items inside an HTML block", "- [A](https://a.example/)\n\n<div>\n- [B](https://b.example/)\n- [C](https://c.example/)\n</div>\n", ["A"]],
    ["items after an HTML comment that spans blank lines", "- [A](https://a.example/)\n<!--\n\n- [B](https://b.example/)\n-->\n- [C](https://c.example/)\n", ["A", "C"]],
    ["an ordered list numbered on", "1. [A](https://a.example/)\n2. [B](https://b.example/)\n3. [C](https://c.example/)\n", ["A", "B", "C"]],
    ["a number other than 1 after a paragraph: no item, a continuation", "Words [A](https://a.example/)\n2. [B](https://b.example/)\n", []],
    ["a number after a list of the other delimiter: a new list", "1. [A](https://a.example/)\n2) [B](https://b.example/)\n", ["A", "B"]],
    ["a `[label]:` line that continues an item, not a definition", "- [A][ref]\n[ref]: https://ref.example/\n- [B][ref]\n", []],
    ["a definition inside a list item, used by a later item", "- [A][ref]\n- [ref]: https://ref.example/\n- [B](https://b.example/)\n- [C][ref]\n", ["A", "B", "C"]],
    ["two definitions of one label: the first wins", "- [A][ref]\n\n[ref]: https://first.example/\n[ref]: https://second.example/\n", ["A"]],
    ["bullets after a block quote and a table", "> [Q](https://q.example/)\n- [A](https://a.example/)\n\n| x | y |\n|---|---|\n| [R](https://r.example/) | z |\n- [B](https://b.example/)\n", ["A", "R", "B"]],
  ])("%s", (_, markdown, titles) => {
    const whole = outcome(markdown, WHOLE);
    expect(outcome(markdown, EVERY_CUT)).toEqual(whole);
    if (titles.length > 0 && "entries" in whole) expect(whole.entries.map((entry) => entry.title)).toEqual(titles);
  });

  it("resolves a label defined twice to its first definition, as CommonMark does", () => {
    const markdown = "- [A][ref]\n\n[ref]: https://first.example/\n[ref]: https://second.example/\n\n- [B][ref]\n";
    for (const options of [WHOLE, EVERY_CUT]) {
      expect(parseMarkdown(markdown, options).entries.map((entry) => entry.url)).toEqual(["https://first.example/", "https://first.example/"]);
    }
  });

  it("on fuzzed documents, entries, lines and errors included", () => {
    const link = fc.constantFrom("[A](https://a.example/1)", "[B](https://b.example/2) - words", "[C][ref]", "Words [D](https://d.example/)");
    const line = fc.oneof(
      link.map((text) => `- ${text}`),
      link.map((text) => `* ${text}`),
      link.map((text) => `  - ${text}`),
      link.map((text) => `1. ${text}`),
      link.map((text) => `2. ${text}`),
      link.map((text) => `3) ${text}`),
      link.map((text) => `> ${text}`),
      link.map((text) => `| ${text} | cell |`),
      fc.constantFrom(
        "", "", "lazy words", "   indented words", "    indented code", "```", "  ```", "~~~", "<div>", "</div>", "<pre>", "</pre>",
        "<!-- a comment", "-->", "<span>", "# Heading", "## Section", "### Subsection", "| x | y |", "|---|---|", "- | - |",
        "[ref]: https://ref.example/", "---", "===", "-", "- ", "2.", "- - -", "> quote", "  - note",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const markdown = lines.join("\n");
        expect(outcome(markdown, EVERY_CUT)).toEqual(outcome(markdown, WHOLE));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 180_000);
});
