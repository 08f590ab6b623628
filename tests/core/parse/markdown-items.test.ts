/**
 * Markdown: which link of an item is its entry, and what becomes of the words and links around it.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";

const entriesOf = (markdown: string) => parseDocument(markdown, "markdown").entries;
const only = (markdown: string) => {
  const entries = entriesOf(markdown);
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

describe("Markdown: an item is an entry wherever its link stands", () => {
  it("takes a year standing alone before the link, and keeps the venue after it as the description", () => {
    const entry = only("- 1979, [Access Path Selection in a Relational Database](https://example.com/selinger.pdf), SIGMOD\n");
    expect(entry).toMatchObject({ title: "Access Path Selection in a Relational Database", year: 1979, description: "SIGMOD", source: "" });
  });

  it("takes a year as the last comma-separated part after the link", () => {
    expect(only("- [The Paper](https://example.com/p), VLDB, 1999\n")).toMatchObject({ description: "VLDB", year: 1999 });
    expect(only("- [The Paper](https://example.com/p) (2004)\n")).toMatchObject({ description: "", year: 2004 });
    // A year inside other words is not stated plainly: no year.
    expect(only("- [The Paper](https://example.com/p) - SIGMOD 1979\n")).not.toHaveProperty("year");
  });

  it("reads words on both sides as one sentence, and keeps the person's link among the further links", () => {
    const entry = only("* CMU [Advanced Database Systems](https://15721.courses.cs.cmu.edu/), thanks to [Andy Pavlo](https://www.cs.cmu.edu/~pavlo/)\n");
    expect(entry).toMatchObject({
      title: "Advanced Database Systems",
      url: "https://15721.courses.cs.cmu.edu/",
      description: "CMU Advanced Database Systems, thanks to Andy Pavlo",
      links: [{ text: "Andy Pavlo", url: "https://www.cs.cmu.edu/~pavlo/" }],
    });
  });

  it("keeps the words after a link, bracketed notes included, and strong links", () => {
    expect(only("- [Crafting Interpreters](https://craftinginterpreters.com/contents.html) [Free]\n")).toMatchObject({ title: "Crafting Interpreters", description: "[Free]" });
    expect(only("- **[Title in Bold](https://example.com/b)**\n")).toMatchObject({ title: "Title in Bold", description: "" });
    expect(only("- Some words [A Tool](https://example.com/tool) more words\n")).toMatchObject({ title: "A Tool", description: "Some words A Tool more words" });
    expect(only("- Read this: [A Post](https://example.com/post)\n")).toMatchObject({ title: "A Post", description: "Read this" });
  });

  it("prefers the work to a person's page: home pages and links introduced as a person lose to a later link", () => {
    expect(only("- [Jane Doe](https://janedoe.example/): [Her Paper](https://example.com/paper.pdf)\n")).toMatchObject({
      title: "Her Paper",
      links: [{ text: "Jane Doe", url: "https://janedoe.example/" }],
    });
    expect(only("- [jdoe](https://github.com/jdoe) / [jdoe/tool](https://github.com/jdoe/tool)\n")).toMatchObject({ title: "jdoe/tool" });
    expect(only("- Slides by [Jane Doe](https://example.com/people/jane), [The Talk](https://example.com/talk)\n")).toMatchObject({ title: "The Talk" });
    // With no better link, the person's page is the entry's link.
    expect(only("- [Jane Doe](https://janedoe.example/) - her home page\n")).toMatchObject({ title: "Jane Doe", description: "her home page" });
    // Otherwise the first link to a page wins.
    expect(only("- [The Work](https://example.com/w) ([translation](https://example.org/w-fr))\n")).toMatchObject({
      title: "The Work",
      links: [{ text: "translation", url: "https://example.org/w-fr" }],
    });
  });

  it("is no entry with only in-page, relative or non-web links; those are not further links either when in-page", () => {
    expect(() => parseDocument("- [Contents](#contents)\n- [Guide](CONTRIBUTING.md)\n- [Mail](mailto:a@example.com)\n", "markdown")).toThrow("no entries found");
    expect(only("- [A](https://example.com/a) see [below](#below) and [mail](mailto:a@example.com)\n").links).toEqual([
      { text: "mail", url: "mailto:a@example.com" },
    ]);
  });

  it("reads reference links through their definitions", () => {
    expect(only("- [The Paper][p] - notes\n\n[p]: https://example.com/p\n")).toMatchObject({ title: "The Paper", url: "https://example.com/p", description: "notes" });
  });

  it("finds items at any depth, under plain items and in block quotes, and nested plain bullets stay insights", () => {
    const entries = entriesOf("- Papers\n  - [Deep](https://example.com/deep)\n    - a note\n> - [Quoted](https://example.com/q)\n");
    expect(entries.map((e) => [e.title, e.insights, e.line])).toEqual([
      ["Deep", ["a note"], 2],
      ["Quoted", [], 4],
    ]);
  });
});

describe("Markdown: table rows", () => {
  const table = [
    "## Architectures",
    "",
    "| Company | Reference(s) |",
    "|---|---|",
    "| Amazon | [Amazon architecture](https://example.com/amazon) |",
    "| Twitter | [Timelines at scale](https://example.com/timelines)<br/>[Big data at Twitter](https://example.com/big) |",
    "| Nobody | no link |",
    "| Contents | [Back to top](#top) |",
    "",
    "| Question | Reference(s) |",
    "|---|---|",
    "| Design a cache like Memcached | [slideshare.net](https://slideshare.example/memcached) |",
  ].join("\n");
  const entries = entriesOf(table);

  it("makes an entry of each row with a link to a page, the header naming the other cells in the description", () => {
    expect(entries.map((e) => e.title)).toEqual(["Amazon architecture", "Timelines at scale", "Design a cache like Memcached"]);
    expect(entries[0]).toMatchObject({ description: "Company: Amazon", url: "https://example.com/amazon", section: "Architectures", line: 5 });
    expect(entries[1]).toMatchObject({ description: "Company: Twitter", links: [{ text: "Big data at Twitter", url: "https://example.com/big" }], line: 6 });
  });

  it("takes the title from the nearest cell with words when the link text only spells an address", () => {
    expect(entries[2]).toMatchObject({ title: "Design a cache like Memcached", description: "", url: "https://slideshare.example/memcached", line: 12 });
  });
});
