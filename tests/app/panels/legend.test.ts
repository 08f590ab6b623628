/**
 * The legend speaks of the view drawn: the shapes it shows and what its lines join, from what
 * the graph holds.
 */
import { describe, expect, it } from "vitest";
import type { EdgeKind } from "../../../src/core/graph/types";
import { drawable, viewKey, type Drawable, type Mark } from "../../../src/app/panels/legend";
import { viewsGraph } from "../data/views-fixture";

const holding = (marks: Mark[], edges: EdgeKind[]): Drawable => ({ marks: new Set(marks), edges: new Set(edges) });
const EVERYTHING = holding(["article", "organization", "technology", "technique", "person"], ["mentions", "broader", "related", "cooccurs"]);

describe("the legend of each view", () => {
  it("on the map: articles as squares and every concept type, lines from articles to the concepts they mention", () => {
    const key = viewKey("map", EVERYTHING);
    expect(key.marks).toEqual(["article", "organization", "technology", "technique", "person"]);
    expect(key.sizesAndLines).toBe(
      "Size: a concept grows with the number of articles that mention it; an article with the number of concepts it names. " +
        "Lines join an article to each concept it mentions, and a concept to a broader one (bluer).",
    );
    expect(key.regions).toMatch(/^Articles are squares, concepts circles; each colour is a region/);
  });

  it("among concepts: no article, lines between concepts that articles name together and to broader ones", () => {
    const key = viewKey("concepts", EVERYTHING);
    expect(key.marks).not.toContain("article");
    expect(key.marks).toEqual(["organization", "technology", "technique", "person"]);
    expect(key.sizesAndLines).toBe(
      "Size: a concept grows with the number of articles that mention it. " +
        "Lines join concepts that articles name together (more often than chance would), and a concept to a broader one (bluer).",
    );
    expect(key.sizesAndLines).not.toMatch(/mentions|square/);
    expect(key.regions).toMatch(/^Concepts are circles;/);
  });

  it("among articles: squares only, no concept type, lines between related articles", () => {
    const key = viewKey("articles", EVERYTHING);
    expect(key.marks).toEqual(["article"]);
    expect(key.sizesAndLines).toBe(
      "Size: an article grows with the number of concepts it names. Lines join related articles, which share specific concepts.",
    );
    expect(key.sizesAndLines).not.toMatch(/broader|circle/);
    expect(key.regions).toMatch(/^Articles are squares;/);
  });

  it("names only the marks and lines the graph has", () => {
    const handMade = holding(["article", "technology"], ["mentions"]);
    expect(viewKey("map", handMade).marks).toEqual(["article", "technology"]);
    expect(viewKey("map", handMade).sizesAndLines).toMatch(/Lines join an article to each concept it mentions\.$/);
    expect(viewKey("concepts", handMade).sizesAndLines).not.toMatch(/Lines/);
    expect(viewKey("articles", handMade).sizesAndLines).not.toMatch(/Lines/);
  });

  it("reads the marks and lines a graph holds", () => {
    const graph = viewsGraph();
    const holds = drawable(graph);
    expect(holds.marks.has("article")).toBe(true);
    const types = new Set<string>();
    graph.forEachNode((_node, attributes) => {
      if (attributes.kind === "entity") types.add(attributes.type);
    });
    expect([...holds.marks].filter((mark) => mark !== "article").sort()).toEqual([...types].sort());
    expect(holds.edges).toEqual(new Set(graph.mapEdges((_edge, attributes) => attributes.kind)));
  });
});
