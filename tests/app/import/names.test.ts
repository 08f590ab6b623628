/**
 * An import's names: the graph of several lists is named as the command line names it, the
 * lists are said in a sentence, and a download's file name is the lists' names, safe as a file name.
 */
import { describe, expect, it } from "vitest";
import { downloadName, listNames, NAME_JOINER } from "../../../src/app/import/names";

describe("NAME_JOINER", () => {
  it("is the command line's", async () => {
    const { NAME_JOINER: commandLine } = await import("../../../scripts/lib/build");
    expect(NAME_JOINER).toBe(commandLine);
  });
});

describe("listNames", () => {
  it.each([
    [["a.md"], "a.md"],
    [["a.md", "b.html"], "a.md and b.html"],
    [["a.md", "b.html", "c.txt"], "a.md, b.html and c.txt"],
  ])("%j: %s", (names, sentence) => {
    expect(listNames(names)).toBe(sentence);
  });
});

describe("downloadName", () => {
  it("is the list's name without its extension", () => {
    expect(downloadName("awesome-scalability.md", "json")).toBe("awesome-scalability.graph.json");
    expect(downloadName("bookmarks", "gexf")).toBe("bookmarks.graph.gexf");
  });

  it("joins several lists' names", () => {
    expect(downloadName("reading.md + bookmarks.html", "gexf")).toBe("reading+bookmarks.graph.gexf");
  });

  it("never holds a path or a character a file system refuses", () => {
    expect(downloadName('../a/b:c*"d".md', "json")).toBe("..-a-b-c-d-.graph.json");
    expect(downloadName(".md", "json")).toBe("graph.graph.json");
  });
});
