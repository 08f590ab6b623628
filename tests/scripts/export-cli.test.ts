/**
 * `npm run graph -- --export FORMAT --out FILE`: each format is written where --out says (CSV as
 * two files named after it), read back to the same graph, and graph.json is never the target; a
 * bad format or a missing --out is one line and exit 2 before any work; an output that cannot be
 * written leaves nothing half-written.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { SerializedGraph } from "graphology-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphCli } from "./graph-cli";

let folder: string;
let list: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "insight-graph-export-"));
  list = join(folder, "list.md");
  await writeFile(
    list,
    [
      "# Systems",
      "- [Raft in practice](https://raft.github.io/) - consensus with Raft and etcd",
      "- [Kafka at Netflix](https://example.org/kafka) - Apache Kafka streams at Netflix",
      '- [PostgreSQL MVCC, "vacuum" & <you>](https://example.org/pg) - PostgreSQL vacuum and MVCC',
      "",
    ].join("\n"),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The graph as the JSON export holds it: what every other format is compared with. */
let reference: Graph;

describe("npm run graph -- --export", () => {
  it("writes graphology's JSON to --out, and says so on the usual line", async () => {
    const out = join(folder, "json", "graph.json");
    const result = await graphCli("--input", list, "--export", "json", "--out", out, "--quiet");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^wrote ${out}: 3 articles `));
    expect(result.stderr).toBe("");
    reference = Graph.from(JSON.parse(await readFile(out, "utf8")) as SerializedGraph);
    expect(reference.order).toBeGreaterThan(3);
  });

  it.each([
    ["gexf", (text: string) => parseGexf(Graph, text)],
    ["graphml", (text: string) => parseGraphml(Graph, text)],
  ] as const)("writes %s to --out, which reads back to the same nodes, labels and edges", async (format, read) => {
    const out = join(folder, format, `graph.${format}`);
    const result = await graphCli("--input", list, "--export", format, "--out", out, "--quiet");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^wrote ${out}: `));
    const back = read(await readFile(out, "utf8"));
    expect(back.order).toBe(reference.order);
    expect(back.size).toBe(reference.size);
    reference.forEachNode((node, attributes) => expect(back.getNodeAttribute(node, "label")).toBe(attributes.label));
  });

  it("writes CSV as two files named after --out, nodes and edges, and no file at --out itself", async () => {
    const out = join(folder, "csv", "graph.csv");
    const result = await graphCli("--input", list, "--export", "csv", "--out", out, "--quiet");
    expect(result.code, result.stderr).toBe(0);
    const nodes = join(folder, "csv", "graph.nodes.csv");
    const edges = join(folder, "csv", "graph.edges.csv");
    expect(result.stdout).toMatch(new RegExp(`^wrote ${nodes} and ${edges}: `));
    expect((await readdir(join(folder, "csv"))).sort()).toEqual(["graph.edges.csv", "graph.nodes.csv"]);
    const rows = csvParse(await readFile(nodes, "utf8"));
    expect(new Map(rows.map((row) => [row.id, row.label]))).toEqual(new Map(reference.mapNodes((node, attributes) => [node, attributes.label])));
    expect(csvParse(await readFile(edges, "utf8"))).toHaveLength(reference.size);
  });

  it("refuses a format it does not know: one line, exit 2, nothing written", async () => {
    const out = join(folder, "bad", "graph.xlsx");
    const result = await graphCli("--input", list, "--export", "xlsx", "--out", out);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual(['error: --export must be one of gexf, graphml, csv, json, not "xlsx" (see --help)']);
    await expect(readdir(join(folder, "bad"))).rejects.toThrow();
  });

  it("refuses --export without --out, rather than write over the app's graph.json", async () => {
    const result = await graphCli("--input", list, "--export", "gexf");
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual(["error: --export needs --out FILE, the file to write (see --help)"]);
  });

  it("writes neither CSV file when one cannot be written", async () => {
    const dir = join(folder, "half");
    await mkdir(join(dir, "graph.edges.csv"), { recursive: true });
    const result = await graphCli("--input", list, "--export", "csv", "--out", join(dir, "graph.csv"), "--quiet");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/graph\.edges\.csv: cannot write: is a directory/);
    expect(await readdir(dir)).toEqual(["graph.edges.csv"]);
  });

  it("refuses a CSV file that would overwrite an input", async () => {
    const input = join(folder, "clash.nodes.csv");
    await writeFile(input, "- [Raft](https://raft.github.io/) - consensus\n");
    const result = await graphCli("--input", input, "--format", "markdown", "--export", "csv", "--out", join(folder, "clash.csv"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out .*clash\.nodes\.csv would overwrite the input/);
    expect(await readFile(input, "utf8")).toMatch(/^- \[Raft\]/);
  });
});
