import { describe, expect, it } from "vitest";
import { formatForPath, parseDocument } from "../../../src/core/parse";
import { InputError } from "../../../src/core/types";

describe("formatForPath", () => {
  it.each([
    ["notes/list.md", "markdown"],
    ["README.MARKDOWN", "markdown"],
    ["bookmarks_2026.html", "html"],
    ["export.HTM", "html"],
    ["data/bookmarks.txt", "text"],
    ["no-extension", "text"],
    ["dir.md/file", "text"],
  ])("%s → %s", (path, format) => {
    expect(formatForPath(path)).toBe(format);
  });

  it("lets an override win", () => {
    expect(formatForPath("list.md", "text")).toBe("text");
    expect(formatForPath("list.txt", "html")).toBe("html");
    expect(formatForPath("list.txt", "markdown")).toBe("markdown");
  });

  it("rejects an unknown override", () => {
    expect(() => formatForPath("list.txt", "pdf")).toThrow(InputError);
    expect(() => formatForPath("list.txt", "pdf")).toThrow(/unknown format "pdf"/);
  });
});

describe("parseDocument", () => {
  it.each(["text", "markdown", "html"] as const)("rejects an empty %s document", (format) => {
    expect(() => parseDocument("  \n", format)).toThrow(new InputError("file is empty"));
  });

  it.each([
    ["text", "Only a heading"],
    ["markdown", "# Title\n\nSome prose and [a link](https://example.com) in a paragraph."],
    ["html", "<!DOCTYPE NETSCAPE-Bookmark-file-1><H1>Bookmarks</H1><DL><p></DL><p>"],
  ] as const)("rejects a %s document without entries", (format, text) => {
    expect(() => parseDocument(text, format)).toThrow(new InputError("no entries found"));
  });
});
