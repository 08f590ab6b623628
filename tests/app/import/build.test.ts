/**
 * What the import worker does with a file: the command line's reading of it (format by
 * extension, text checks, `name:line: message` errors) and the command line's build of it (the
 * same graph, byte for byte), said as paced progress and then exactly one answer.
 */
import { describe, expect, it } from "vitest";
import { buildFromSources } from "../../../src/core/pipeline/index";
import { parseGraph } from "../../../src/app/data/graph";
import { runImport } from "../../../src/app/import/build";
import type { WorkerMessage } from "../../../src/app/import/protocol";
import { lexicon } from "../../core/extract/helpers";

const LEXICON = lexicon([
  { name: "PostgreSQL", type: "technology", aliases: ["Postgres"] },
  { name: "Write-ahead logging", type: "technique", aliases: ["WAL"] },
  { name: "Uber", type: "organization" },
]);

const MARKDOWN = [
  "# Databases",
  "",
  "- [How Uber runs PostgreSQL](https://example.org/uber) — Uber moved back to Postgres",
  "- [WAL in PostgreSQL](https://example.org/wal) — write-ahead logging explained",
  "- [Uber's load shedding](https://example.org/shed) — Uber drops work early",
  "",
].join("\n");

function listFile(name: string, content: string | Uint8Array) {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

/** The worker's messages for one import of `files` (name and content), on a clock that ticks at every reading. */
function runFiles(files: [name: string, content: string | Uint8Array][]): WorkerMessage[] {
  const messages: WorkerMessage[] = [];
  let clock = 0;
  runImport({ type: "build", files: files.map(([name, content]) => listFile(name, content)) }, LEXICON, (m) => messages.push(m), () => (clock += 1));
  return messages;
}

const run = (name: string, content: string | Uint8Array) => runFiles([[name, content]]);

describe("runImport", () => {
  it("builds the command line's graph from the file, byte for byte, and says how big it is", () => {
    const messages = run("databases.md", MARKDOWN);
    const done = messages.at(-1)!;
    expect(done.type).toBe("done");
    if (done.type !== "done") return;
    const expected = JSON.stringify(buildFromSources([{ name: "databases.md", text: MARKDOWN, format: "markdown" }], LEXICON).export());
    expect(done.graph).toBe(expected);
    expect(done.articles).toBe(3);
    const graph = parseGraph(done.graph);
    expect(done.concepts).toBe(graph.order - 3);
    expect(graph.getAttribute("name")).toBe("databases.md");
    expect(graph.hasNode("entity:postgresql")).toBe(true);
  });

  it("says progress through every stage before the one answer", () => {
    const messages = run("databases.md", MARKDOWN);
    const stages = [...new Set(messages.flatMap((m) => (m.type === "progress" ? [m.stage] : [])))];
    expect(stages).toEqual(["parse", "extract", "graph", "metrics", "layout"]);
    expect(messages.filter((m) => m.type !== "progress")).toHaveLength(1);
  });

  it("reads the format from the extension, as the command line does", () => {
    const text = "Databases\n- How Uber runs PostgreSQL -- Uber moved back to Postgres\n";
    const asText = run("bookmarks.txt", text).at(-1)!;
    expect(asText.type).toBe("done");
    // The same text named .md is Markdown, where a line with no link is no entry.
    expect(run("bookmarks.md", text).at(-1)).toEqual({ type: "failed", message: "bookmarks.md: no entries found" });
  });

  it("reads a browser's bookmarks export (.html) as the command line does", () => {
    const html = [
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
      "<DL><p>",
      '  <DT><H3 ADD_DATE="1709251200">Data Storage</H3>',
      "  <DL><p>",
      '    <DT><A HREF="https://example.org/uber" ADD_DATE="1709251200">How Uber runs PostgreSQL</A>',
      "    <DD>Uber moved back to Postgres",
      '    <DT><A HREF="javascript:alert(1)">A bookmarklet</A>',
      "  </DL><p>",
      "</DL>",
    ].join("\n");
    const done = run("bookmarks.html", html).at(-1)!;
    expect(done.type).toBe("done");
    if (done.type !== "done") return;
    expect(done.graph).toBe(JSON.stringify(buildFromSources([{ name: "bookmarks.html", text: html, format: "html" }], LEXICON).export()));
    // The bookmarklet is no article.
    expect(done.articles).toBe(1);
  });

  it("makes one graph of several lists, as several --input do", () => {
    const text = "Case Studies\n- Uber's load shedding -- Uber drops work early\n";
    const done = runFiles([
      ["databases.md", MARKDOWN],
      ["notes.txt", text],
    ]).at(-1)!;
    expect(done.type).toBe("done");
    if (done.type !== "done") return;
    const expected = buildFromSources(
      [
        { name: "databases.md", text: MARKDOWN, format: "markdown" },
        { name: "notes.txt", text, format: "text" },
      ],
      LEXICON,
      { nameJoiner: " + " },
    );
    expect(done.graph).toBe(JSON.stringify(expected.export()));
    expect(parseGraph(done.graph).getAttribute("name")).toBe("databases.md + notes.txt");
  });

  it("refuses two lists of one name, which the graph could not tell apart", () => {
    expect(runFiles([["list.md", MARKDOWN], ["list.md", MARKDOWN]])).toEqual([{ type: "failed", message: "list.md: two of the lists have this name (rename one)" }]);
  });

  it("names the file of a Markdown list with no links", () => {
    expect(run("my-list.md", "# Notes\n\nJust prose, no links.\n")).toEqual([
      { type: "progress", stage: "parse", done: 0, total: 1 },
      { type: "failed", message: "my-list.md: no entries found" },
    ]);
  });

  it("refuses what is not text with the line where it stops being text", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("- one\n- two\n"), 0xff, 0x41]);
    expect(run("list.txt", bytes)).toEqual([{ type: "failed", message: "list.txt:3: not a text file (invalid UTF-8)" }]);
    expect(run("empty.md", "  \n\n")).toEqual([{ type: "failed", message: "empty.md: file is empty" }]);
  });
});
