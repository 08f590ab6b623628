/**
 * Browser bookmark exports (Netscape bookmark file format), as Chrome and Firefox write them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import { InputError } from "../../../src/core/types";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("HTML bookmarks: a Chrome export", () => {
  const doc = parseDocument(read("../../fixtures/parse/chrome-bookmarks.html"), "html");

  it("skips the lone 'Bookmarks bar' root: its folders are sections, theirs subsections", () => {
    expect(doc.title).toBe("Bookmarks");
    expect(doc.sections).toEqual([
      { name: "Case Studies", subsections: ["Database & Storage", "Networking"] },
      { name: "Programming Languages", subsections: ["C & C++"] },
    ]);
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["Case Studies", "Database & Storage", "How Uber Conquered Database Overload"],
      ["Case Studies", "Database & Storage", "Automating RDS Postgres to Aurora Postgres Migration (Netflix)"],
      ["Case Studies", "Networking", "High Availability Load Balancers with Maglev (Cloudflare)"],
      ["Programming Languages", "", "Rust & async: a retrospective"],
      // Deeper folders fold into the subsection.
      ["Programming Languages", "C & C++", "cppreference"],
    ]);
  });

  it("reads URL, <DD> description with entities decoded, source and line", () => {
    expect(doc.entries[0]).toEqual({
      kind: "bookmark",
      title: "How Uber Conquered Database Overload",
      description: "Uber's evolution from static rate limiting to adaptive load shedding",
      section: "Case Studies",
      subsection: "Database & Storage",
      insights: [],
      note: "",
      source: "",
      url: "https://www.uber.com/blog/database-load-shedding/",
      line: 15,
    });
    expect(doc.entries[1]).toMatchObject({ description: "", source: "Netflix", line: 17 });
    expect(doc.entries[2]!.description).toBe("Google’s Maglev consistent hashing for L4 <load balancing>");
  });

  it("skips javascript: bookmarklets", () => {
    expect(doc.entries.map((e) => e.url)).not.toContain("javascript:void(0)");
  });
});

describe("HTML bookmarks: a Firefox export", () => {
  const doc = parseDocument(read("../../fixtures/parse/firefox-bookmarks.html"), "html");

  it("keeps several roots as sections and skips place: queries", () => {
    expect(doc.title).toBe("Bookmarks Menu");
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title, e.url])).toEqual([
      ["Data Storage", "", "The Internals of PostgreSQL (interdb.jp)", "https://www.interdb.jp/pg/"],
      ["Data Storage", "", 'Query "strings" <&> entities', "https://example.com/a?x=1&y=2"],
      // An untitled bookmark is named by its URL.
      ["Bookmarks Toolbar", "", "https://example.com/untitled", "https://example.com/untitled"],
    ]);
    expect(doc.sections).toEqual([
      { name: "Data Storage", subsections: [] },
      { name: "Bookmarks Toolbar", subsections: [] },
    ]);
  });

  it("gives a bookmark its own <DD>, not its folder's, and not after an empty folder", () => {
    expect(doc.entries[0]).toMatchObject({ description: "Free book: buffer manager, WAL, MVCC — and more", source: "interdb.jp", line: 16 });
    expect(doc.entries[1]!.description).toBe("");
  });
});

describe("HTML bookmarks: structure", () => {
  const wrap = (body: string) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<H1>Bookmarks</H1>\n<DL><p>\n${body}\n</DL><p>\n`;

  it("keeps bookmarks that sit directly in the skipped root without a section", () => {
    const doc = parseDocument(
      wrap(`<DT><H3>Bookmarks bar</H3>\n<DL><p>\n<DT><A HREF="https://a.example">A</A>\n<DT><H3>Rust</H3>\n<DL><p>\n<DT><A HREF="https://b.example">B</A>\n</DL><p>\n</DL><p>`),
      "html",
    );
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["", "", "A"],
      ["Rust", "", "B"],
    ]);
  });

  it("skips every level that is a single folder without bookmarks of its own", () => {
    const doc = parseDocument(
      wrap(`<DT><H3>Bookmarks bar</H3>\n<DL><p>\n<DT><H3>Tech</H3>\n<DL><p>\n<DT><H3>Storage</H3>\n<DL><p>\n<DT><A HREF="https://a.example">A</A>\n</DL><p>\n<DT><H3>Languages</H3>\n<DL><p>\n<DT><A HREF="https://b.example">B</A>\n</DL><p>\n</DL><p>\n</DL><p>`),
      "html",
    );
    expect(doc.entries.map((e) => [e.section, e.title])).toEqual([
      ["Storage", "A"],
      ["Languages", "B"],
    ]);
  });

  it("reads bookmarks outside any folder", () => {
    const doc = parseDocument(wrap(`<DT><A HREF="https://a.example">A</A>\n<DD>about A`), "html");
    expect(doc.entries).toMatchObject([{ section: "", subsection: "", title: "A", description: "about A", line: 4 }]);
    expect(doc.sections).toEqual([]);
  });

  it("rejects an export without bookmarks", () => {
    expect(() => parseDocument(wrap(`<DT><H3>Empty</H3>\n<DL><p>\n</DL><p>`), "html")).toThrow(new InputError("no entries found"));
  });
});
