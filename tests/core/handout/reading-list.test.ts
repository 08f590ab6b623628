import fc from "fast-check";
import type { Link, List, ListItem } from "mdast";
import { describe, expect, it } from "vitest";
import { readingList, type HandoutArticle } from "../../../src/core/handout";
import { WORD_JOINER, linkTargetAsRead } from "../../../src/core/handout/markdown";
import { allNodes, readMarkdown, textOf } from "./parse";

const shown = (text: string) => text.replaceAll(WORD_JOINER, "");

function article(overrides: Partial<HandoutArticle> = {}): HandoutArticle {
  return {
    label: "How Postgres MVCC works",
    source: "Heroku",
    section: "Data Storage",
    subsection: "Relational Databases",
    insights: ["Every row version carries xmin and xmax", "VACUUM reclaims dead tuples"],
    url: "https://example.com/mvcc",
    ...overrides,
  };
}

describe("readingList", () => {
  it("writes the title, the intro, each group under its heading with its note, and its articles", () => {
    const markdown = readingList({
      title: "Postgres in production",
      intro: "What we read for the session.",
      groups: [
        { heading: "MVCC", note: "Start here.", articles: [article()] },
        { heading: "Replication", articles: [article({ label: "Streaming replication", url: undefined, source: "", insights: [] })] },
      ],
    });
    expect(markdown).toBe(
      [
        "# Postgres in production",
        "",
        "What we read for the session.",
        "",
        "## MVCC",
        "",
        "Start here.",
        "",
        "- [How Postgres MVCC works](https://example.com/mvcc) — Heroku\\",
        "  Data Storage › Relational Databases",
        "  - Every row version carries xmin and xmax",
        "  - VACUUM reclaims dead tuples",
        "",
        "## Replication",
        "",
        "- Streaming replication\\",
        "  Data Storage › Relational Databases",
        "",
      ].join("\n"),
    );
  });

  it("reads back as one list item per article, its insights as a nested list", () => {
    const tree = readMarkdown(readingList({ title: "T", groups: [{ articles: [article(), article({ label: "Second" })] }] }));
    const list = tree.children.find((node): node is List => node.type === "list")!;
    expect(list.children).toHaveLength(2);
    const insights = list.children[0]!.children.find((node): node is List => node.type === "list")!;
    expect(insights.children.map((item: ListItem) => textOf(item))).toEqual(["Every row version carries xmin and xmax", "VACUUM reclaims dead tuples"]);
  });

  it("gives the source and the year, the description, a note, and the further web links by their text (else their host)", () => {
    const markdown = readingList({
      title: "T",
      groups: [
        {
          articles: [
            article({
              year: 2019,
              description: "A tour of tuple visibility.",
              note: "(article unavailable — fetch failed)",
              insights: [],
              links: [
                { text: "the talk", url: "https://video.example/talk" },
                { text: "", url: "https://slides.example/deck" },
                { text: "same page", url: "https://example.com/mvcc" },
                { text: "bookmarklet", url: "javascript:alert(1)" },
                { text: "mail the author", url: "mailto:a@example.com" },
              ],
            }),
          ],
        },
      ],
    });
    expect(markdown).toContain("- [How Postgres MVCC works](https://example.com/mvcc) — Heroku, 2019\\\n");
    expect(markdown).toContain("  A tour of tuple visibility.\\\n  (article unavailable — fetch failed)\\\n");
    expect(markdown).toContain("  Also: [the talk](https://video.example/talk), [slides.example](https://slides.example/deck)\n");
    expect(markdown).not.toContain("bookmarklet");
    expect(markdown).not.toContain("mail the author");
  });

  it("writes an article without a web URL as plain text, and a group without articles says so", () => {
    const markdown = readingList({
      title: "T",
      groups: [{ heading: "Empty", articles: [] }, { articles: [article({ url: "javascript:alert(1)", label: "Not linked" })] }],
    });
    expect(markdown).toContain("## Empty\n\n*No articles.*");
    expect(markdown).toContain("- Not linked — Heroku\\");
    expect(allNodes(readMarkdown(markdown)).some((node) => node.type === "link")).toBe(false);
  });

  it("keeps the order given, articles and groups alike", () => {
    const labels = ["Zeta", "Alpha", "Mu"];
    const markdown = readingList({ title: "T", groups: [{ heading: "B", articles: labels.map((label) => article({ label, url: undefined })) }, { heading: "A", articles: [] }] });
    const items = [...markdown.matchAll(/^- (\w+)/gm)].map((match) => match[1]);
    expect(items).toEqual(labels);
    expect(markdown.indexOf("## B")).toBeLessThan(markdown.indexOf("## A"));
  });

  it("links only the articles' own web URLs and makes no HTML, heading or extra list, whatever the text (property)", () => {
    const hostileText = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "# heading",
        "1. one",
        "- item",
        "> quote",
        "https://evil.example",
        "www.evil.example",
        "a@evil.example",
        "![i](https://evil.example/i.png)",
        "`code`",
        "| a | b |\n|---|---|",
        "line\n\n# two",
        "&lt;b&gt;",
        "text\\",
      ),
      fc.array(fc.constantFrom(..."[]()<>*_`#|!\\&:/@.-=+ \n1w"), { maxLength: 20 }).map((chars) => chars.join("")),
    );
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom("https://example.com/a_(b)?q=<c>&amp;d", "javascript:alert(1)", "data:text/html,<b>", "/relative", ""),
    );
    const anArticle = fc.record({
      label: hostileText,
      source: hostileText,
      section: hostileText,
      subsection: hostileText,
      description: hostileText,
      insights: fc.array(hostileText, { maxLength: 3 }),
      url: fc.option(url, { nil: undefined }),
      links: fc.array(fc.record({ text: hostileText, url }), { maxLength: 2 }),
      year: fc.option(fc.integer({ min: 1950, max: 2030 }), { nil: undefined }),
    });
    const groups = fc.array(fc.record({ heading: fc.option(hostileText, { nil: undefined }), note: fc.option(hostileText, { nil: undefined }), articles: fc.array(anArticle, { maxLength: 3 }) }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(hostileText, groups, (title, input) => {
        const markdown = readingList({ title, intro: title, groups: input });
        const nodes = allNodes(readMarkdown(markdown));
        expect(nodes.filter((node) => node.type === "html")).toEqual([]);
        // Links: exactly the articles' own web URLs (main and further), none other.
        const allowed = new Set(input.flatMap((group) => group.articles.flatMap((a) => [a.url, ...a.links.map((l) => l.url)])).map(linkTargetAsRead).filter((u) => u !== undefined));
        for (const link of nodes.filter((node): node is Link => node.type === "link")) expect(allowed).toContain(link.url);
        expect(nodes.some((node) => node.type === "image" || node.type === "linkReference" || node.type === "imageReference" || node.type === "definition")).toBe(false);
        // Headings: the title and one per group with a heading that has text.
        const headings = nodes.filter((node) => node.type === "heading");
        const wantHeadings = 1 + input.filter((group) => (group.heading ?? "").trim() !== "").length;
        expect(headings).toHaveLength(wantHeadings);
        expect(shown(textOf(headings[0]!))).toBe(title.replace(/\s+/g, " ").trim());
        // Lists: one item per article, and one more per insight with text.
        const items = nodes.filter((node) => node.type === "listItem");
        const articles = input.flatMap((group) => group.articles);
        const insights = articles.flatMap((a) => a.insights).filter((text) => text.trim() !== "");
        expect(items).toHaveLength(articles.length + insights.length);
        expect(nodes.some((node) => node.type === "code" || node.type === "blockquote" || node.type === "table" || node.type === "thematicBreak")).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
