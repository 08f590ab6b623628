/**
 * Acceptance on reading lists written elsewhere: at least 99% of the list items and table rows
 * that hold a link to a web page become entries carrying that link. The items are counted here
 * without the parser, line by line, so a reader that drops items cannot also hide them.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";

const SHARED = ["awesome-scalability.md", "system-design-primer.md"].map((name) =>
  fileURLToPath(new URL(`../../../../shared/corpora/${name}`, import.meta.url)),
);
/** More lists to check the same way: `EXTRA_CORPORA=/path/a.md:/path/b.md npm run test:unit -- tests/core/parse/corpora.test.ts`. */
const CORPORA = [...SHARED, ...(process.env.EXTRA_CORPORA ?? "").split(":").filter(Boolean)];

interface LinkedItem {
  line: number;
  urls: string[];
}

const MARKER = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const TABLE_ROW = /^\s*\|/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^\s*(?:>\s*)*(```|~~~)/;
const HEADING = /^\s*#{1,6}\s/;
/** Images first (their target is not a link), then every `](http…)` target, one level of parentheses allowed. */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const WEB_TARGET = /\]\((https?:\/\/[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)/g;

/**
 * List items (from their marker line to the next marker, heading, table row or blank line) and
 * table rows (delimiter rows and header rows left out) that hold a link to an http(s) URL.
 */
function linkedItems(markdown: string): LinkedItem[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const items: { line: number; text: string }[] = [];
  let current: { line: number; text: string } | undefined;
  let inFence = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence || FENCE.test(line) || line.trim() === "" || HEADING.test(line)) {
      current = undefined;
      return;
    }
    if (TABLE_ROW.test(line)) {
      current = undefined;
      const isHeader = DELIMITER_ROW.test(lines[index + 1] ?? "");
      if (!DELIMITER_ROW.test(line) && !isHeader) items.push({ line: index + 1, text: line });
    } else if (MARKER.test(line)) {
      current = { line: index + 1, text: line };
      items.push(current);
    } else if (current) {
      current.text += `\n${line}`;
    }
  });
  return items
    .map(({ line, text }) => ({ line, urls: [...text.replace(IMAGE, "").matchAll(WEB_TARGET)].map((m) => m[1]!) }))
    .filter((item) => item.urls.length > 0);
}

describe.each(CORPORA)("Markdown corpus %s", (path) => {
  const name = basename(path);
  const present = existsSync(path);

  it.skipIf(!present)("turns at least 99% of its linked list items and table rows into entries carrying their links", () => {
    const markdown = readFileSync(path, "utf8");
    const items = linkedItems(markdown);
    const doc = parseDocument(markdown, "markdown");
    const byLine = new Map(doc.entries.map((entry) => [entry.line, entry]));
    const missed = items.filter(({ line, urls }) => {
      const entry = byLine.get(line);
      const carried = new Set([entry?.url, ...(entry?.links ?? []).map((link) => link.url)]);
      return !urls.every((url) => carried.has(url));
    });
    const kept = items.length - missed.length;
    console.info(`${name}: ${kept} of ${items.length} linked items and rows became entries with their links (${((100 * kept) / items.length).toFixed(1)}%)`);
    const report = missed.slice(0, 20).map(({ line, urls }) => `line ${line}: ${urls.join(" ")}`).join("\n");
    expect(kept / items.length, `missed:\n${report}`).toBeGreaterThanOrEqual(0.99);
  });

  if (!present) it.skip(`${path} is missing: the corpora live in ../shared/corpora next to the project`, () => {});
});
