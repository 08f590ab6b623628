import fc from "fast-check";
import type { Link } from "mdast";
import { describe, expect, it } from "vitest";
import { WORD_JOINER, escapeText, linkTarget, linkTargetAsRead } from "../../../src/core/handout/markdown";
import { allNodes, readMarkdown, textOf } from "./parse";

/** What shows of a text read back: word joiners (see escapeText) show as nothing. */
const shown = (text: string) => text.replaceAll(WORD_JOINER, "");

/** What a reader makes of `escaped` written as one list item's text: its nodes and the text that shows. */
function readItem(escaped: string) {
  const tree = readMarkdown(`- ${escaped}\n`);
  const item = tree.children[0];
  return { tree, item, text: item ? shown(textOf(item)) : "" };
}

describe("escapeText", () => {
  it("leaves plain words as written", () => {
    expect(escapeText("Scaling Postgres at Notion (2021)")).toBe("Scaling Postgres at Notion (2021)");
  });

  it("puts a text on one line: runs of whitespace, newlines included, become one space", () => {
    expect(escapeText("  two\n\nlines\tand   spaces ")).toBe("two lines and spaces");
  });

  const hostile: [string, string][] = [
    ["a link", "[click](javascript:alert(1))"],
    ["an image", "![x](https://evil.example/x.png)"],
    ["raw HTML", "<img src=x onerror=alert(1)>"],
    ["an autolink", "<https://evil.example>"],
    ["a bare URL (GFM)", "see https://evil.example/path now"],
    ["a www address (GFM)", "www.evil.example"],
    ["an e-mail address (GFM)", "write to someone@evil.example"],
    ["an entity", "AT&amp;T &lt;b&gt;"],
    ["emphasis", "*very* __strong__ ~~gone~~"],
    ["code", "`rm -rf` and ``more``"],
    ["a reference link", "[label][ref]"],
    ["a footnote", "[^1]"],
    ["a table row", "| a | b |"],
    ["a trailing backslash (hard break)", "ends with \\"],
  ];
  it.each(hostile)("keeps %s as the characters written", (_name, text) => {
    const { tree, text: read } = readItem(escapeText(text));
    expect(read).toBe(text);
    const kinds = new Set(allNodes(tree).map((node) => node.type));
    expect([...kinds].sort()).toEqual(["list", "listItem", "paragraph", "root", "text"]);
  });

  it("keeps a bare address as text with an invisible word joiner, where GFM would link it", () => {
    expect(escapeText("see https://example.com or www.example.com, write to a@example.com")).toBe(
      `see https:${WORD_JOINER}//example.com or www${WORD_JOINER}.example.com, write to a@${WORD_JOINER}example.com`,
    );
  });

  const blockStarts: [string, string][] = [
    ["an ATX heading", "# Not a heading"],
    ["a heading's closing sequence", "Title ##"],
    ["a quote", "> quoted"],
    ["a bullet", "- item"],
    ["a plus bullet", "+ item"],
    ["a star bullet", "* item"],
    ["an ordered item", "1. first"],
    ["an ordered item with a parenthesis", "2) second"],
    ["a thematic break", "---"],
    ["a setext underline", "==="],
    ["a fence", "```js"],
    ["a tilde fence", "~~~"],
  ];
  it.each(blockStarts)("keeps %s at the start of a line as text", (_name, text) => {
    // Both where a hand-out puts text: at the start of a paragraph, and as a list item's text.
    for (const markdown of [`${escapeText(text)}\n`, `- ${escapeText(text)}\n`]) {
      const tree = readMarkdown(markdown);
      const kinds = new Set(allNodes(tree).map((node) => node.type));
      expect(kinds.has("heading") || kinds.has("blockquote") || kinds.has("code") || kinds.has("thematicBreak")).toBe(false);
      expect(shown(textOf(tree))).toBe(text);
    }
  });

  it("keeps any text exactly, as plain text only (property)", () => {
    const syntax = fc.constantFrom(..."\\`*_[]<>()&|~@#!+-=.:/ \n\t1wh".split(""), "http://", "https://", "www.", "&amp;", "<b>", "](", "![", "1.");
    fc.assert(
      fc.property(fc.array(fc.oneof(syntax, fc.string({ maxLength: 4 })), { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        const { tree, text: read } = readItem(escapeText(text));
        expect(read).toBe(text.replace(/\s+/g, " ").trim());
        for (const node of allNodes(tree)) expect(["root", "list", "listItem", "paragraph", "text"]).toContain(node.type);
      }),
      { numRuns: 500 },
    );
  });
});

describe("linkTarget", () => {
  it("links http and https URLs as the URL parser writes them", () => {
    expect(linkTarget("https://example.com/a b")).toBe("https://example.com/a%20b");
    expect(linkTarget("HTTP://Example.COM")).toBe("http://example.com/");
  });

  it("links nothing else", () => {
    for (const raw of [undefined, "", "javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "mailto:a@b.c", "/relative", "ftp://host/x", "https://"]) {
      expect(linkTarget(raw)).toBeUndefined();
    }
  });

  it("encodes what would end or escape a destination, and what a reader would decode", () => {
    const raw = "https://example.com/wiki/Queue_(abstract)?q=<x>&amp;y=\\";
    const target = linkTarget(raw)!;
    expect(target).not.toMatch(/[()<>\s]/);
    const tree = readMarkdown(`[x](${target})\n`);
    const links = allNodes(tree).filter((node): node is Link => node.type === "link");
    expect(links.map((link) => link.url)).toEqual([linkTargetAsRead(raw)]);
    // The same page: only characters that mean the same encoded have changed.
    expect(decodeURI(linkTargetAsRead(raw)!.replace(/%28/g, "(").replace(/%29/g, ")"))).toBe(decodeURI(new URL(raw).href));
  });
});
