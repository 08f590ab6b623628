import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../src/core/graph/build";
import { GEXF_CREATOR, LIST_SEPARATOR, toGexf } from "../../../src/core/exports/gexf";
import type { Entry } from "../../../src/core/types";

const entry: Entry = {
  kind: "bookmark",
  title: "CoDel & <queues> at Uber",
  description: "Load shedding",
  section: "Techniques",
  subsection: "",
  insights: ["LIFO under pressure", "Little's Law"],
  note: "",
  source: "Uber",
  url: "https://example.org/?a=1&b=2",
  line: 1,
};

describe("toGexf", () => {
  const graph = buildGraph(
    { title: "", sections: [], entries: [entry] },
    {
      entities: [{ id: "codel", name: "CoDel", type: "technique", aliases: ["Controlled Delay", "CoDel's"] }],
      mentions: [{ entry: 0, entity: "codel", evidence: [{ field: "title", index: 0, start: 0, end: 5 }, { field: "insight", index: 0, start: 0, end: 4 }] }],
    },
    { name: "test" },
  );
  const back = parse(Graph, toGexf(graph));

  it("keeps every node with its label, position, size and colour", () => {
    expect(back.order).toBe(graph.order);
    graph.forEachNode((node, attributes) => {
      expect(back.getNodeAttributes(node)).toMatchObject({
        label: attributes.label,
        x: attributes.x,
        y: attributes.y,
        size: attributes.size,
      });
      expect(back.getNodeAttribute(node, "color")).toMatch(/^rgb|^#/);
    });
  });

  it("keeps scalar attributes and joins lists, escaping document text as XML", () => {
    const article = back.getNodeAttributes("article:codel-queues-at-uber");
    expect(article.label).toBe("CoDel & <queues> at Uber");
    expect(article.url).toBe("https://example.org/?a=1&b=2");
    expect(article.insights).toBe(entry.insights.join(LIST_SEPARATOR));
    expect(back.getNodeAttribute("entity:codel", "aliases")).toBe(`Controlled Delay${LIST_SEPARATOR}CoDel's`);
    expect(back.getNodeAttribute("entity:codel", "articleCount")).toBe(1);
  });

  it("writes each node's community number as an integer node attribute, for Gephi to partition by", () => {
    expect(toGexf(graph)).toContain('<attribute id="community" title="community" type="integer"/>');
    graph.forEachNode((node, attributes) => {
      expect(attributes.community).toBeTypeOf("number");
      expect(back.getNodeAttribute(node, "community")).toBe(attributes.community);
    });
  });

  it("keeps each mention edge with its weight", () => {
    expect(back.size).toBe(1);
    expect(back.getEdgeAttribute(back.edges()[0]!, "weight")).toBe(2);
  });

  it("is a function of the graph alone: no time of writing, the same bytes every time", () => {
    const gexf = toGexf(graph);
    expect(gexf).not.toMatch(/lastmodifieddate/i);
    expect(toGexf(graph)).toBe(gexf);
  });

  it("writes only GEXF's own meta fields, and leaves the graph's attributes as they were", () => {
    const before = structuredClone(graph.getAttributes());
    const meta = /<meta>([\s\S]*)<\/meta>/.exec(toGexf(graph))?.[1] ?? "";
    expect(meta).toContain(`<creator>${GEXF_CREATOR}</creator>`);
    expect(meta).toContain("<description>test</description>");
    expect(meta.match(/<(\w+)>/g)).toEqual(["<creator>", "<description>"]);
    expect(graph.getAttributes()).toEqual(before);
  });
});

describe("toGexf with a build time", () => {
  const doc = { title: "", sections: [], entries: [entry] };
  const graph = buildGraph(doc, { entities: [], mentions: [] }, {
    name: "a.txt + b.md",
    inputs: ["a.txt", "b.md"],
    builtAt: new Date("2024-05-06T07:08:09Z"),
  });

  it("dates the file by the graph's build time (GEXF's lastmodifieddate is a date)", () => {
    expect(toGexf(graph)).toMatch(/<meta lastmodifieddate="2024-05-06">/);
  });

  it("describes a graph of several inputs by its name, which names them", () => {
    expect(toGexf(graph)).toContain("<description>a.txt + b.md</description>");
  });
});

describe("toGexf with broader concepts", () => {
  const graph = buildGraph(
    { title: "", sections: [], entries: [{ ...entry, title: "CoDel and active queue management" }] },
    {
      entities: [
        { id: "codel", name: "CoDel", type: "technique", aliases: [] },
        { id: "active-queue-management", name: "active queue management", type: "technique", aliases: [] },
      ],
      mentions: [
        { entry: 0, entity: "codel", evidence: [{ field: "title", index: 0, start: 0, end: 5 }] },
        { entry: 0, entity: "active-queue-management", evidence: [{ field: "title", index: 0, start: 10, end: 33 }] },
      ],
    },
    { name: "test", terms: [{ name: "CoDel", type: "technique", broader: ["active queue management"] }, { name: "active queue management", type: "technique" }] },
  );
  const back = parse(Graph, toGexf(graph));

  it("keeps every edge with its kind, and a broader edge with its origin", () => {
    const broader = back.findEdge((_e, a) => a.kind === "broader");
    expect(broader).toBeDefined();
    expect(back.extremities(broader!)).toEqual(["entity:codel", "entity:active-queue-management"]);
    expect(back.getEdgeAttributes(broader!)).toMatchObject({ kind: "broader", origin: "lexicon", weight: 1 });
    expect(back.filterEdges((_e, a) => a.kind === "mentions")).toHaveLength(2);
  });
});

describe("toGexf with related articles, co-occurring concepts, importance and view positions", () => {
  // Two groups: articles 0-3 name CoDel and active queue management, articles 4-7 Raft and Paxos.
  const entries = Array.from({ length: 8 }, (_, i) => ({ ...entry, title: `Article ${i}` }));
  const ids = ["codel", "aqm", "raft", "paxos"];
  const graph = buildGraph(
    { title: "", sections: [], entries },
    {
      entities: ids.map((id) => ({ id, name: id, type: "technique" as const, aliases: [] })),
      mentions: entries.flatMap((_, i) =>
        (i < 4 ? ["codel", "aqm"] : ["raft", "paxos"]).map((id) => ({ entry: i, entity: id, evidence: [{ field: "title" as const, index: 0, start: 0, end: 7 }] })),
      ),
    },
    { name: "test" },
  );
  graph.setNodeAttribute("entity:raft", "positions", { concepts: [1.5, -2] });
  graph.setNodeAttribute("article:article-0", "positions", { articles: [3, 4] });
  const gexf = toGexf(graph);
  const back = parse(Graph, gexf);

  it("writes related and co-occurrence edges as undirected edges of a graph whose default is directed", () => {
    expect(gexf).toContain('defaultedgetype="directed"');
    const related = back.filterEdges((_e, a) => a.kind === "related");
    const cooccurs = back.filterEdges((_e, a) => a.kind === "cooccurs");
    expect(related).toHaveLength(graph.filterEdges((_e, a) => a.kind === "related").length);
    expect(cooccurs).toHaveLength(2);
    for (const edge of [...related, ...cooccurs]) expect(back.isUndirected(edge)).toBe(true);
    back.forEachEdge((edge, attributes) => {
      if (attributes.kind === "mentions") expect(back.isDirected(edge)).toBe(true);
    });
  });

  it("keeps a related edge's weight and shared concepts (joined), and a co-occurrence's count and score", () => {
    const key = "article:article-0<-related->article:article-1";
    expect(back.getEdgeAttributes(key)).toMatchObject({ kind: "related", weight: 1, shared: `entity:aqm${LIST_SEPARATOR}entity:codel` });
    const original = graph.getEdgeAttributes("entity:paxos<-cooccurs->entity:raft");
    expect(back.getEdgeAttributes("entity:paxos<-cooccurs->entity:raft")).toMatchObject({ kind: "cooccurs", weight: 4, score: (original as { score: number }).score });
  });

  it("writes importance as a number and a node's places in the other views as numbers of their own", () => {
    expect(gexf).toMatch(/<attribute id="importance" title="importance" type="(double|float)"\/>/);
    graph.forEachNode((node, attributes) => expect(back.getNodeAttribute(node, "importance")).toBe(attributes.importance));
    expect(back.getNodeAttributes("entity:raft")).toMatchObject({ concepts_x: 1.5, concepts_y: -2 });
    expect(back.getNodeAttributes("article:article-0")).toMatchObject({ articles_x: 3, articles_y: 4 });
    expect(back.getNodeAttributes("entity:raft")).not.toHaveProperty("positions");
    expect(gexf).not.toContain("[object Object]");
  });
});

