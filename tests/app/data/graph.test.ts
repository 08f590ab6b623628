import { describe, expect, it } from "vitest";
import { GraphLoadError, parseGraph, sectionPath } from "../../../src/app/data/graph";
import { fixtureGraphJson } from "../fixtures/graph";

describe("parseGraph", () => {
  it("reads graph.json as written by the build", () => {
    const data = fixtureGraphJson();
    const graph = parseGraph(JSON.stringify(data));
    expect(graph.order).toBe(data.nodes.length);
    expect(graph.size).toBe(data.edges.length);
    expect(graph.type).toBe("directed");
  });

  it.each([
    ["", /not valid JSON/],
    ['{"nodes": [{"key": ', /not valid JSON/],
    ["[]", /not a graph/],
    ['{"nodes": []}', /not a graph/],
    ['{"nodes": [{"key": "a"}], "edges": []}', /without key or attributes/],
    ['{"nodes": [{"key": "a", "attributes": {"label": "A"}}], "edges": []}', /a has no kind or label/],
    ['{"nodes": [{"key": "a", "attributes": {"kind": "entity", "label": "A"}}], "edges": []}', /a has no position/],
  ])("explains what is wrong with %j", (text, message) => {
    expect(() => parseGraph(text)).toThrow(GraphLoadError);
    expect(() => parseGraph(text)).toThrow(message);
  });

  it("rejects an edge to an unknown node and an edge without evidence", () => {
    const node = (key: string, kind: string) => ({ key, attributes: { kind, label: key, x: 0, y: 0 } });
    const unknown = { nodes: [node("article:a", "article")], edges: [{ source: "article:a", target: "entity:b", attributes: {} }] };
    expect(() => parseGraph(JSON.stringify(unknown))).toThrow(GraphLoadError);
    const bare = {
      nodes: [node("article:a", "article"), node("entity:b", "entity")],
      edges: [{ source: "article:a", target: "entity:b", attributes: { kind: "mentions" } }],
    };
    expect(() => parseGraph(JSON.stringify(bare))).toThrow(/has no evidence/);
  });
});

describe("sectionPath", () => {
  it("joins section and subsection, or gives the section alone", () => {
    expect(sectionPath({ section: "Techniques", subsection: "I/O" })).toBe("Techniques › I/O");
    expect(sectionPath({ section: "Case Studies", subsection: "" })).toBe("Case Studies");
    expect(sectionPath({ section: "", subsection: "" })).toBe("");
  });
});
