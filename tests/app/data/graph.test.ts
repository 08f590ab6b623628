import { describe, expect, it } from "vitest";
import { GraphLoadError, parseGraph, readGraphResponse, sectionPath, type LoadProgress } from "../../../src/app/data/graph";
import { communities } from "../../../src/core/communities/index";
import { fixtureGraph, fixtureGraphJson } from "../fixtures/graph";
import { hierarchyGraph } from "../fixtures/hierarchy";

/** graph.json as plain data, to be damaged at will. */
interface LooseGraph {
  attributes: Record<string, unknown>;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string; attributes: Record<string, unknown>; undirected?: boolean }[];
  options?: Record<string, unknown>;
}

/** graph.json text with one thing changed in its data. */
function damaged(change: (data: LooseGraph) => void): string {
  const data = fixtureGraphJson() as unknown as LooseGraph;
  change(data);
  return JSON.stringify(data);
}

function messageOf(text: string): string {
  try {
    parseGraph(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphLoadError);
    return (error as Error).message;
  }
  throw new Error("parseGraph accepted the file");
}

describe("parseGraph", () => {
  it("reads graph.json as written by the build: a mixed graph, mentions directed, related and co-occurrence edges undirected", () => {
    const data = fixtureGraphJson();
    const graph = parseGraph(JSON.stringify(data));
    expect(graph.order).toBe(data.nodes.length);
    expect(graph.size).toBe(data.edges.length);
    expect(graph.type).toBe("mixed");
    expect(graph.directedSize).toBe(data.edges.filter((edge) => edge.attributes!.kind === "mentions").length);
    const related = "article:how-postgres-mvcc-works-netflix<-related->article:write-ahead-logging-in-depth";
    expect(graph.isUndirected(related)).toBe(true);
    expect(graph.getEdgeAttributes(related)).toEqual({ kind: "related", weight: 0.451, shared: ["entity:postgresql", "entity:write-ahead-logging"] });
    expect(graph.getEdgeAttributes("entity:postgresql<-cooccurs->entity:write-ahead-logging")).toEqual({ kind: "cooccurs", weight: 2, score: 8.376 });
  });

  it("still opens a file built before related and co-occurrence edges: a directed graph", () => {
    const data = fixtureGraphJson() as unknown as LooseGraph;
    data.options = { type: "directed", multi: false, allowSelfLoops: false };
    data.edges = data.edges.filter((edge) => !edge.undirected);
    const graph = parseGraph(JSON.stringify(data));
    expect(graph.size).toBe(data.edges.length);
    graph.forEachEdge((edge, attributes) => {
      expect(attributes.kind).toBe("mentions");
      expect(graph.isDirected(edge)).toBe(true);
    });
  });

  it.each([
    ["", /not valid JSON/],
    ['{"nodes": [{"key": ', /not valid JSON/],
    ["[]", /not a graph/],
    ['{"nodes": []}', /not a graph/],
  ])("explains that %j is not a graph file", (text, message) => {
    expect(messageOf(text)).toMatch(message);
  });

  it("says in words that a graph without nodes is empty", () => {
    expect(messageOf('{"attributes": {}, "nodes": [], "edges": []}')).toMatch(/^the graph is empty: graph.json has no articles and no concepts/);
  });

  it("names the node and the field that is missing", () => {
    const text = damaged((data) => {
      delete data.nodes[0]!.attributes.label;
    });
    const key = fixtureGraphJson().nodes[0]!.key;
    expect(messageOf(text)).toBe(`graph.json is damaged: node "${key}" has no label`);
  });

  it("names a field of the wrong shape and what it should be", () => {
    const text = damaged((data) => {
      const entity = data.nodes.find((node) => node.attributes.kind === "entity")!;
      entity.attributes.type = "planet";
    });
    expect(messageOf(text)).toMatch(/^graph.json is damaged: node "entity:[^"]+" has a type that is not "organization" or "technology" or "technique" or "person"$/);
  });

  it("names a node without a kind, and one without a key by its place in the file", () => {
    expect(messageOf('{"nodes": [{"key": "a", "attributes": {"label": "A"}}], "edges": []}')).toBe(
      'graph.json is damaged: node "a" has no kind ("article" or "entity")',
    );
    expect(messageOf('{"nodes": [{"attributes": {}}], "edges": []}')).toBe("graph.json is damaged: node 1 has no key");
  });

  it("checks an article's optional fields only when they are there", () => {
    const withoutLinks = damaged((data) => {
      for (const node of data.nodes) delete node.attributes.inputs;
    });
    expect(() => parseGraph(withoutLinks)).not.toThrow();
    const badLinks = damaged((data) => {
      data.nodes[0]!.attributes.links = [{ text: "Talk" }];
    });
    expect(messageOf(badLinks)).toMatch(/has a links that is not a list of \{ text, url \}$/);
  });

  it("counts the problems it does not spell out", () => {
    const text = damaged((data) => {
      for (const node of data.nodes.slice(0, 3)) delete node.attributes.x;
    });
    expect(messageOf(text)).toMatch(/has no x \(and 2 more problems\)$/);
  });

  it("names the edge to an unknown node and the edge without evidence", () => {
    const unknown = damaged((data) => {
      data.edges[0]!.target = "entity:nowhere";
    });
    expect(messageOf(unknown)).toMatch(/^graph.json is damaged: edge 1 \("article:[^"]+" → "entity:nowhere"\) joins a node that is not in the graph: "entity:nowhere"$/);
    const bare = damaged((data) => {
      delete data.edges[1]!.attributes.evidence;
    });
    expect(messageOf(bare)).toMatch(/^graph.json is damaged: edge 2 \("article:[^"]+" → "entity:[^"]+"\) has no evidence$/);
  });

  it("reads broader edges between concepts, each kind of edge checked for its own fields", () => {
    const graph = parseGraph(JSON.stringify(hierarchyGraph().export()));
    expect(graph.getEdgeAttributes("entity:wal-archiving-broader->entity:write-ahead-logging")).toEqual({ kind: "broader", weight: 1, origin: "lexicon" });
    expect(graph.getNodeAttributes("entity:concurrency-control")).toMatchObject({ kind: "entity", articleCount: 0 });
  });

  it("names an edge of unknown kind, a broader edge without its origin, and a mention that leaves no article", () => {
    const withEdge = (attributes: Record<string, unknown>, source = "entity:mvcc", target = "entity:postgresql") =>
      damaged((data) => {
        data.edges.push({ source, target, attributes });
      });
    const last = (text: string) => messageOf(text).replace(/^graph.json is damaged: edge \d+ /, "");
    const kinds = '"mentions" or "broader" or "related" or "cooccurs"';
    expect(last(withEdge({ kind: "cites", weight: 1 }))).toBe(`("entity:mvcc" → "entity:postgresql") has a kind that is not ${kinds}`);
    expect(last(withEdge({ weight: 1 }))).toBe(`("entity:mvcc" → "entity:postgresql") has no kind (${kinds})`);
    expect(last(withEdge({ kind: "broader", weight: 1 }))).toBe('("entity:mvcc" → "entity:postgresql") has no origin');
    expect(last(withEdge({ kind: "mentions", weight: 0, evidence: [] }))).toBe(
      '("entity:mvcc" → "entity:postgresql") is a "mentions" edge whose source is not an article',
    );
    const fromArticle = withEdge({ kind: "broader", weight: 1, origin: "head" }, "article:kafka-at-netflix-scale", "entity:kafka");
    expect(messageOf(fromArticle)).toMatch(/is a "broader" edge whose source is not an entity$/);
  });

  it("checks related edges: undirected, between two articles, with a weight and the concepts they share", () => {
    const related = (change: (edge: LooseGraph["edges"][number]) => void) =>
      damaged((data) => change(data.edges.find((edge) => edge.attributes.kind === "related")!));
    const what = /^graph.json is damaged: edge \d+ \("article:[^"]+" — "article:[^"]+"\) /;
    expect(messageOf(related((edge) => delete edge.attributes.shared))).toMatch(new RegExp(`${what.source}has no shared$`));
    expect(messageOf(related((edge) => (edge.attributes.weight = "high")))).toMatch(/has a weight that is not a number$/);
    expect(messageOf(related((edge) => (edge.attributes.shared = ["entity:nowhere"])))).toMatch(
      new RegExp(`${what.source}shares a concept that is not in the graph: "entity:nowhere"$`),
    );
    expect(messageOf(related((edge) => (edge.target = "entity:kafka")))).toMatch(/is a "related" edge whose target is not an article$/);
    expect(messageOf(related((edge) => delete edge.undirected))).toMatch(/→ "article:[^"]+"\) is a "related" edge that is not undirected$/);
  });

  it("checks co-occurrence edges: undirected, between two concepts, with a weight and a score", () => {
    const cooccurs = (change: (edge: LooseGraph["edges"][number]) => void) =>
      damaged((data) => change(data.edges.find((edge) => edge.attributes.kind === "cooccurs")!));
    expect(messageOf(cooccurs((edge) => delete edge.attributes.score))).toMatch(/\("entity:[^"]+" — "entity:[^"]+"\) has no score$/);
    expect(messageOf(cooccurs((edge) => (edge.source = "article:kafka-at-netflix-scale")))).toMatch(/is a "cooccurs" edge whose source is not an entity$/);
    const undirectedMention = damaged((data) => {
      data.edges[0]!.undirected = true;
    });
    expect(messageOf(undirectedMention)).toMatch(/^graph.json is damaged: edge 1 \("article:[^"]+" — "entity:[^"]+"\) is a "mentions" edge that is undirected$/);
  });

  it("checks a node's importance and its places in the other views only when they are there", () => {
    const placed = damaged((data) => {
      for (const node of data.nodes) {
        node.attributes.importance = 0.5;
        node.attributes.positions = node.attributes.kind === "article" ? { articles: [1, 2] } : { concepts: [-3, 4.5] };
      }
    });
    expect(parseGraph(placed).getNodeAttributes("entity:kafka")).toMatchObject({ importance: 0.5, positions: { concepts: [-3, 4.5] } });
    const key = fixtureGraphJson().nodes[0]!.key;
    const wrong = (value: unknown, field = "positions") =>
      messageOf(
        damaged((data) => {
          data.nodes[0]!.attributes[field] = value;
        }),
      );
    expect(wrong("high", "importance")).toBe(`graph.json is damaged: node "${key}" has a importance that is not a number`);
    expect(wrong({ articles: [1] })).toMatch(/has a positions that is not places in the "concepts" or "articles" view, each a point \[x, y\]$/);
    expect(wrong({ map: [1, 2] })).toMatch(/has a positions that is not/);
    expect(wrong([1, 2])).toMatch(/has a positions that is not/);
  });

  it("cuts a very long key short in the message", () => {
    const key = `article:${"x".repeat(5000)}`;
    const message = messageOf(JSON.stringify({ nodes: [{ key, attributes: { kind: "article" } }], edges: [] }));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain("…");
  });

  it("refuses malformed graph attributes", () => {
    const text = damaged((data) => {
      data.attributes.sections = "Case Studies";
    });
    expect(messageOf(text)).toBe("graph.json is damaged: the graph has a sections that is not a list of { name, subsections }");
  });
});

describe("parseGraph with communities", () => {
  /** graph.json as the build writes it now: communities listed, every node in one. */
  function withCommunities(change: (data: LooseGraph) => void = () => {}): string {
    const graph = fixtureGraph();
    communities.assign(graph);
    const data = graph.export() as unknown as LooseGraph;
    change(data);
    return JSON.stringify(data);
  }

  it("reads the communities the build writes, and a file built before them", () => {
    const graph = parseGraph(withCommunities());
    expect(graph.getAttribute("communities")!.length).toBeGreaterThan(1);
    graph.forEachNode((_node, attributes) => expect(attributes.community).toBeTypeOf("number"));
    const older = parseGraph(JSON.stringify(fixtureGraphJson()));
    expect(older.getAttribute("communities")).toBeUndefined();
  });

  it("refuses a list of communities of the wrong shape", () => {
    const text = withCommunities((data) => {
      data.attributes.communities = [{ id: 0, name: "Storage", size: 3, color: "#4e79a7" }];
    });
    expect(messageOf(text)).toBe("graph.json is damaged: the graph has a communities that is not a list of { id, name, size, color, concepts }");
  });

  it("names a node outside every listed community, or without one", () => {
    const key = fixtureGraphJson().nodes[0]!.key;
    const unlisted = withCommunities((data) => {
      data.nodes[0]!.attributes.community = 99;
    });
    expect(messageOf(unlisted)).toBe(`graph.json is damaged: node "${key}" has a community that the graph does not list: 99`);
    const none = withCommunities((data) => {
      delete data.nodes[0]!.attributes.community;
    });
    expect(messageOf(none)).toBe(`graph.json is damaged: node "${key}" has no community`);
    const text = withCommunities((data) => {
      data.nodes[0]!.attributes.community = "storage";
    });
    expect(messageOf(text)).toBe(`graph.json is damaged: node "${key}" has a community that is not a number`);
  });

  it("refuses communities out of order, a community naming an unknown concept, and a node's community in a file that lists none", () => {
    const swapped = withCommunities((data) => {
      const list = data.attributes.communities as { id: number }[];
      [list[0], list[1]] = [list[1]!, list[0]!];
    });
    expect(messageOf(swapped)).toMatch(/^graph.json is damaged: the graph's community 1 is numbered 1, not 0 \(and 1 more problem\)$/);
    const unknown = withCommunities((data) => {
      (data.attributes.communities as { concepts: string[] }[])[0]!.concepts.push("entity:nowhere");
    });
    expect(messageOf(unknown)).toBe('graph.json is damaged: the graph\'s community 0 names a concept that is not in the graph: "entity:nowhere"');
    const unlisted = withCommunities((data) => {
      delete data.attributes.communities;
    });
    expect(messageOf(unlisted)).toMatch(/^graph.json is damaged: node "[^"]+" has a community, but the graph lists none \(and \d+ more problems\)$/);
  });
});

describe("readGraphResponse", () => {
  /** A response whose body arrives in the given chunks. */
  function streamed(chunks: string[], headers: Record<string, string> = {}): Response {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { headers });
  }

  function inChunks(text: string, count: number): string[] {
    const size = Math.ceil(text.length / count);
    return Array.from({ length: count }, (_, i) => text.slice(i * size, (i + 1) * size));
  }

  it("reports the bytes received against Content-Length, ending at the whole file", async () => {
    const text = JSON.stringify(fixtureGraphJson());
    const bytes = new TextEncoder().encode(text).byteLength;
    const seen: LoadProgress[] = [];
    const graph = await readGraphResponse(streamed(inChunks(text, 4), { "Content-Length": String(bytes) }), (p) => seen.push(p));
    expect(graph.order).toBe(fixtureGraphJson().nodes.length);
    expect(seen[0]).toEqual({ received: 0, total: bytes });
    expect(seen.at(-1)).toEqual({ received: bytes, total: bytes });
    expect(seen.length).toBe(5);
    expect(seen.map((p) => p.received)).toEqual([...seen.map((p) => p.received)].sort((a, b) => a - b));
  });

  it("decodes a character split between two chunks", async () => {
    const text = JSON.stringify(fixtureGraphJson());
    // "Café" is in the fixture: split its two-byte "é" across chunks.
    const bytes = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf("é"))).byteLength + 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, at));
        controller.enqueue(bytes.slice(at));
        controller.close();
      },
    });
    const graph = await readGraphResponse(new Response(body), () => {});
    expect(graph.hasNode("entity:cafe") || graph.someNode((_, a) => a.label === "Café")).toBe(true);
  });

  it("gives no total without Content-Length, or when the body is encoded", async () => {
    const text = JSON.stringify(fixtureGraphJson());
    const plain: LoadProgress[] = [];
    await readGraphResponse(streamed(inChunks(text, 2)), (p) => plain.push(p));
    expect(plain.every((p) => p.total === undefined)).toBe(true);
    const gzip: LoadProgress[] = [];
    await readGraphResponse(streamed(inChunks(text, 2), { "Content-Length": "10", "Content-Encoding": "gzip" }), (p) => gzip.push(p));
    expect(gzip.every((p) => p.total === undefined)).toBe(true);
  });

  it("drops the total when more arrives than Content-Length announced", async () => {
    const text = JSON.stringify(fixtureGraphJson());
    const seen: LoadProgress[] = [];
    await readGraphResponse(streamed(inChunks(text, 3), { "Content-Length": "100" }), (p) => seen.push(p));
    expect(seen.at(-1)!.total).toBeUndefined();
    expect(seen.every((p) => p.total === undefined || p.received <= p.total)).toBe(true);
  });

  it("says the file is missing on 404 and gives the status otherwise", async () => {
    await expect(readGraphResponse(new Response("Not found", { status: 404 }))).rejects.toThrow(
      "graph.json is missing (run npm run graph)",
    );
    await expect(readGraphResponse(new Response("", { status: 503 }))).rejects.toThrow(
      "graph.json could not be fetched (HTTP 503)",
    );
  });

  it("says when the connection breaks halfway", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(new TextEncoder().encode('{"nodes": ['));
        else controller.error(new Error("socket hang up"));
      },
    });
    await expect(readGraphResponse(new Response(body), () => {})).rejects.toThrow(/broke after 11 bytes/);
  });

  it("checks what it read like parseGraph", async () => {
    await expect(readGraphResponse(streamed(['{"nodes": [], "edges": []}']), () => {})).rejects.toThrow(/the graph is empty/);
  });
});

describe("sectionPath", () => {
  it("joins section and subsection, or gives the section alone", () => {
    expect(sectionPath({ section: "Techniques", subsection: "I/O" })).toBe("Techniques › I/O");
    expect(sectionPath({ section: "Case Studies", subsection: "" })).toBe("Case Studies");
    expect(sectionPath({ section: "", subsection: "" })).toBe("");
  });
});
