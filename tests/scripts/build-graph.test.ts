/**
 * `npm run graph` as a user meets it: the graph contract on the bundled document, the Markdown
 * import, and the manners of the command line on bad input (one line, exit 1, output untouched).
 */
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Graph from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slug } from "../../src/core/slug";
import { fieldText, type Entry } from "../../src/core/types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/core/graph/types";
import { parseDocument } from "../../src/core/parse/index";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

async function graphCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/build-graph.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DEBUG: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

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
    const result = await graphCli("--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*graph\.json: 254 articles \(54 with insights\)/);
    graph = Graph.from(JSON.parse(await readFile(out, "utf8")));
    documentText = await readFile(join(ROOT, "data/bookmarks.txt"), "utf8");
    entries = parseDocument(documentText, "text").entries;
  }, 180_000);

  const articles = () => graph.filterNodes((_, a) => a.kind === "article");
  const entities = () => graph.filterNodes((_, a) => a.kind === "entity");

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
        expect(a.articleCount).toBe(graph.inDegree(node));
      } else {
        for (const key of ["description", "section", "subsection", "note", "source"] as const) expect(typeof a[key]).toBe("string");
        expect(Array.isArray(a.insights)).toBe(true);
      }
    });
  });

  it("has no entity node without a mention edge", () => {
    expect(entities().length).toBeGreaterThan(100);
    for (const node of entities()) expect(graph.inDegree(node), node).toBeGreaterThan(0);
  });

  it("keeps, on every mention edge, evidence that points at the entity's words in the article", () => {
    graph.forEachEdge((edge, a, source, target, sourceAttr, targetAttr) => {
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
    const result = await graphCli("--input", input, "--out", out);
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
