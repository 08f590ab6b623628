import { describe, expect, it } from "vitest";
import { articleKeys, buildGraph } from "../../../src/core/graph/build";
import { assignLayout } from "../../../src/core/graph/layout";
import { entityColor, ARTICLE_COLOR } from "../../../src/core/graph/appearance";
import { undirectedKey } from "../../../src/core/graph/types";
import type { Entry, Extraction, ParsedDocument } from "../../../src/core/types";

function entry(title: string, extra: Partial<Entry> = {}): Entry {
  return {
    kind: "bookmark",
    title,
    description: "",
    section: "Techniques",
    subsection: "Queues",
    insights: [],
    note: "",
    source: "",
    line: 1,
    ...extra,
  };
}

const doc: ParsedDocument = {
  title: "Test",
  sections: [{ name: "Techniques", subsections: ["Queues"] }],
  entries: [
    entry("CoDel at Uber", { description: "Uber sheds load with CoDel", insights: ["CoDel uses LIFO", "Uber again"], source: "Uber" }),
    entry("Little's Law", { description: "Queues and CoDel", url: "https://example.org/ll" }),
    entry("Little’s Law"),
    entry("See the other note", { kind: "reference", section: "See Also", subsection: "" }),
  ],
};

const extraction: Extraction = {
  entities: [
    { id: "codel", name: "CoDel", type: "technique", aliases: ["Controlled Delay"] },
    { id: "uber", name: "Uber", type: "organization", aliases: [] },
    { id: "never-mentioned", name: "Never Mentioned", type: "technology", aliases: [] },
  ],
  mentions: [
    { entry: 0, entity: "codel", evidence: [{ field: "title", index: 0, start: 0, end: 5 }] },
    { entry: 0, entity: "codel", evidence: [{ field: "insight", index: 0, start: 0, end: 5 }] },
    { entry: 0, entity: "uber", evidence: [{ field: "description", index: 0, start: 0, end: 4 }] },
    { entry: 1, entity: "codel", evidence: [{ field: "description", index: 0, start: 11, end: 16 }] },
  ],
};

describe("buildGraph", () => {
  const graph = buildGraph(doc, extraction, { name: "test.txt", builtAt: new Date(0) });

  it("makes one article node per entry, keyed by the slug of its title", () => {
    expect(graph.filterNodes((_, a) => a.kind === "article")).toEqual([
      "article:codel-at-uber",
      "article:littles-law",
      "article:littles-law-2",
      "article:see-the-other-note",
    ]);
  });

  it("keeps the entry's fields on its article node", () => {
    expect(graph.getNodeAttributes("article:codel-at-uber")).toMatchObject({
      kind: "article",
      label: "CoDel at Uber",
      description: "Uber sheds load with CoDel",
      section: "Techniques",
      subsection: "Queues",
      insights: ["CoDel uses LIFO", "Uber again"],
      source: "Uber",
      entryKind: "bookmark",
      color: ARTICLE_COLOR,
    });
    expect(graph.getNodeAttributes("article:littles-law")).toHaveProperty("url", "https://example.org/ll");
    expect(graph.getNodeAttributes("article:codel-at-uber")).not.toHaveProperty("url");
    expect(graph.getNodeAttributes("article:see-the-other-note")).toHaveProperty("entryKind", "reference");
  });

  it("makes entity nodes only for entities with a mention", () => {
    expect(graph.filterNodes((_, a) => a.kind === "entity").sort()).toEqual(["entity:codel", "entity:uber"]);
    expect(graph.getNodeAttributes("entity:codel")).toMatchObject({
      kind: "entity",
      type: "technique",
      label: "CoDel",
      aliases: ["Controlled Delay"],
      articleCount: 2,
      color: entityColor("technique"),
    });
  });

  it("merges the mentions of one entity in one article into one edge that keeps all evidence", () => {
    const edge = graph.edge("article:codel-at-uber", "entity:codel");
    expect(edge).toBeDefined();
    expect(graph.getEdgeAttributes(edge!)).toEqual({
      kind: "mentions",
      weight: 2,
      evidence: [
        { field: "title", index: 0, start: 0, end: 5 },
        { field: "insight", index: 0, start: 0, end: 5 },
      ],
    });
    expect(graph.filterEdges((_edge, attributes) => attributes.kind === "mentions")).toHaveLength(3);
  });

  it("sizes entities by the number of articles that mention them", () => {
    expect(graph.getNodeAttribute("entity:codel", "size")).toBeGreaterThan(graph.getNodeAttribute("entity:uber", "size"));
  });

  it("records the name, the input, the sections and the build time it was given", () => {
    expect(graph.getAttributes()).toEqual({
      name: "test.txt",
      inputs: ["test.txt"],
      builtAt: "1970-01-01T00:00:00.000Z",
      sections: [
        { name: "Techniques", subsections: ["Queues"] },
        { name: "See Also", subsections: [] },
      ],
      // Specified below and in tests/core/communities.
      communities: expect.any(Array),
    });
  });

  it("records no build time unless given one, so the same document gives the same graph", () => {
    const again = buildGraph(doc, extraction, { name: "test.txt" });
    expect(again.getAttributes()).not.toHaveProperty("builtAt");
    expect(JSON.stringify(again.export())).toBe(JSON.stringify(buildGraph(doc, extraction, { name: "test.txt" }).export()));
  });

  it("marks every article with the single input it came from", () => {
    graph.forEachNode((_, a) => {
      if (a.kind === "article") expect(a.inputs).toEqual(["test.txt"]);
    });
  });

  it("keeps the inputs of merged entries, and lists every input on the graph", () => {
    const merged: ParsedDocument = {
      ...doc,
      entries: doc.entries.map((e, i) => ({ ...e, inputs: i === 0 ? ["a.txt", "b.md"] : ["b.md"] })),
    };
    const both = buildGraph(merged, extraction, { name: "a.txt + b.md", inputs: ["a.txt", "b.md"] });
    expect(both.getAttribute("inputs")).toEqual(["a.txt", "b.md"]);
    expect(both.getAttribute("name")).toBe("a.txt + b.md");
    expect(both.getNodeAttributes("article:codel-at-uber")).toHaveProperty("inputs", ["a.txt", "b.md"]);
    expect(both.getNodeAttributes("article:littles-law")).toHaveProperty("inputs", ["b.md"]);
  });

  it("puts every node in a community, numbered by size, and lists the communities on the graph", () => {
    // Little's Law names CoDel alone, so they are together; the See Also pointer names nothing
    // and is a community of its own.
    graph.forEachNode((_node, attr) => expect(Number.isInteger(attr.community)).toBe(true));
    const codel = graph.getNodeAttribute("entity:codel", "community")!;
    expect(graph.getNodeAttribute("article:littles-law", "community")).toBe(codel);
    const list = graph.getAttribute("communities")!;
    expect(list[codel]!.concepts).toContain("entity:codel");
    expect(list.map((c) => c.size)).toEqual([...list.map((c) => c.size)].sort((a, b) => b - a));
    expect(list.reduce((sum, c) => sum + c.size, 0)).toBe(graph.order);
    expect(list[graph.getNodeAttribute("article:see-the-other-note", "community")!]).toMatchObject({ size: 1, name: "See Also" });
  });

  it("is a mixed graph: mentions directed, a related edge undirected between the articles that share CoDel", () => {
    expect(graph.type).toBe("mixed");
    graph.forEachEdge((edge, attributes) => expect(graph.isUndirected(edge)).toBe(attributes.kind === "related" || attributes.kind === "cooccurs"));
    const key = undirectedKey("related", "article:codel-at-uber", "article:littles-law");
    expect(graph.getEdgeAttributes(key)).toMatchObject({ kind: "related", shared: ["entity:codel"] });
    expect(graph.filterEdges((_edge, attributes) => attributes.kind === "related")).toEqual([key]);
  });

  it("gives every node its label priority", () => {
    graph.forEachNode((_node, attributes) => expect(attributes.importance).toBeTypeOf("number"));
    expect(graph.getNodeAttribute("entity:codel", "importance")).toBeGreaterThan(graph.getNodeAttribute("entity:uber", "importance")!);
  });

  it("refuses a mention of an entry that does not exist", () => {
    const bad: Extraction = { ...extraction, mentions: [{ entry: 9, entity: "uber", evidence: [{ field: "title", index: 0, start: 0, end: 1 }] }] };
    expect(() => buildGraph(doc, bad, { name: "x" })).toThrow(RangeError);
  });
});

describe("buildGraph with broader concepts", () => {
  const entries = [
    entry("WAL archiving with WAL-G"),
    entry("Write-ahead logging explained"),
    entry("Raft and Paxos compared"),
    entry("Range partitioning and partitioning"),
  ];
  const hierarchyDoc: ParsedDocument = { title: "Test", sections: [], entries };
  const at = (i: number, words: string) => {
    const start = entries[i]!.title.indexOf(words);
    return { entry: i, evidence: [{ field: "title" as const, index: 0, start, end: start + words.length }] };
  };
  const hierarchyExtraction: Extraction = {
    entities: [
      { id: "wal-archiving", name: "WAL archiving", type: "technique", aliases: [] },
      { id: "write-ahead-logging", name: "write-ahead logging", type: "technique", aliases: ["WAL"] },
      { id: "raft", name: "Raft", type: "technique", aliases: [] },
      { id: "paxos", name: "Paxos", type: "technique", aliases: [] },
      { id: "range-partitioning", name: "range partitioning", type: "technique", aliases: [] },
      { id: "partitioning", name: "partitioning", type: "technique", aliases: [] },
    ],
    mentions: [
      { entity: "wal-archiving", ...at(0, "WAL archiving") },
      { entity: "write-ahead-logging", ...at(1, "Write-ahead logging") },
      { entity: "raft", ...at(2, "Raft") },
      { entity: "paxos", ...at(2, "Paxos") },
      { entity: "range-partitioning", ...at(3, "Range partitioning") },
      { entity: "partitioning", ...at(3, "partitioning") },
    ],
  };
  const terms = [
    { name: "write-ahead logging", type: "technique" as const },
    { name: "WAL archiving", type: "technique" as const, broader: ["write-ahead logging"] },
    { name: "consensus algorithm", type: "technique" as const },
    { name: "Raft", type: "technique" as const, broader: ["consensus algorithm"] },
    { name: "Paxos", type: "technique" as const, broader: ["consensus algorithm"] },
  ];
  const graph = buildGraph(hierarchyDoc, hierarchyExtraction, { name: "test.txt", terms });
  const broader = () =>
    graph.filterEdges((_e, a) => a.kind === "broader").map((e) => `${graph.source(e)} → ${graph.target(e)} (${graph.getEdgeAttribute(e, "weight")}, ${(graph.getEdgeAttributes(e) as { origin: string }).origin})`);

  it("adds an edge narrower → broader for each relation, from the lexicon and from the head rule", () => {
    expect(broader()).toEqual([
      "entity:wal-archiving → entity:write-ahead-logging (1, lexicon)",
      "entity:raft → entity:consensus-algorithm (1, lexicon)",
      "entity:paxos → entity:consensus-algorithm (1, lexicon)",
      "entity:range-partitioning → entity:partitioning (1, head)",
    ]);
    expect(graph.hasEdge("entity:wal-archiving-broader->entity:write-ahead-logging")).toBe(true);
  });

  it("adds a broader term no article names as a grouping concept, with no article", () => {
    expect(graph.getNodeAttributes("entity:consensus-algorithm")).toMatchObject({ kind: "entity", type: "technique", label: "consensus algorithm", articleCount: 0 });
    expect(graph.getNodeAttribute("entity:consensus-algorithm", "size")).toBeGreaterThan(0);
  });

  it("counts and sizes by mentions only: a broader edge is not an article", () => {
    expect(graph.getNodeAttributes("entity:write-ahead-logging")).toMatchObject({ articleCount: 1 });
    expect(graph.getNodeAttributes("entity:partitioning")).toMatchObject({ articleCount: 1 });
    expect(graph.getNodeAttribute("entity:wal-archiving", "size")).toBe(graph.getNodeAttribute("entity:write-ahead-logging", "size"));
  });

  it("keeps only the lexicon's relations when asked, and none without terms and heads", () => {
    const lexiconOnly = buildGraph(hierarchyDoc, hierarchyExtraction, { name: "t", terms, broader: { heads: false } });
    expect(lexiconOnly.filterEdges((_e, a) => a.kind === "broader")).toHaveLength(3);
    const none = buildGraph(hierarchyDoc, hierarchyExtraction, { name: "t", broader: { heads: false } });
    expect(none.filterEdges((_e, a) => a.kind === "broader")).toEqual([]);
    expect(none.hasNode("entity:consensus-algorithm")).toBe(false);
  });
});

describe("buildGraph with related articles and co-occurring concepts", () => {
  // Two groups: articles 0-4 name "a" and "b", articles 5-9 "c" and "d".
  const entries = Array.from({ length: 10 }, (_, i) => entry(`Article ${i}`));
  const entities = ["a", "b", "c", "d"].map((id) => ({ id, name: id, type: "technique" as const, aliases: [] }));
  const mentions = entries.flatMap((_, i) =>
    (i < 5 ? ["a", "b"] : ["c", "d"]).map((id) => ({ entry: i, entity: id, evidence: [{ field: "title" as const, index: 0, start: 0, end: 1 }] })),
  );
  const groups: ParsedDocument = { title: "", sections: [], entries };
  const graph = buildGraph(groups, { entities, mentions }, { name: "t" });
  const ofKind = (kind: string) => graph.filterEdges((_edge, attributes) => attributes.kind === kind);

  it("relates the articles of each group, and no two of different groups", () => {
    const edges = ofKind("related");
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      const [x, y] = graph.extremities(edge).map((node) => Number(node.slice(-1)));
      expect(x! < 5).toBe(y! < 5);
      expect(graph.getEdgeAttributes(edge)).toMatchObject({ weight: 1 });
    }
  });

  it("joins the concepts each group names together, with the number of articles naming both", () => {
    expect(ofKind("cooccurs")).toEqual([undirectedKey("cooccurs", "entity:a", "entity:b"), undirectedKey("cooccurs", "entity:c", "entity:d")]);
    expect(graph.getEdgeAttributes(undirectedKey("cooccurs", "entity:a", "entity:b"))).toMatchObject({ kind: "cooccurs", weight: 5 });
  });

  it("takes the relations' options, and finds communities from the mentions alone", () => {
    const without = buildGraph(groups, { entities, mentions }, { name: "t", related: { k: 0 }, cooccurs: { minScore: Infinity } });
    expect(without.undirectedSize).toBe(0);
    expect(without.getAttribute("communities")).toEqual(graph.getAttribute("communities"));
    without.forEachNode((node, attributes) => expect(attributes.community).toBe(graph.getNodeAttribute(node, "community")));
  });
});

describe("articleKeys", () => {
  it("suffixes titles that slug alike, in document order, and names empty ones", () => {
    expect(articleKeys([entry("C++"), entry("c++"), entry("???")])).toEqual([
      "article:cplusplus",
      "article:cplusplus-2",
      "article:untitled",
    ]);
  });
});

describe("assignLayout", () => {
  it("gives every node finite coordinates, the same ones for the same seed", () => {
    const a = buildGraph(doc, extraction, { name: "t" });
    const b = buildGraph(doc, extraction, { name: "t" });
    assignLayout(a, { seed: 7 });
    assignLayout(b, { seed: 7 });
    a.forEachNode((node, attr) => {
      expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true);
      expect(b.getNodeAttributes(node)).toMatchObject({ x: attr.x, y: attr.y });
    });
  });

  it("draws articles that share concepts closer together than articles that share none", () => {
    // Two clusters: articles 0-4 all mention "a" and "b", articles 5-9 all mention "c" and "d".
    const entries = Array.from({ length: 10 }, (_, i) => entry(`Article ${i}`));
    const entities = ["a", "b", "c", "d"].map((id) => ({ id, name: id, type: "technique" as const, aliases: [] }));
    const mentions = entries.flatMap((_, i) =>
      (i < 5 ? ["a", "b"] : ["c", "d"]).map((id) => ({ entry: i, entity: id, evidence: [{ field: "title" as const, index: 0, start: 0, end: 1 }] })),
    );
    const g = buildGraph({ title: "", sections: [], entries }, { entities, mentions }, { name: "t" });
    assignLayout(g, { seed: 1 });
    const distance = (p: number, q: number) => {
      const u = g.getNodeAttributes(`article:article-${p}`);
      const v = g.getNodeAttributes(`article:article-${q}`);
      return Math.hypot(u.x - v.x, u.y - v.y);
    };
    const within = [distance(0, 1), distance(2, 3), distance(5, 6), distance(8, 9)];
    const across = [distance(0, 5), distance(1, 6), distance(3, 8), distance(4, 9)];
    expect(Math.max(...within)).toBeLessThan(Math.min(...across));
  });
});
