/**
 * `npm run graph` as a user meets it: the graph contract on the bundled document, the Markdown
 * import, and the manners of the command line on bad input (one line, exit 1, output untouched).
 */
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile, mkdir } from "node:fs/promises";
import { once } from "node:events";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Graph from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slug } from "../../src/core/slug";
import { STAGES } from "../../scripts/lib/stages";
import { fieldText, type Entry } from "../../src/core/types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/core/graph/types";
import { parseDocument } from "../../src/core/parse/index";
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from "../../scripts/lib/cli";
import { graphCli, graphCliWith, ROOT } from "./graph-cli";

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "insight-graph-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run graph on the bundled document", () => {
  let graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  let entries: Entry[];
  let documentText: string;

  beforeAll(async () => {
    const out = join(dir, "graph.json");
    const result = await graphCli("--out", out, "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*graph\.json: 254 articles \(54 with insights\)/);
    graph = Graph.from(JSON.parse(await readFile(out, "utf8")));
    documentText = await readFile(join(ROOT, "data/bookmarks.txt"), "utf8");
    entries = parseDocument(documentText, "text").entries;
  }, 180_000);

  const articles = () => graph.filterNodes((_, a) => a.kind === "article");
  const entities = () => graph.filterNodes((_, a) => a.kind === "entity");
  const mentionsInto = (node: string) => graph.filterInEdges(node, (_e, a) => a.kind === "mentions").length;

  it("has 254 article nodes, 54 of them with insights, 4 of them See Also references", () => {
    expect(articles()).toHaveLength(254);
    expect(articles().filter((n) => (graph.getNodeAttributes(n) as { insights: string[] }).insights.length > 0)).toHaveLength(54);
    expect(articles().filter((n) => graph.getNodeAttribute(n, "entryKind" as never) === "reference")).toHaveLength(4);
  });

  it("keeps every title, section and subsection exactly as in the document, in order", () => {
    const text = articles().map((n) => graph.getNodeAttributes(n));
    expect(text.map((a) => a.label)).toEqual(entries.map((e) => e.title));
    const rows = text.map((a) => (a.kind === "article" ? [a.section, a.subsection] : []));
    expect(rows).toEqual(entries.map((e) => [e.section, e.subsection]));
    for (const a of text) expect(documentText).toContain(a.label);
  });

  it("keys articles by the slug of their title and entities by the slug of their label", () => {
    for (const node of articles()) expect(node).toMatch(/^article:[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const node of entities()) expect(node).toBe(`entity:${slug(graph.getNodeAttribute(node, "label"))}`);
  });

  it("gives every node the contract's attributes and a position, size and colour", () => {
    graph.forEachNode((node, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y), node).toBe(true);
      expect(a.size).toBeGreaterThan(0);
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/i);
      if (a.kind === "entity") {
        expect(["organization", "technology", "technique", "person"]).toContain(a.type);
        expect(Array.isArray(a.aliases)).toBe(true);
        expect(a.articleCount).toBe(mentionsInto(node));
      } else {
        for (const key of ["description", "section", "subsection", "note", "source"] as const) expect(typeof a[key]).toBe("string");
        expect(Array.isArray(a.insights)).toBe(true);
      }
    });
  });

  it("has no entity node without a mention edge, but grouping concepts, which group at least two", () => {
    expect(entities().length).toBeGreaterThan(100);
    for (const node of entities()) {
      if (mentionsInto(node) > 0) continue;
      const narrower = graph.filterInEdges(node, (_e, a) => a.kind === "broader");
      expect(narrower.length, node).toBeGreaterThanOrEqual(2);
    }
  });

  it("relates concepts only by broader edges from a concept to a concept, without a cycle", () => {
    const broader = graph.filterEdges((_e, a) => a.kind === "broader");
    expect(broader.length).toBeGreaterThan(20);
    const up = new Map<string, string[]>();
    for (const edge of broader) {
      const [source, target] = graph.extremities(edge);
      expect(graph.getNodeAttribute(source, "kind"), edge).toBe("entity");
      expect(graph.getNodeAttribute(target, "kind"), edge).toBe("entity");
      expect(graph.getEdgeAttributes(edge)).toMatchObject({ weight: 1, origin: expect.stringMatching(/^(lexicon|head)$/) });
      up.set(source, [...(up.get(source) ?? []), target]);
    }
    const done = new Set<string>();
    const visiting = new Set<string>();
    const visit = (node: string): void => {
      if (done.has(node)) return;
      expect(visiting.has(node), `a cycle through ${node}`).toBe(false);
      visiting.add(node);
      for (const next of up.get(node) ?? []) visit(next);
      visiting.delete(node);
      done.add(node);
    };
    for (const node of up.keys()) visit(node);
  });

  it("keeps, on every mention edge, evidence that points at the entity's words in the article", () => {
    graph.forEachEdge((edge, a, source, target, sourceAttr, targetAttr) => {
      if (a.kind !== "mentions") return;
      expect(sourceAttr.kind).toBe("article");
      expect(targetAttr.kind).toBe("entity");
      expect(a.kind).toBe("mentions");
      expect(a.weight).toBe(a.evidence.length);
      expect(a.evidence.length).toBeGreaterThan(0);
      const article = entries[articles().indexOf(source)]!;
      for (const place of a.evidence) {
        const text = fieldText(article, place.field, place.index);
        expect(place.start, edge).toBeGreaterThanOrEqual(0);
        expect(place.end, edge).toBeLessThanOrEqual(text.length);
        expect(place.end, edge).toBeGreaterThan(place.start);
      }
    });
  });
});

describe("npm run graph on a Markdown reading list", () => {
  it("turns every linked title of awesome-scalability.md into an article node with its URL", async () => {
    const input = join(ROOT, "../shared/corpora/awesome-scalability.md");
    const out = join(dir, "scalability.json");
    const result = await graphCli("--input", input, "--out", out, "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const graph = Graph.from(JSON.parse(await readFile(out, "utf8"))) as Graph<NodeAttributes>;
    const byUrl = new Map<string, string[]>();
    graph.forEachNode((_, a) => {
      if (a.kind === "article" && a.url) byUrl.set(a.url, [...(byUrl.get(a.url) ?? []), a.label]);
    });
    // Counted independently of the parser: every list item that opens with an external link.
    const markdown = await readFile(input, "utf8");
    const items = [...markdown.matchAll(/^\s*[*-] \[([^\]]+)\]\((https?:(?:[^()\s]|\([^()\s]*\))+)\)/gm)];
    expect(items.length).toBeGreaterThan(300);
    for (const [, title, url] of items) {
      const start = title!.replace(/\\(.)/g, "$1").trim().slice(0, 10);
      expect(byUrl.get(url!)?.some((label) => label.startsWith(start)), `${url} ${title}`).toBe(true);
    }
    expect(graph.filterNodes((_, a) => a.kind === "article").length).toBe(items.length);
  }, 180_000);
});

describe("npm run graph -- --stats", () => {
  it("prints every stage's times and peak memory, and the graph's counts by kind, matching the graph written", async () => {
    const input = join(dir, "stats.md");
    await writeFile(
      input,
      "# Reading\n\n## Storage\n\n- [PostgreSQL internals](https://example.com/pg) - how PostgreSQL and Kafka store rows\n" +
        "- [Kafka at scale](https://example.com/kafka) - Kafka, PostgreSQL and ZooKeeper at Netflix\n",
    );
    const out = join(dir, "stats.json");
    const result = await graphCli("--input", input, "--out", out, "--stats", "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^wrote /);
    expect(lines[1]).toMatch(/^stage\s+parse\s+extract\s+graph\s+metrics\s+layout\s+write\s+total$/);
    // A figure per stage, and a total.
    for (const [i, label] of ["wall-clock \\(s\\)", "CPU \\(s\\)", "peak RSS \\(MiB\\)"].entries()) {
      expect(lines[2 + i]).toMatch(new RegExp(`^${label}(\\s+\\d+(\\.\\d+)?){${STAGES.length + 1}}$`));
    }

    const graph = Graph.from(JSON.parse(await readFile(out, "utf8"))) as Graph<NodeAttributes, EdgeAttributes>;
    const count = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const expectCounts = (line: string | undefined, name: string, counts: Map<string, number>) => {
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      expect(line).toMatch(new RegExp(`^${name}: ${total}`));
      for (const [kind, n] of counts) expect(line).toContain(`${kind} ${n}`);
    };
    const articles = graph.filterNodes((_, a) => a.kind === "article");
    expectCounts(lines[5], "articles", count(articles.map((node) => (graph.getNodeAttributes(node) as { entryKind: string }).entryKind)));
    expectCounts(lines[6], "concepts", count(graph.filterNodes((_, a) => a.kind === "entity").map((node) => (graph.getNodeAttributes(node) as { type: string }).type)));
    expectCounts(lines[7], "edges", count(graph.mapEdges((_, a) => a.kind)));
    expect(lines[8]).toBe(`communities: ${new Set(graph.mapNodes((_, a) => a.community)).size}`);
    expect(lines).toHaveLength(9);
  }, 180_000);

  it("is described in --help", async () => {
    const result = await graphCli("--help");
    expect(result.stdout).toMatch(/--stats\s+also print the time, CPU time and peak memory of every stage/);
  });
});

describe("npm run graph on bad input", () => {
  async function expectRefused(input: string, message: RegExp, line?: number) {
    const out = join(dir, "kept.json");
    await writeFile(out, "earlier output");
    const result = await graphCli("--input", input, "--out", out);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(input + (line === undefined ? "" : `:${line}`));
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await readFile(out, "utf8")).toBe("earlier output");
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }

  it("refuses a missing file", async () => {
    await expectRefused(join(dir, "missing.txt"), /no such file/);
  });

  it("refuses an empty file", async () => {
    const file = join(dir, "empty.txt");
    await writeFile(file, "");
    await expectRefused(file, /empty/);
  });

  it("refuses a directory", async () => {
    const folder = join(dir, "folder.txt");
    await mkdir(folder, { recursive: true });
    await expectRefused(folder, /directory/);
  });

  it.skipIf(process.getuid?.() === 0)("refuses an unreadable file", async () => {
    const file = join(dir, "secret.txt");
    await writeFile(file, "- A -- b\n");
    await chmod(file, 0o000);
    await expectRefused(file, /permission denied/);
  });

  it("refuses a binary file, naming the line of the first bad byte", async () => {
    const file = join(dir, "image.txt");
    await writeFile(file, Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x00, 0x01, 0x02]));
    await expectRefused(file, /not a text file/, 3);
  });

  it("refuses a file that is not UTF-8", async () => {
    const file = join(dir, "latin1.txt");
    await writeFile(file, Buffer.from("Caf\xe9 -- au lait\n", "latin1"));
    await expectRefused(file, /not a text file \(invalid UTF-8\)/, 1);
  });

  it("refuses a text in which no entry is found", async () => {
    const file = join(dir, "prose.txt");
    await writeFile(file, "Just a paragraph of prose.\nAnd another line without any bookmark.\n");
    await expectRefused(file, /no entries found/);
  });

  it("refuses a structural problem, naming the line", async () => {
    const file = join(dir, "orphan-insights.txt");
    await writeFile(file, "Reading\nQueues\nKey insights:\n- CoDel drops from the head\n");
    await expectRefused(file, /"Key insights" block with no entry before it/, 3);
  });

  it("refuses an unknown --format", async () => {
    const result = await graphCli("--format", "pdf", "--out", join(dir, "x.json"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("answers --help with the usage and exit code 0", async () => {
    const result = await graphCli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run graph/);
    expect(result.stdout).toMatch(/--input FILE/);
  });

  it("refuses an unknown option with exit code 2", async () => {
    const result = await graphCli("--inptu", "x");
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("npm run graph on several inputs", () => {
  let graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  const article = (url: string) => graph.getNodeAttributes(graph.findNode((_, a) => a.kind === "article" && a.url === url)!);

  beforeAll(async () => {
    const folder = join(dir, "several");
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, "papers.md"),
      "# Papers\n\n## Consensus\n\n- [Raft](https://raft.github.io/) - understandable consensus\n  - leader election\n" +
        "- [Paxos Made Simple](https://lamport.azurewebsites.net/pubs/paxos-simple.pdf)\n",
    );
    await writeFile(
      join(folder, "bookmarks.html"),
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Reading</H3>\n<DL><p>\n' +
        '<DT><A HREF="http://www.raft.github.io/#top" ADD_DATE="1700000000">Raft site</A>\n' +
        '<DT><A HREF="https://jepsen.io/">Jepsen</A>\n</DL><p>\n</DL><p>\n',
    );
    await writeFile(join(folder, "notes.txt"), "Queues\n\n-\nCoDel at Uber -- load shedding\n");
    const out = join(folder, "graph.json");
    const result = await graphCli(
      "--input", join(folder, "papers.md"),
      "--input", join(folder, "bookmarks.html"),
      "--input", join(folder, "notes.txt"),
      "--out", out,
      "--quiet",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    graph = Graph.from(JSON.parse(await readFile(out, "utf8")));
  }, 180_000);

  it("names the graph after its inputs and lists them, in the order given", () => {
    expect(graph.getAttribute("inputs")).toEqual(["papers.md", "bookmarks.html", "notes.txt"]);
    expect(graph.getAttribute("name")).toBe("papers.md + bookmarks.html + notes.txt");
  });

  it("reads each input in the format its extension names, into one graph", () => {
    expect(graph.filterNodes((_, a) => a.kind === "article").map((n) => graph.getNodeAttribute(n, "label"))).toEqual([
      "Raft",
      "Paxos Made Simple",
      "Jepsen",
      "CoDel at Uber",
    ]);
  });

  it("makes one article of the same page in two inputs, the first one's title and section kept", () => {
    expect(article("https://raft.github.io/")).toMatchObject({
      label: "Raft",
      section: "Consensus",
      inputs: ["papers.md", "bookmarks.html"],
      addedAt: new Date(1_700_000_000_000).toISOString(),
    });
    expect(article("https://jepsen.io/")).toMatchObject({ inputs: ["bookmarks.html"] });
  });

  it("keeps the sections of every input, in input order", async () => {
    const names = [];
    for (const [file, format] of [["papers.md", "markdown"], ["bookmarks.html", "html"], ["notes.txt", "text"]] as const) {
      const doc = parseDocument(await readFile(join(dir, "several", file), "utf8"), format);
      names.push(...doc.sections.map((section) => section.name), ...doc.entries.map((entry) => entry.section));
    }
    expect(graph.getAttribute("sections").map((s) => s.name)).toEqual([...new Set(names.filter((name) => name !== ""))]);
    expect(graph.getAttribute("sections").map((s) => s.name)).toEqual(expect.arrayContaining(["Consensus", "Queues"]));
  });
});

describe("npm run graph builds reproducibly", () => {
  it("gives byte-identical graph.json and GEXF when it builds the bundled document twice", async () => {
    const [first, second] = ["first", "second"].map((name) => ({ out: join(dir, `${name}.json`), gexf: join(dir, `${name}.gexf`) }));
    // Two builds at once, in separate processes: nothing about a run (time, pid, order) reaches the bytes.
    const results = await Promise.all([first!, second!].map(({ out, gexf }) => graphCli("--out", out, "--gexf", gexf, "--quiet")));
    expect(results.map((r) => `${r.code} ${r.stderr}`.trim())).toEqual(["0", "0"]);
    expect((await readFile(first!.out)).equals(await readFile(second!.out))).toBe(true);
    expect((await readFile(first!.gexf)).equals(await readFile(second!.gexf))).toBe(true);
    // The seeded steps are in those bytes: the layout, and the communities with their names.
    const built = JSON.parse(await readFile(first!.out, "utf8")) as { attributes: GraphAttributes; nodes: { attributes: NodeAttributes }[] };
    expect(built.attributes.communities!.length).toBeGreaterThan(1);
    expect(new Set(built.attributes.communities!.map((c) => c.name)).size).toBe(built.attributes.communities!.length);
    expect(built.nodes.every((node) => Number.isInteger(node.attributes.community))).toBe(true);
    expect(await readFile(first!.out, "utf8")).not.toContain("builtAt");
    expect(await readFile(first!.gexf, "utf8")).not.toMatch(/lastmodifieddate/i);
  }, 240_000);

  it("records SOURCE_DATE_EPOCH as the build time, in the graph and the GEXF", async () => {
    const input = join(dir, "dated.md");
    await writeFile(input, "- [Raft](https://raft.github.io/)\n");
    const out = join(dir, "dated.json");
    const gexf = join(dir, "dated.gexf");
    const result = await graphCliWith({ SOURCE_DATE_EPOCH: "1700000000" }, "--input", input, "--out", out, "--gexf", gexf);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).attributes.builtAt).toBe("2023-11-14T22:13:20.000Z");
    expect(await readFile(gexf, "utf8")).toContain('lastmodifieddate="2023-11-14"');
  });

  // Which values are refused is specified in cli.test.ts; here, how the command line says so.
  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds as a usage error, before any work", async () => {
    const result = await graphCliWith({ SOURCE_DATE_EPOCH: "yesterday" }, "--out", join(dir, "never.json"));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("SOURCE_DATE_EPOCH");
  });
});

describe("npm run graph keeps its inputs within bounds", () => {
  let folder: string;
  let list: string;
  beforeAll(async () => {
    folder = join(dir, "bounds");
    await mkdir(folder, { recursive: true });
    list = join(folder, "list.md");
    await writeFile(list, "- [Raft](https://raft.github.io/) - consensus\n");
  });

  /** One line on stderr that names `file`, the exit code, and `out` as it was. */
  async function expectOneLine(args: string[], code: number, file: string, message: RegExp) {
    const out = join(folder, "kept.json");
    await writeFile(out, "earlier output");
    const result = await graphCli(...args, ...(args.includes("--out") ? [] : ["--out", out]));
    expect(result.code, result.stderr).toBe(code);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(message);
    expect(await readFile(out, "utf8")).toBe("earlier output");
  }

  it("refuses a named pipe without opening it, so nothing blocks", async () => {
    const fifo = join(folder, "pipe.txt");
    await run("mkfifo", [fifo]);
    await expectOneLine(["--input", fifo], 1, fifo, /named pipe \(FIFO\), not a regular file/);
  });

  it("refuses a device such as /dev/zero instead of reading it for ever", async () => {
    await expectOneLine(["--input", "/dev/zero"], 1, "/dev/zero", /device, not a regular file/);
  });

  it("refuses a socket", async () => {
    const path = join(folder, "list.sock");
    const server = createServer().listen(path);
    await once(server, "listening");
    try {
      await expectOneLine(["--input", path], 1, path, /socket, not a regular file/);
    } finally {
      server.close();
    }
  });

  it(`refuses an input larger than ${MAX_INPUT_LABEL}, without reading it`, async () => {
    const big = join(folder, "huge.txt");
    await writeFile(big, "");
    await truncate(big, MAX_INPUT_BYTES + 1); // sparse: takes no room on disk
    await expectOneLine(["--input", big], 1, big, new RegExp(`larger than the ${MAX_INPUT_LABEL}`));
  });

  it("documents the input limit in --help", async () => {
    expect((await graphCli("--help")).stdout).toContain(MAX_INPUT_LABEL);
  });

  it("refuses --out naming an input, through any path or link, and leaves the input alone", async () => {
    const link = join(folder, "link.md");
    await symlink(list, link);
    const before = await readFile(list, "utf8");
    for (const out of [list, join(folder, ".", "list.md"), link]) {
      const result = await graphCli("--input", list, "--out", out);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/--out .* would overwrite the input/);
    }
    expect(await readFile(list, "utf8")).toBe(before);
  });

  it("refuses --gexf naming an input or the --out file", async () => {
    await expectOneLine(["--input", list, "--gexf", list], 2, list, /--gexf .* would overwrite the input/);
    const out = join(folder, "same.json");
    const result = await graphCli("--input", list, "--out", out, "--gexf", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--gexf .* is the same file as --out/);
  });

  it.each([["--out"], ["--format"], ["--gexf"]])("refuses %s given twice (exit 2) rather than keep the last", async (option) => {
    const value = option === "--format" ? "markdown" : join(folder, "twice.json");
    const result = await graphCli("--input", list, option, value, option, value);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([`error: ${option} given more than once (see --help)`]);
  });

  it("refuses the same input given twice", async () => {
    const result = await graphCli("--input", list, "--input", join(folder, ".", "list.md"), "--out", join(folder, "x.json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the same file as --input/);
  });

  it("refuses a --gexf that names a folder before any work, leaving the graph file untouched", async () => {
    const gexf = join(folder, "a-folder");
    await mkdir(gexf, { recursive: true });
    const out = join(folder, "kept.json");
    await expectOneLine(["--input", list, "--out", out, "--gexf", gexf], 1, gexf, /is a directory/);
  });

  it("names the file of a failure in any input among several", async () => {
    const empty = join(folder, "empty.md");
    await writeFile(empty, "\n\n");
    await expectOneLine(["--input", list, "--input", empty], 1, empty, /empty/);
  });
});

describe("runMain, whatever is thrown", () => {
  /** A script that runs `body` inside runMain, as the CLIs do. */
  async function script(body: string, env: Record<string, string> = {}) {
    const code = `import { runMain, inFile } from "./scripts/lib/cli.ts";\nrunMain(async () => { ${body} });`;
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", code], {
        cwd: ROOT,
        env: { ...process.env, DEBUG: "", ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const overflow = `inFile("deep.md", () => { const dive = (n) => dive(n + 1) + 1; return dive(0); });`;

  it("turns a stack overflow in a library into one line naming the file", async () => {
    const result = await script(overflow);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["error: deep.md: nested too deeply to read (maximum call stack size exceeded)"]);
  });

  it("keeps only the first line of a library's multi-line message", async () => {
    const result = await script(`inFile("x.md", () => { throw new TypeError("bad thing\\n    at somewhere (lib.js:1:2)"); });`);
    expect(result.stderr.trim().split("\n")).toEqual(["error: x.md: bad thing"]);
  });

  it("prints the stack trace only with DEBUG=1", async () => {
    const result = await script(overflow, { DEBUG: "1" });
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")[0]).toMatch(/^error: deep\.md: /);
    expect(result.stderr).toMatch(/RangeError: Maximum call stack size exceeded\n\s+at /);
  });
});
