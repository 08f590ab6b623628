import { describe, expect, it } from "vitest";
import { identity, mergeDocuments, TEXT_JOINER } from "../../../src/core/parse/merge";
import type { Entry, ParsedDocument } from "../../../src/core/types";
import { entry as bookmark } from "../extract/helpers";

function entry(title: string, extra: Partial<Entry> = {}): Entry {
  return bookmark({ title, ...extra });
}

function doc(entries: Entry[], sections: ParsedDocument["sections"] = [], title = ""): ParsedDocument {
  return { title, sections, entries };
}

describe("mergeDocuments", () => {
  it("keeps a single input as it is, stamping its entries with the input's name", () => {
    const only = doc([entry("A", { url: "https://a.example/" }), entry("B")], [{ name: "S", subsections: ["T"] }], "List");
    const merged = mergeDocuments([{ name: "list.md", doc: only }]);
    expect(merged.title).toBe("List");
    expect(merged.sections).toEqual(only.sections);
    expect(merged.entries).toEqual(only.entries.map((e) => ({ ...e, inputs: ["list.md"] })));
  });

  it("does not change the documents it is given", () => {
    const first = doc([entry("A", { insights: ["one"], links: [{ text: "t", url: "https://t.example/" }] })]);
    const second = doc([entry("a", { insights: ["two"], links: [{ text: "u", url: "https://u.example/" }] })]);
    const frozen = structuredClone([first, second]);
    mergeDocuments([
      { name: "1", doc: first },
      { name: "2", doc: second },
    ]);
    expect([first, second]).toEqual(frozen);
  });

  it("makes one article of the same page, whatever the scheme, host case, www., trailing slash or fragment", () => {
    const merged = mergeDocuments([
      { name: "a.md", doc: doc([entry("Little's Law", { url: "https://www.Example.org/ll/" })]) },
      { name: "b.html", doc: doc([entry("Little’s law (blog)", { url: "http://example.org/ll#top" })]) },
    ]);
    expect(merged.entries).toHaveLength(1);
    expect(merged.entries[0]).toMatchObject({ title: "Little's Law", url: "https://www.Example.org/ll/", inputs: ["a.md", "b.html"] });
  });

  it("keeps pages that differ in their query apart", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("Thread", { url: "https://news.example/item?id=1" })]) },
      { name: "b", doc: doc([entry("Thread", { url: "https://news.example/item?id=2" })]) },
    ]);
    expect(merged.entries).toHaveLength(2);
  });

  it("makes one article of the same title when neither has a URL, ignoring case and spacing", () => {
    const merged = mergeDocuments([
      { name: "a.txt", doc: doc([entry("CoDel at  Uber")]) },
      { name: "b.txt", doc: doc([entry("codel at uber ")]) },
    ]);
    expect(merged.entries.map((e) => [e.title, e.inputs])).toEqual([["CoDel at  Uber", ["a.txt", "b.txt"]]]);
  });

  it("never merges by title an entry that has a URL with one that has none", () => {
    const merged = mergeDocuments([
      { name: "a.txt", doc: doc([entry("CoDel")]) },
      { name: "b.md", doc: doc([entry("CoDel", { url: "https://codel.example/" })]) },
    ]);
    expect(merged.entries).toHaveLength(2);
  });

  it("keeps the entries of one input as written, even when two of them are the same page", () => {
    const twice = doc([
      entry("Raft", { url: "https://raft.github.io/", section: "Consensus" }),
      entry("Raft", { url: "https://raft.github.io", section: "Papers" }),
    ]);
    expect(mergeDocuments([{ name: "a.md", doc: twice }]).entries).toHaveLength(2);
    // A later input's copy joins the first of them.
    const merged = mergeDocuments([
      { name: "a.md", doc: twice },
      { name: "b.md", doc: doc([entry("Raft site", { url: "https://raft.github.io/#x" })]) },
    ]);
    expect(merged.entries.map((e) => e.inputs)).toEqual([["a.md", "b.md"], ["a.md"]]);
  });

  it("lets the first occurrence decide title, section, subsection, source, url, year and line", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("Spanner", { section: "Storage", subsection: "SQL", source: "Google", line: 3 })]) },
      {
        name: "b",
        doc: doc([entry("SPANNER", { section: "Papers", subsection: "2012", source: "OSDI", year: 2012, line: 40 })]),
      },
    ]);
    expect(merged.entries[0]).toMatchObject({
      title: "Spanner",
      section: "Storage",
      subsection: "SQL",
      source: "Google",
      year: 2012,
      line: 3,
    });
  });

  it("prefers the bookmark to a See Also reference", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("Queues", { kind: "reference" })]) },
      { name: "b", doc: doc([entry("Queues")]) },
    ]);
    expect(merged.entries[0]!.kind).toBe("bookmark");
  });

  it("keeps distinct descriptions and notes, and drops one the other already says", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("X", { description: "Load shedding at Uber", note: "(article unavailable)" })]) },
      { name: "b", doc: doc([entry("X", { description: "load  shedding", note: "" })]) },
      { name: "c", doc: doc([entry("X", { description: "With CoDel", note: "(paywalled)" })]) },
      { name: "d", doc: doc([entry("Y")]) },
      { name: "e", doc: doc([entry("Y", { description: "Only here" })]) },
    ]);
    expect(merged.entries[0]).toMatchObject({
      description: `Load shedding at Uber${TEXT_JOINER}With CoDel`,
      note: `(article unavailable)${TEXT_JOINER}(paywalled)`,
    });
    expect(merged.entries[1]!.description).toBe("Only here");
  });

  it("concatenates insights, dropping exact duplicates and keeping order", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("X", { insights: ["one", "two"] })]) },
      { name: "b", doc: doc([entry("X", { insights: ["two", "three", "one", "four"] })]) },
    ]);
    expect(merged.entries[0]!.insights).toEqual(["one", "two", "three", "four"]);
  });

  it("gathers further links, one per page, never the article's own", () => {
    const merged = mergeDocuments([
      {
        name: "a",
        doc: doc([entry("Paper", { url: "https://p.example/", links: [{ text: "Talk", url: "https://talk.example/v" }] })]),
      },
      {
        name: "b",
        doc: doc([
          entry("Paper", {
            url: "https://p.example",
            links: [
              { text: "Video", url: "http://talk.example/v/" },
              { text: "PDF", url: "https://p.example/#pdf" },
              { text: "Translation", url: "https://zh.example/p" },
            ],
          }),
        ]),
      },
    ]);
    expect(merged.entries[0]!.links).toEqual([
      { text: "Talk", url: "https://talk.example/v" },
      { text: "Translation", url: "https://zh.example/p" },
    ]);
  });

  it("keeps the earliest time a bookmark was added", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("X", { url: "https://x.example/", addedAt: "2021-03-01T00:00:00.000Z" })]) },
      { name: "b", doc: doc([entry("X", { url: "https://x.example/", addedAt: "2019-07-01T00:00:00.000Z" })]) },
    ]);
    expect(merged.entries[0]!.addedAt).toBe("2019-07-01T00:00:00.000Z");
  });

  it("names an input once on an article, however often the input repeats it", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([entry("X")]) },
      { name: "b", doc: doc([entry("X"), entry("x")]) },
    ]);
    expect(merged.entries.map((e) => e.inputs)).toEqual([["a", "b"]]);
  });

  it("unites the outlines in input order, each section with the union of its subsections", () => {
    const merged = mergeDocuments([
      { name: "a", doc: doc([], [{ name: "Storage", subsections: ["SQL", "KV"] }, { name: "Queues", subsections: [] }]) },
      { name: "b", doc: doc([], [{ name: "Papers", subsections: ["2012"] }, { name: "Storage", subsections: ["KV", "Logs"] }], "B") },
    ]);
    expect(merged.sections).toEqual([
      { name: "Storage", subsections: ["SQL", "KV", "Logs"] },
      { name: "Queues", subsections: [] },
      { name: "Papers", subsections: ["2012"] },
    ]);
    expect(merged.title).toBe("B");
  });

  it("takes time linear in the number of entries", () => {
    const inputs = (n: number) =>
      ["a", "b"].map((name) => ({
        name,
        doc: doc(Array.from({ length: n }, (_, i) => entry(`${name} ${i}`, { url: `https://x.example/${i % (n / 2)}`, insights: [`i${i}`] }))),
      }));
    const time = (n: number) => {
      const given = inputs(n);
      const started = performance.now();
      const merged = mergeDocuments(given);
      const elapsed = performance.now() - started;
      expect(merged.entries).toHaveLength(n);
      expect(merged.entries[0]!.insights).toEqual(["i0", `i${n / 2}`]);
      return elapsed;
    };
    time(2_000); // warm up
    const small = Math.min(time(5_000), time(5_000));
    const large = Math.min(time(20_000), time(20_000));
    // Four times the entries: about four times the time; a quadratic merge would take sixteen.
    expect(large / small).toBeLessThan(9);
  });
});

describe("identity", () => {
  it("is the page for a web URL, the URL as written for another, the normalised title otherwise", () => {
    expect(identity(entry("A", { url: "HTTPS://www.example.org/a/#b" }))).toBe(identity(entry("B", { url: "http://example.org/a" })));
    expect(identity(entry("A", { url: "javascript:alert(1)" }))).not.toBe(identity(entry("A", { url: "javascript:alert(2)" })));
    expect(identity(entry("Little's  LAW"))).toBe(identity(entry(" little's law")));
    expect(identity(entry("A", { url: "" }))).toBe(identity(entry("a")));
  });
});
