import { describe, expect, it } from "vitest";
import { buildFromSources, PIPELINE_STAGES, SourceError, type PipelineProgress, type SourceText } from "../../../src/core/pipeline/index";
import { lexicon } from "../extract/helpers";

const LEXICON = lexicon([
  { name: "PostgreSQL", type: "technology", aliases: ["Postgres"] },
  { name: "Write-ahead logging", type: "technique", aliases: ["WAL"] },
  { name: "Uber", type: "organization" },
]);

const TEXT: SourceText = {
  name: "bookmarks.txt",
  format: "text",
  text: [
    "# Case Studies",
    "- How Uber runs PostgreSQL -- Uber moved back to Postgres and tuned its WAL.",
    "- Postgres WAL internals -- How write-ahead logging keeps PostgreSQL durable.",
    "- Uber's load shedding -- Uber drops work early.",
  ].join("\n"),
};

const MARKDOWN: SourceText = {
  name: "list.md",
  format: "markdown",
  text: "# Reading\n\n- [WAL in PostgreSQL](https://example.org/wal) — write-ahead logging explained\n",
};

describe("buildFromSources: the whole build from text", () => {
  it("builds the graph the lists describe, named after them", () => {
    const graph = buildFromSources([TEXT, MARKDOWN], LEXICON);
    const articles = graph.filterNodes((_, attr) => attr.kind === "article");
    expect(articles).toHaveLength(4);
    expect(graph.getAttribute("name")).toBe("bookmarks.txt + list.md");
    expect(graph.hasNode("entity:postgresql")).toBe(true);
    // Laid out: every node has a place.
    graph.forEachNode((_, attr) => expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true));
  });

  it("is deterministic: the same text gives the same serialised graph", () => {
    expect(JSON.stringify(buildFromSources([TEXT], LEXICON).export())).toBe(JSON.stringify(buildFromSources([TEXT], LEXICON).export()));
  });

  it("says each stage in order, its start and its end once, and articles read while extracting", () => {
    const said: PipelineProgress[] = [];
    buildFromSources([TEXT, MARKDOWN], LEXICON, { onProgress: (progress) => said.push(progress) });
    const ends = said.filter((p) => p.done === p.total).map((p) => p.stage);
    expect(ends).toEqual([...PIPELINE_STAGES]);
    const stages = said.map((p) => p.stage).filter((stage, i, all) => all[i - 1] !== stage);
    expect(stages).toEqual([...PIPELINE_STAGES]);
    const extracting = said.filter((p) => p.stage === "extract");
    expect(extracting.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(extracting.every((p) => p.total === 4)).toBe(true);
    for (const p of said) expect(p.done).toBeLessThanOrEqual(p.total);
  });

  it("names the list and line of a problem, in one line", () => {
    const broken: SourceText = { name: "mine.txt", format: "text", text: "# A\n- Good -- fine\n-\n-\n" };
    const error = (() => {
      try {
        buildFromSources([TEXT, broken], LEXICON);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SourceError);
    expect(String(error)).toMatch(/^mine\.txt:3: .+$/);
  });

  it("refuses a list with no entries, and no list at all", () => {
    expect(() => buildFromSources([{ name: "empty.md", format: "markdown", text: "# Nothing here\n\nJust prose.\n" }], LEXICON)).toThrow(
      /no entries found/,
    );
    try {
      buildFromSources([{ name: "blank.txt", format: "text", text: "  \n" }], LEXICON);
    } catch (error) {
      expect(String(error)).toBe("blank.txt: file is empty");
    }
    expect(() => buildFromSources([], LEXICON)).toThrow(SourceError);
  });
});
