/**
 * Markdown reading lists: entries are list items and table rows that hold a link to a web page,
 * read from the mdast tree.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";
import { InputError } from "../../../src/core/types";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("Markdown: a reading list written for the rules", () => {
  const doc = parseDocument(read("../../fixtures/parse/reading-list.md"), "markdown");
  const entry = (title: string) => doc.entries.find((e) => e.title === title);

  it("finds every item that holds a link to a web page, wherever the link stands, and nothing else", () => {
    expect(doc.entries.map((e) => e.title)).toEqual([
      "The Log-Structured Merge-Tree",
      "WiscKey: Separating Keys from Values",
      "Bigtable (Google, OSDI'06)",
      "HBase at Pinterest",
      "Cassandra at Netflix",
      "a link",
      "Apache Parquet",
      "Apache ORC",
      "Maglev: A Fast and Reliable Software Network Load Balancer",
      "Envoy Internals",
    ]);
  });

  it("takes the document title from a lone # heading, sections from ##, subsections from ###", () => {
    expect(doc.title).toBe("Awesome Systems");
    expect(doc.sections).toEqual([
      { name: "Storage", subsections: ["Engines", "File Formats"] },
      { name: "Networking", subsections: [] },
    ]);
    expect(entry("The Log-Structured Merge-Tree")).toMatchObject({ section: "Storage", subsection: "Engines" });
    expect(entry("Apache ORC")).toMatchObject({ section: "Storage", subsection: "File Formats" });
    // A heading deeper than the subsection level only groups: the place stays.
    expect(entry("Envoy Internals")).toMatchObject({ section: "Networking", subsection: "" });
  });

  it("reads the link target and the description after a separator", () => {
    expect(entry("The Log-Structured Merge-Tree")).toMatchObject({
      url: "https://example.com/lsm.pdf",
      description: "O'Neil et al., the LSM paper",
      kind: "bookmark",
      line: 14,
    });
    expect(entry("WiscKey: Separating Keys from Values")?.description).toBe("keys in the tree, values in a log");
    expect(entry("Bigtable (Google, OSDI'06)")?.description).toBe("wide-column store");
    expect(entry("Envoy Internals")).toMatchObject({ url: "https://example.com/envoy", description: "" });
    // A link after words is still the entry's link; the words before it describe it.
    expect(entry("a link")).toMatchObject({ url: "https://example.com/late", description: "Text first, then" });
  });

  it("makes nested plain bullets insights, and nested linked bullets entries of their own", () => {
    expect(entry("WiscKey: Separating Keys from Values")?.insights).toEqual(["Writes amplify less", "Range scans need prefetch"]);
    // Under a subsection heading, nested entries keep that subsection.
    expect(entry("HBase at Pinterest")).toMatchObject({ section: "Storage", subsection: "Engines", insights: [] });
    expect(entry("Cassandra at Netflix")).toMatchObject({ subsection: "Engines", description: "tuning notes" });
    expect(entry("Bigtable (Google, OSDI'06)")).toMatchObject({ source: "Google", insights: [] });
  });

  it("groups nested entries under their parent entry when the headings give no subsection", () => {
    const doc = parseDocument(
      "## Scalability\n* [Microservices](https://a.example)\n\t* [Microservices at Uber](https://b.example)\n\t\t* a plain note\n* [Caching](https://c.example)\n",
      "markdown",
    );
    expect(doc.entries.map((e) => [e.title, e.section, e.subsection, e.insights])).toEqual([
      ["Microservices", "Scalability", "", []],
      ["Microservices at Uber", "Scalability", "Microservices", ["a plain note"]],
      ["Caching", "Scalability", "", []],
    ]);
    expect(doc.sections).toEqual([{ name: "Scalability", subsections: ["Microservices"] }]);
  });
});

describe("Markdown: headings", () => {
  it("uses # headings as sections when there are several", () => {
    const doc = parseDocument("# Storage\n\n- [A](https://a.example)\n\n# Networking\n\n- [B](https://b.example)\n", "markdown");
    expect(doc.title).toBe("");
    expect(doc.entries.map((e) => e.section)).toEqual(["Storage", "Networking"]);
  });

  it("takes sections from the level that holds entries in its scope, even when they all sit under subsections", () => {
    const doc = parseDocument("# List\n\n## Storage\n\nAbout storage.\n\n### Engines\n\n- [A](https://a.example)\n\n## Networking\n\n### Balancers\n\n- [B](https://b.example)\n", "markdown");
    expect(doc.sections).toEqual([
      { name: "Storage", subsections: ["Engines"] },
      { name: "Networking", subsections: ["Balancers"] },
    ]);
  });

  it("leaves entries before any section heading without a section", () => {
    const doc = parseDocument("- [A](https://a.example)\n\n## Later\n\n- [B](https://b.example)\n", "markdown");
    expect(doc.entries.map((e) => [e.section, e.subsection])).toEqual([
      ["", ""],
      ["Later", ""],
    ]);
    expect(doc.sections).toEqual([{ name: "Later", subsections: [] }]);
  });

  it("rejects a list with only in-page links", () => {
    expect(() => parseDocument("## Contents\n- [Storage](#storage)\n", "markdown")).toThrow(new InputError("no entries found"));
  });
});

describe("Markdown: awesome-scalability (a list written elsewhere)", () => {
  const markdown = read("../../../../shared/corpora/awesome-scalability.md");
  const doc = parseDocument(markdown, "markdown");

  it("makes an entry, with its URL and title, of every list item that opens with a link out of the page", () => {
    // Counted without the parser: a line-by-line pattern for list items that open with a link.
    const items = [
      ...markdown.matchAll(
        /^[ \t]*(?:[*+-]|\d+[.)])[ \t]+\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\)/gm,
      ),
    ].filter((m) => !m[2]!.startsWith("#"));
    expect(items).toHaveLength(919);
    expect(doc.entries).toHaveLength(919);
    expect(doc.entries.map((e) => e.url).sort()).toEqual(items.map((m) => m[2]).sort());
    const titlesByUrl = new Map<string, string[]>();
    for (const e of doc.entries) titlesByUrl.set(e.url!, [...(titlesByUrl.get(e.url!) ?? []), e.title]);
    for (const [, title, url] of items) {
      expect(titlesByUrl.get(url!)).toContain(title!.replace(/\\(.)/g, "$1").replace(/\s+/g, " ").trim());
    }
  });

  it("keeps titles as written", () => {
    const brewer = doc.entries.find((e) => e.url === "https://people.eecs.berkeley.edu/~brewer/papers/GiantScale-IEEE.pdf");
    expect(brewer).toMatchObject({
      title: "Lessons from Giant-Scale Services - Eric Brewer, UC Berkeley & Google",
      section: "Principle",
      subsection: "",
      line: 37,
    });
  });

  it("takes sections from the ## headings that hold entries, and skips the table of contents", () => {
    expect(doc.title).toBe("");
    expect(doc.sections.map((s) => s.name)).toEqual([
      "Principle",
      "Scalability",
      "Availability",
      "Stability",
      "Performance",
      "Intelligence",
      "Architecture",
      "Interview",
      "Organization",
      "Talk",
    ]);
    const uber = doc.entries.find((e) => e.title === "Domain-Oriented Microservice Architecture at Uber");
    expect(uber).toMatchObject({ section: "Scalability", subsection: "Microservices and Orchestration" });
  });
});
