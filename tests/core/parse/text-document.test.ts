/**
 * The bookmarks document itself (`data/bookmarks.txt`): what the text parser must find in it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";

const text = readFileSync(new URL("../../../data/bookmarks.txt", import.meta.url), "utf8");
const doc = parseDocument(text, "text");
const bookmarks = doc.entries.filter((e) => e.kind === "bookmark");
const references = doc.entries.filter((e) => e.kind === "reference");
const byTitle = (title: string) => {
  const found = doc.entries.find((e) => e.title === title);
  if (!found) throw new Error(`no entry titled ${title}`);
  return found;
};

describe("the bookmarks document", () => {
  it("has 254 entries: 250 bookmarks and 4 See Also references", () => {
    expect(doc.entries).toHaveLength(254);
    expect(bookmarks).toHaveLength(250);
    expect(references).toHaveLength(4);
  });

  it("has four top-level sections with 32 subsections", () => {
    expect(doc.sections.map((s) => s.name)).toEqual(["Case Studies", "Techniques", "Data Storage", "Programming Languages"]);
    expect(doc.sections.flatMap((s) => s.subsections)).toHaveLength(32);
  });

  it("has 54 bookmarks with insights", () => {
    expect(bookmarks.filter((e) => e.insights.length > 0)).toHaveLength(54);
  });

  it("takes its title from the preamble and makes no entry of it", () => {
    expect(doc.title).toBe("Bookmarks Tech Insights");
    expect(doc.entries[0]!.title).toBe(
      "How Uber Conquered Database Overload: From Static Rate-Limiting to Intelligent Load Management",
    );
    expect(doc.entries[0]!.line).toBe(10);
  });

  it("keeps See Also references apart", () => {
    expect(references.map((e) => [e.title, e.section])).toEqual([
      ["Database Systems Survey", "See Also"],
      ["Kafka Internals", "See Also"],
      ["io_uring Internals", "See Also"],
      ["Rust Low-Level Programming", "See Also"],
    ]);
  });
});
