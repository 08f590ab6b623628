/**
 * Markdown within bounds: crafted inputs end in entries or in one `InputError` naming the line,
 * in time proportional to their size (bounds are generous: the machines are shared and slow).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import { MAX_BRACKETS, MAX_NESTING } from "../../../src/core/parse/markdown/bounds";
import { InputError } from "../../../src/core/types";

/** CPU milliseconds allowed for `chars` characters: 5 s, plus 20 µs a character beyond 12 KB. */
const budget = (chars: number) => 5_000 + Math.max(0, chars - 12_000) / 50;

/**
 * Runs the parser; returns its result or its InputError, and checks its time against the budget.
 * CPU time, not wall-clock time: on a shared machine other processes stretch the wall clock
 * several times over (load 15 on 2 cores did), while the work a quadratic parse does still shows.
 */
function timed(markdown: string): ReturnType<typeof parseDocument> | InputError {
  const start = process.cpuUsage();
  let outcome: ReturnType<typeof parseDocument> | InputError;
  try {
    outcome = parseDocument(markdown, "markdown");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    outcome = error;
  }
  const used = process.cpuUsage(start);
  expect((used.user + used.system) / 1000).toBeLessThan(budget(markdown.length));
  return outcome;
}

const link = (i: number) => `[Article ${i}](https://example.com/${i})`;

describe("Markdown: nesting is bounded", () => {
  it(`reads ${MAX_NESTING} levels of nested bullets`, () => {
    const lines = Array.from({ length: MAX_NESTING }, (_, i) => `${"  ".repeat(i)}- ${link(i)}`);
    const doc = timed(lines.join("\n"));
    expect(doc).not.toBeInstanceOf(InputError);
  });

  it.each([
    ["bullets nested by indentation (12 KB)", Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i)}- ${link(i)}`).join("\n"), MAX_NESTING + 1],
    ["bullets nested on one line", `${"- ".repeat(6_000)}${link(0)}`, 1],
    ["block quotes nested on one line", `${"> ".repeat(6_000)}- ${link(0)}`, 1],
    ["quotes and bullets interleaved", `${"> - ".repeat(3_000)}${link(0)}`, 1],
    ["ordered items nested by indentation", Array.from({ length: 100 }, (_, i) => `${"   ".repeat(i)}1. ${link(i)}`).join("\n"), MAX_NESTING + 1],
  ])("refuses %s, naming the line", (_, markdown, line) => {
    const outcome = timed(markdown);
    expect(outcome).toBeInstanceOf(InputError);
    expect(outcome).toMatchObject({ line, message: expect.stringContaining(`${MAX_NESTING} levels`) });
  });

  it("does not count a thematic break or list markers inside fenced code as nesting", () => {
    const markdown = `- ${link(1)}\n\n${"- ".repeat(40)}-\n\n\`\`\`\n${Array.from({ length: 60 }, (_, i) => `${" ".repeat(2 * i)}- yaml`).join("\n")}\n\`\`\`\n`;
    expect(timed(markdown)).toMatchObject({ entries: [{ title: "Article 1" }] });
  });
});

describe("Markdown: long runs of brackets, parentheses, emphasis and code marks", () => {
  it.each([
    ["]", 20_000],
    ["[a]", 20_000],
    ["[a](", 20_000],
    ["[[a](u)", 20_000],
  ])("refuses a paragraph of %j × %i, naming its first line", (unit, times) => {
    const outcome = timed(`- ${link(1)}\n\nSome text ${unit.repeat(times)}\n`);
    expect(outcome).toBeInstanceOf(InputError);
    expect(outcome).toMatchObject({ line: 3, message: expect.stringContaining(`${MAX_BRACKETS} closing brackets`) });
  });

  it.each([["["], ["("], ["*"], ["*a "], ["_a "], ["`"], ["`a"], ["<"], ["!["], ["~a "]])("reads a paragraph of %j × 20,000 in linear time", (unit) => {
    const outcome = timed(`- ${link(1)}\n\n${unit.repeat(20_000)}\n`);
    expect(outcome).toMatchObject({ entries: [{ title: "Article 1" }] });
  });

  it("counts brackets per paragraph: a long list of links is not one paragraph", () => {
    const items = Array.from({ length: 2 * MAX_BRACKETS }, (_, i) => `- ${link(i)}`);
    expect(timed(items.join("\n"))).toMatchObject({ entries: { length: 2 * MAX_BRACKETS } });
    const rows = Array.from({ length: 2 * MAX_BRACKETS }, (_, i) => `| ${i} | ${link(i)} |`);
    expect(timed(`| n | link |\n|---|---|\n${rows.join("\n")}`)).toMatchObject({ entries: { length: 2 * MAX_BRACKETS } });
    const definitions = Array.from({ length: 2 * MAX_BRACKETS }, (_, i) => `[a${i}]: https://example.com/${i}`);
    expect(timed(`- [Article][a0]\n\n${definitions.join("\n")}`)).toMatchObject({ entries: [{ url: "https://example.com/0" }] });
  });
});

describe("Markdown: big documents", () => {
  // Read whole, micromark takes 43 s of CPU on this document (quadratic in nested lists); in chunks, seconds.
  it("reads a 4,000-item list with nested notes in linear time, line numbers right across chunks", () => {
    const markdown = Array.from({ length: 4_000 }, (_, i) => `## Section ${i}\n\n- ${link(i)} - about ${i}\n  - note ${i}\n`).join("\n");
    const doc = timed(markdown);
    if (doc instanceof InputError) throw doc;
    expect(doc.entries).toHaveLength(4_000);
    const last = doc.entries[3_999]!;
    expect(last).toMatchObject({ title: "Article 3999", section: "Section 3999", insights: ["note 3999"] });
    expect(markdown.split("\n")[last.line - 1]).toBe(`- ${link(3_999)} - about 3999`);
  });

  // One tight list, no blank line anywhere: read whole, micromark is quadratic in it (2,000 such
  // items 7 s, 4,000 31 s of CPU); cut between its items, 3 s.
  it("reads one tight 4,000-item list with nested notes in linear time, cut between its items", () => {
    const markdown = `# List\n\n${Array.from({ length: 4_000 }, (_, i) => `- ${link(i)} - about ${i}\n  - note ${i}`).join("\n")}\n`;
    const doc = timed(markdown);
    if (doc instanceof InputError) throw doc;
    expect(doc.entries).toHaveLength(4_000);
    expect(doc.entries[3_999]).toMatchObject({ title: "Article 3999", insights: ["note 3999"], line: 3 + 2 * 3_999 });
  });

  it("resolves reference links whose definitions sit in another chunk", () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `- [Article ${i}][a${i % 100}] - about ${i}\n  - note`);
    const definitions = Array.from({ length: 100 }, (_, i) => `[a${i}]: https://example.com/${i}`);
    const doc = timed(`${items.join("\n\n")}\n\n${definitions.join("\n")}\n`);
    if (doc instanceof InputError) throw doc;
    expect(doc.entries).toHaveLength(2_000);
    expect(doc.entries[0]).toMatchObject({ url: "https://example.com/0", line: 1 });
    expect(doc.entries[1_999]).toMatchObject({ url: "https://example.com/99", line: 2 * 3 * 1_999 / 2 + 1 });
  });
});
