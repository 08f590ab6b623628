/**
 * Hostile text in every export: quotes, commas, line breaks, `<`, `&`, `]]>`, control characters,
 * lone surrogates, leading and trailing blanks. CSV and JSON carry any text exactly; GEXF and
 * GraphML carry exactly what XML 1.0 can hold (everything but most control characters, lone
 * surrogates, U+FFFE and U+FFFF, which become U+FFFD), and stay well-formed whatever the text.
 */
import { csvParse } from "d3-dsv";
import fc from "fast-check";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { SerializedGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import { toCsv, toGexf, toGraphml, toJson } from "../../../src/core/exports/index";
import { xmlSafe } from "../../../src/core/exports/xml";
import type { InsightGraph } from "../../../src/core/graph/build";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../../src/core/graph/types";
import { elementsNamed, readXml } from "./xml-reader";

/** Pieces that break naive writers, mixed with any text (lone surrogates included). */
const NASTY = ['"', "'", ",", ";", "\n", "\r\n", "\r", "\t", "<", ">", "&", "&amp;", "]]>", "<!--", "\u0000", "\u0001", "\u001f", "\u007f", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\u0085", "\u2028", "\u2029", "😀", " ", "=SUM(A1)", "|"];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary" }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(""))
  .filter((text) => text !== "");

/** Characters a well-formed XML 1.0 document may hold. */
const XML_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** One article naming one concept, with `text` in every field that carries document text. */
function graphOf(text: string): InsightGraph {
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed" });
  graph.replaceAttributes({ name: text, inputs: [text], sections: [] });
  graph.addNode("article:a", {
    kind: "article",
    label: text,
    description: text,
    section: text,
    subsection: "",
    insights: [text, `second ${text}`],
    note: text,
    source: text,
    url: "https://example.org/?a=1&b=\"2\"",
    inputs: ["list.md"],
    entryKind: "bookmark",
    x: 1.5,
    y: -2,
    size: 3,
    color: "#123abc",
  });
  graph.addNode("entity:b", { kind: "entity", type: "technique", label: text, aliases: [text], articleCount: 1, x: 0, y: 0, size: 1, color: "#000000" });
  graph.addDirectedEdgeWithKey("article:a->entity:b", "article:a", "entity:b", {
    kind: "mentions",
    weight: 1,
    evidence: [{ field: "title", index: 0, start: 0, end: text.length }],
  });
  return graph;
}

describe("hostile text", () => {
  it("round-trips exactly through CSV, fields and all", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const { nodes, edges } = toCsv(graphOf(text));
        const [article, entity] = csvParse(nodes);
        expect([article!.label, article!.description, article!.note, entity!.label, entity!.aliases]).toEqual([text, text, text, text, text]);
        expect(csvParse(edges)[0]!.evidence).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips exactly through JSON", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const back = Graph.from(JSON.parse(toJson(graphOf(text))) as SerializedGraph);
        expect(back.getNodeAttribute("article:a", "label")).toBe(text);
      }),
    );
  });

  it("keeps GEXF well-formed, and its labels and attributes read back as XML can carry them", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const gexf = toGexf(graphOf(text));
        expect(gexf).toMatch(XML_TEXT);
        const expected = xmlSafe(text);
        const back = parseGexf(Graph, gexf);
        expect(back.getNodeAttribute("article:a", "label")).toBe(expected);
        expect(back.getNodeAttribute("article:a", "description")).toBe(expected);
        expect(back.getNodeAttribute("entity:b", "aliases")).toBe(expected);
        // graphology-gexf skips a <meta> field holding only blanks.
        expect(back.getAttribute("description")).toBe(expected.trim() === "" ? undefined : expected);
        const independent = readXml(gexf);
        expect(elementsNamed(independent, "node").map((node) => node.attributes.label)).toEqual([expected, expected]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps GraphML well-formed, and its labels and attributes read back as XML can carry them", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const graphml = toGraphml(graphOf(text));
        expect(graphml).toMatch(XML_TEXT);
        const expected = xmlSafe(text);
        const back = parseGraphml(Graph, graphml);
        expect(back.getNodeAttribute("article:a", "label")).toBe(expected);
        expect(back.getNodeAttribute("article:a", "insights")).toBe(`${expected} | second ${expected}`);
        expect(back.getAttribute("name")).toBe(expected);
        const independent = readXml(graphml);
        const labelKey = elementsNamed(independent, "key").find((key) => key.attributes["attr.name"] === "label")!.attributes.id;
        const labels = elementsNamed(independent, "data").filter((data) => data.attributes.key === labelKey);
        expect(labels.map((data) => data.text)).toEqual([expected, expected]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("xmlSafe", () => {
  it("replaces only what XML 1.0 cannot hold", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000bd\u001fe")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(xmlSafe("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
    expect(xmlSafe("\uD800x\uDC00")).toBe("\uFFFDx\uFFFD");
    expect(xmlSafe("😀 ü \uFFFE\uFFFF")).toBe("😀 ü \uFFFD\uFFFD");
  });

  it("refuses node keys XML cannot carry rather than change an identity", () => {
    const graph = graphOf("x");
    graph.addNode("entity:\u0001", { kind: "entity", type: "technique", label: "x", aliases: [], articleCount: 0, x: 0, y: 0, size: 1, color: "#000" });
    expect(() => toGexf(graph)).toThrow(/holds a character XML cannot carry/);
    expect(() => toGraphml(graph)).toThrow(/holds a character XML cannot carry/);
  });
});
