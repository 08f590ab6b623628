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
      addedAt: "2024-03-01T00:00:00.000Z",
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

describe("HTML bookmarks: when a bookmark was added", () => {
  const addedAt = (value: string) =>
    parseDocument(`<DL><p>\n<DT><A HREF="https://a.example/" ADD_DATE="${value}">A</A>\n</DL>`, "html").entries[0]!.addedAt;

  it("keeps ADD_DATE, seconds since 1970, as an ISO 8601 date-time", () => {
    expect(addedAt("1709251200")).toBe("2024-03-01T00:00:00.000Z");
    expect(addedAt("1")).toBe("1970-01-01T00:00:01.000Z");
  });

  it("leaves it out when the value is not a sane count of seconds", () => {
    for (const value of ["", "0", "-1709251200", "1709251200.5", "1e9", "0x65e11a00", "soon", "1709251200000000", "999999999999999999999"]) {
      expect(addedAt(value), value).toBeUndefined();
    }
  });

  it("leaves it out when there is none", () => {
    const [entry] = parseDocument(`<DT><A HREF="https://a.example/">A</A>`, "html").entries;
    expect(entry).not.toHaveProperty("addedAt");
  });
});

describe("HTML bookmarks: only web pages are entries", () => {
  const urls = (hrefs: string[]) =>
    parseDocument(
      `<DL><p>\n${hrefs.map((href, i) => `<DT><A HREF="${href}">Item ${i}</A>\n<DD>about item ${i}`).join("\n")}\n<DT><A HREF="https://kept.example/">Kept</A>\n</DL>`,
      "html",
    ).entries.map((e) => [e.title, e.url, e.description]);

  it("skips script, data and other non-web URLs however they are disguised", () => {
    const hostile = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "   javascript:alert(1)",
      "java&#x09;script:alert(1)",
      "java&#x0A;script:alert(1)",
      "&#x01;javascript:alert(1)",
      "&#106;avascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "place:parent=toolbar_____",
      "file:///etc/passwd",
      "about:blank",
      "chrome://settings",
      "mailto:someone@example.com",
      "/relative/page",
      "https://",
      "",
    ];
    // The description of a skipped bookmark is not given to anyone else either.
    expect(urls(hostile)).toEqual([["Kept", "https://kept.example/", ""]]);
  });

  it("keeps http(s) URLs as written, after entities are decoded", () => {
    expect(urls(["HTTPS://Example.com/a?x=1&amp;y=2", " http://example.org/ "])).toEqual([
      ["Item 0", "HTTPS://Example.com/a?x=1&y=2", "about item 0"],
      ["Item 1", "http://example.org/", "about item 1"],
      ["Kept", "https://kept.example/", ""],
    ]);
  });

  it("rejects an export whose bookmarks are all bookmarklets", () => {
    expect(() => parseDocument(`<DL><p>\n<DT><A HREF="javascript:void(0)">JS</A>\n</DL>`, "html")).toThrow(new InputError("no entries found"));
  });
});

describe("HTML bookmarks: folders at any depth", () => {
  const nested = (names: string[], bookmark: string) =>
    `<DL><p>\n${names.map((n) => `<DT><H3>${n}</H3>\n<DL><p>\n`).join("")}<DT><A HREF="https://a.example/">${bookmark}</A>\n${"</DL><p>\n".repeat(names.length)}</DL>`;

  it("folds every folder below the subsection into it", () => {
    const doc = parseDocument(
      `<DL><p>\n<DT><H3>Other</H3>\n<DL><p>\n<DT><A HREF="https://o.example/">O</A>\n</DL><p>\n<DT><H3>Section</H3>\n<DL><p>\n<DT><H3>Sub</H3>\n<DL><p>\n<DT><H3>Deeper</H3>\n<DL><p>\n<DT><H3>Deepest</H3>\n<DL><p>\n<DT><A HREF="https://a.example/">A</A>\n</DL><p>\n<DT><A HREF="https://b.example/">B</A>\n</DL><p>\n</DL><p>\n<DT><A HREF="https://c.example/">C</A>\n</DL><p>\n</DL>`,
      "html",
    );
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["Other", "", "O"],
      ["Section", "Sub", "A"],
      ["Section", "Sub", "B"],
      ["Section", "", "C"],
    ]);
    expect(doc.sections).toEqual([
      { name: "Other", subsections: [] },
      { name: "Section", subsections: ["Sub"] },
    ]);
  });

  it("skips a chain of single folders down to the first that holds bookmarks", () => {
    const doc = parseDocument(nested(["Bar", "Only", "Chain", "Leaf"], "A"), "html");
    expect(doc.entries).toMatchObject([{ section: "Leaf", subsection: "", title: "A" }]);
  });

  it("treats sibling folders of the same name as one", () => {
    const doc = parseDocument(
      `<DL><p>\n<DT><H3>Rust</H3>\n<DL><p>\n<DT><H3>Async</H3>\n<DL><p>\n<DT><A HREF="https://a.example/">A</A>\n</DL><p>\n</DL><p>\n<DT><H3>Go</H3>\n<DL><p>\n<DT><A HREF="https://g.example/">G</A>\n</DL><p>\n<DT><H3>Rust</H3>\n<DL><p>\n<DT><H3>Async</H3>\n<DL><p>\n<DT><A HREF="https://b.example/">B</A>\n</DL><p>\n</DL><p>\n</DL>`,
      "html",
    );
    expect(doc.sections).toEqual([
      { name: "Rust", subsections: ["Async"] },
      { name: "Go", subsections: [] },
    ]);
    expect(doc.entries.map((e) => [e.section, e.subsection, e.title])).toEqual([
      ["Rust", "Async", "A"],
      ["Go", "", "G"],
      ["Rust", "Async", "B"],
    ]);
  });

  it("ignores end tags that close nothing open", () => {
    const doc = parseDocument(
      `</DL></DL></A><DL><p>\n<DT><H3>Sec</A>tion</H3>\n<DL><p>\n<DT><A HREF="https://a.example/">A</H3> title</A>\n</DL></DL></DL>\n<DT><A HREF="https://b.example/">B</A>`,
      "html",
    );
    expect(doc.entries.map((e) => [e.section, e.title])).toEqual([
      ["Section", "A title"],
      ["", "B"],
    ]);
  });
});
