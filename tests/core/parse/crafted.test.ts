/**
 * Crafted inputs, each aimed at a step that could turn super-linear or blow the stack: deep
 * nesting, long runs of brackets, huge titles, long outline-like runs inside an insights block,
 * and the characters text handling gets wrong. Each ends in a graph or an `InputError` within a
 * time linear in its size (bounds in ./pipeline.ts). Markdown's own crafted inputs live with the
 * Markdown parser's tests.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import type { InputFormat } from "../../../src/core/types";
import { expectLinearTime, pipeline, PARSE_BOUND, type Outcome, type Pipeline } from "./pipeline";

let run: Pipeline;
beforeAll(async () => {
  run = await pipeline();
}, 120_000);

/** Runs the pipeline on `text` and checks the time bound; the outcome is returned for more checks. */
function crafted(text: string, format: InputFormat, what: string): Outcome {
  const outcome = run(text, format);
  expectLinearTime(outcome, text.length, what);
  return outcome;
}

/** Parsing alone, for inputs with so many entries that extracting them all would test extraction. */
function parsedWithinBound(text: string, format: InputFormat) {
  const started = performance.now();
  const doc = parseDocument(text, format);
  const milliseconds = performance.now() - started;
  expect(milliseconds, `parsing ${text.length} characters`).toBeLessThanOrEqual(PARSE_BOUND.fixed + PARSE_BOUND.perCharacter * text.length);
  return doc;
}

const EXPORT_HEAD = "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n";

/** `depth` folders, each the only content of its parent, with `bookmarks` at the bottom. */
function nestedFolders(depth: number, bookmarks: number): string {
  const parts = [EXPORT_HEAD];
  for (let i = 0; i < depth; i++) parts.push(`<DT><H3 ADD_DATE="1709251200" LAST_MODIFIED="1709251200">Folder ${i}</H3>\n<DL><p>\n`);
  for (let i = 0; i < bookmarks; i++) parts.push(`<DT><A HREF="https://example.com/${i}" ADD_DATE="1709251200">Bookmark ${i}</A>\n<DD>about ${i}\n`);
  for (let i = 0; i < depth; i++) parts.push("</DL><p>\n");
  parts.push("</DL><p>\n");
  return parts.join("");
}

describe("crafted bookmark exports", () => {
  it("20,000 nested folders (1 MB) with a bookmark at the bottom", () => {
    const text = nestedFolders(20_000, 1);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { graph } = crafted(text, "html", "20,000 nested folders");
    const articles = graph!.filterNodes((_node, a) => a.kind === "article");
    // The chain of single folders is skipped down to the one that holds the bookmark.
    expect(articles.map((node) => graph!.getNodeAttributes(node))).toMatchObject([
      { label: "Bookmark 0", section: "Folder 19999", subsection: "", url: "https://example.com/0", addedAt: "2024-03-01T00:00:00.000Z" },
    ]);
  });

  it("20,000 bookmarks below 20,000 nested folders: each costs the same whatever the depth", () => {
    const doc = parsedWithinBound(nestedFolders(20_000, 20_000), "html");
    expect(doc.entries).toHaveLength(20_000);
    expect(doc.entries[19_999]).toMatchObject({ title: "Bookmark 19999", description: "about 19999" });
  });

  it("20,000 nested folders with a bookmark in each: no bookmark carries its whole path", () => {
    const parts = [EXPORT_HEAD];
    for (let i = 0; i < 20_000; i++) parts.push(`<DT><H3>F${i}</H3>\n<DL><p>\n<DT><A HREF="https://example.com/${i}">B${i}</A>\n`);
    parts.push("</DL><p>\n".repeat(20_001));
    const doc = parsedWithinBound(parts.join(""), "html");
    // F0 is the lone root, skipped; F1 is the section, F2 the subsection, and deeper folders fold into it.
    expect([doc.entries[0], doc.entries[1], doc.entries[2], doc.entries[19_999]]).toMatchObject([
      { title: "B0", section: "", subsection: "" },
      { title: "B1", section: "F1", subsection: "" },
      { title: "B2", section: "F1", subsection: "F2" },
      { title: "B19999", section: "F1", subsection: "F2" },
    ]);
  });

  it("20,000 folders that never close, and as many closing tags with nothing open", () => {
    const unclosed = EXPORT_HEAD + "<DT><H3>Open</H3>\n<DL><p>\n".repeat(20_000) + '<DT><A HREF="https://example.com/">Deep</A>\n';
    expect(crafted(unclosed, "html", "unclosed folders").graph!.hasNode("article:deep")).toBe(true);
    const stray = "</DL><p>\n".repeat(20_000) + '<DT><A HREF="https://example.com/">After</A>\n';
    expect(crafted(stray, "html", "stray closing tags").graph!.hasNode("article:after")).toBe(true);
  });

  it("a 10,000-character title, brackets, and only bookmarklets", () => {
    const title = "Long ".repeat(2_000);
    const { graph } = crafted(`${EXPORT_HEAD}<DT><A HREF="https://example.com/">${title}</A>\n</DL>`, "html", "long title");
    expect(graph!.filterNodes((_n, a) => a.kind === "article").map((n) => graph!.getNodeAttribute(n, "label"))).toEqual([title.trim()]);
    const brackets = `${EXPORT_HEAD}<DT><A HREF="https://example.com/">${"(".repeat(20_000)}${"[".repeat(20_000)}</A>\n</DL>`;
    expect(crafted(brackets, "html", "brackets").graph).toBeDefined();
    const bookmarklets = `${EXPORT_HEAD}${'<DT><A HREF="java&#x09;script:alert(1)">JS</A>\n'.repeat(10_000)}</DL>`;
    expect(crafted(bookmarklets, "html", "bookmarklets").error?.message).toBe("no entries found");
  });
});

describe("crafted text documents", () => {
  it("thousands of heading-like lines inside an insights block: parsing is linear", () => {
    for (const lines of [5_000, 50_000]) {
      const headings = Array.from({ length: lines }, (_, i) => `Heading Like ${i}`);
      // The last line is not heading-like, so no heading run ever reaches the next entry.
      const text = ["Section", "Sub", "- A -- a", "Key insights:", "- first", ...headings, "a lower-case line", "- B -- b"].join("\n");
      const doc = parsedWithinBound(text, "text");
      expect(doc.entries.map((e) => e.title)).toEqual(["A", "B"]);
      expect(doc.entries[0]!.insights).toHaveLength(1);
      expect(doc.entries[0]!.insights[0]).toMatch(/^first Heading Like 0 .* a lower-case line$/);
    }
  });

  it("thousands of heading-like lines inside an insights block: the whole pipeline is linear", () => {
    const headings = Array.from({ length: 5_000 }, (_, i) => `Heading Like ${i}`);
    const text = ["Section", "Sub", "- A -- a", "Key insights:", "- first", ...headings, "a lower-case line", "- B -- b"].join("\n");
    expect(crafted(text, "text", "heading-like lines in an insights block").graph).toBeDefined();
  });

  it("thousands of heading-like lines that do resume the outline", () => {
    const headings = Array.from({ length: 5_000 }, (_, i) => `Heading Like ${i}`);
    const text = ["Section", "Sub", "- A -- a", "Key insights:", "- first", ...headings, "- B -- b"].join("\n");
    const doc = parsedWithinBound(text, "text");
    expect(doc.entries.map((e) => [e.title, e.subsection, e.insights])).toEqual([
      ["A", "Sub", ["first"]],
      ["B", "Heading Like 4999", []],
    ]);
  });

  it("tens of thousands of bullets in one entry, many repeating each other's beginnings", () => {
    const full = Array.from({ length: 20_000 }, (_, i) => `- Bullet ${i % 1_000} of a long block with more words`);
    const cut = Array.from({ length: 20_000 }, (_, i) => `- Bullet ${i % 1_000} of a long`);
    const doc = parsedWithinBound(["- A -- a", "Key insights:", ...full, ...cut].join("\n"), "text");
    // Exact repeats and cut-off beginnings of earlier bullets are dropped: 1,000 distinct bullets.
    expect(doc.entries[0]!.insights).toHaveLength(1_000);
    expect(doc.entries[0]!.insights[999]).toBe("Bullet 999 of a long block with more words");
  });

  it("long runs of brackets and parentheses in titles", () => {
    for (const title of [
      "(".repeat(50_000),
      ")".repeat(50_000),
      `Title ${"()".repeat(25_000)}`,
      `Title (${"(".repeat(25_000)}Netflix)`,
      `Title (Netflix${")".repeat(25_000)}`,
      `Title (a${" ".repeat(50_000)}b blog)`,
      `[${"[](".repeat(16_000)}`,
    ]) {
      const outcome = crafted(`- ${title} -- description\n`, "text", `title ${JSON.stringify(title.slice(0, 12))}…`);
      expect(outcome.graph ?? outcome.error).toBeDefined();
    }
  });

  it("a 10,000-character title, and a 10,000-word insight", () => {
    const title = `${"Word ".repeat(2_000).trim()} (Netflix)`;
    const { graph } = crafted(`- ${title} -- d\nKey insights:\n- ${"insight ".repeat(10_000)}\n`, "text", "long title");
    const [article] = graph!.filterNodes((_n, a) => a.kind === "article").map((n) => graph!.getNodeAttributes(n));
    expect(article).toMatchObject({ label: title, source: "Netflix" });
  });

  it("a long line of glued bullets and subtractions", () => {
    const text = `- A -- a\nKey insights:\n- x\nstart${" - Next: y - 1 - 2".repeat(10_000)}\n`;
    expect(crafted(text, "text", "glued bullets").graph).toBeDefined();
  });

  it("thousands of sections and subsections", () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `Section ${i}\nSub ${i}\n- Entry ${i} -- e`).join("\n");
    const doc = parsedWithinBound(text, "text");
    expect(doc.sections).toHaveLength(10_000);
    expect(doc.entries[9_999]).toMatchObject({ section: "Section 9999", subsection: "Sub 9999" });
  });
});

describe("line ends and characters that text handling gets wrong", () => {
  const TEXT = ["Systems", "Schedulers", "-", "CFS Explained (Netflix) -- How CFS picks", "Key insights:", "- Picks the leftmost", "node of the tree", "- Second"];

  it("reads CRLF, CR and a BOM as it reads LF", () => {
    const expected = parseDocument(TEXT.join("\n"), "text");
    for (const text of [TEXT.join("\r\n"), TEXT.join("\r"), `\ufeff${TEXT.join("\n")}`, `\ufeff${TEXT.join("\r\n")}\r\n`]) {
      expect(parseDocument(text, "text")).toEqual(expected);
    }
  });

  it("keeps emoji, right-to-left and zero-width characters as text", () => {
    const title = "Caf\u00e9 \ud83d\ude80 \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd zero\u200bwidth \u2066isolate\u2069";
    const text = ["- " + title + " -- d\u200d\ud83d\udc69\u200d\ud83d\udcbb", "Key insights:", "- \u0645\u0631\u062d\u0628\u0627 \u202b\u0639\u0631\u0628\u064a\u202c"].join("\r\n");
    const { graph } = crafted(text, "text", "unicode");
    const [article] = graph!.filterNodes((_n, a) => a.kind === "article").map((n) => graph!.getNodeAttributes(n));
    expect(article).toMatchObject({ label: title, description: "d\u200d\ud83d\udc69\u200d\ud83d\udcbb" });
  });

  it("keeps them in bookmark exports too, with CRLF, CR and a BOM", () => {
    const lines = [EXPORT_HEAD.trim(), "<DT><H3>\u202eRTL\u202c \ud83d\udcda</H3>", "<DL><p>", '<DT><A HREF="https://example.com/\u200b">\ud83d\ude80 Launch\u200b</A>', "<DD>\u05e9\u05dc\u05d5\u05dd", "</DL><p>", '<DT><A HREF="https://example.org/">Other</A>', "</DL>"];
    for (const ending of ["\n", "\r\n", "\r"]) {
      const { graph } = crafted(`\ufeff${lines.join(ending)}`, "html", `export with ${JSON.stringify(ending)}`);
      const [article] = graph!.filterNodes((_n, a) => a.kind === "article").map((n) => graph!.getNodeAttributes(n));
      expect(article).toMatchObject({ label: "\ud83d\ude80 Launch\u200b", description: "\u05e9\u05dc\u05d5\u05dd", section: "\u202eRTL\u202c \ud83d\udcda" });
    }
  });

  it("a NUL byte or a lone surrogate is text, not an end", () => {
    const { graph } = crafted("- Null\u0000Title \ud800 -- after\u0000nul\n", "text", "NUL");
    const [article] = graph!.filterNodes((_n, a) => a.kind === "article").map((n) => graph!.getNodeAttributes(n));
    expect(article).toMatchObject({ label: "Null\u0000Title \ud800", description: "after\u0000nul" });
  });
});
