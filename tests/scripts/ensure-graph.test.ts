import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureGraph } from "../../scripts/ensure-graph";

describe("ensureGraph (run before npm run dev and npm run build)", () => {
  let dir: string;
  let input: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "insight-graph-ensure-"));
    input = join(dir, "list.md");
    out = join(dir, "public", "graph.json");
    await writeFile(input, "# Reading\n\n## Queues\n\n- [CoDel at Uber](https://example.org/codel) - load shedding with CoDel\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("builds the graph when it is missing", async () => {
    expect(await ensureGraph({ inputs: [input], out, dependsOn: [] })).toBe(out);
    expect(JSON.parse(await readFile(out, "utf8")).nodes.length).toBeGreaterThan(0);
  });

  it("leaves an up-to-date graph alone", async () => {
    const before = (await stat(out)).mtimeMs;
    await ensureGraph({ inputs: [input], out, dependsOn: [] });
    expect((await stat(out)).mtimeMs).toBe(before);
  });

  it("rebuilds when an input is newer than the graph", async () => {
    const later = new Date(Date.now() + 60_000);
    await writeFile(input, "# Reading\n\n## Queues\n\n- [Little's Law](https://example.org/ll) - queues\n- [CoDel](https://example.org/c)\n");
    await utimes(input, later, later);
    await ensureGraph({ inputs: [input], out, dependsOn: [] });
    const graph = JSON.parse(await readFile(out, "utf8")) as { nodes: { key: string }[] };
    expect(graph.nodes.map((n) => n.key)).toContain("article:littles-law");
  });

  it("rebuilds when any one of several inputs is newer, from all of them", async () => {
    const other = join(dir, "more.md");
    const both = join(dir, "both", "graph.json");
    await writeFile(other, "- [Raft](https://raft.github.io/)\n");
    const earlier = new Date(Date.now() - 60_000);
    for (const file of [input, other]) await utimes(file, earlier, earlier);
    await ensureGraph({ inputs: [input, other], out: both, dependsOn: [] });
    const first = JSON.parse(await readFile(both, "utf8")) as { attributes: { inputs: string[] } };
    expect(first.attributes.inputs).toEqual(["list.md", "more.md"]);
    const before = (await stat(both)).mtimeMs;
    await ensureGraph({ inputs: [input, other], out: both, dependsOn: [] });
    expect((await stat(both)).mtimeMs).toBe(before);
    const later = new Date(Date.now() + 120_000);
    await utimes(other, later, later);
    await ensureGraph({ inputs: [input, other], out: both, dependsOn: [] });
    expect((await stat(both)).mtimeMs).toBeGreaterThan(before);
  });

  it("keeps a graph that was built on purpose from other inputs, and says so", async () => {
    const graph = JSON.parse(await readFile(out, "utf8")) as { attributes: { inputs: string[] } };
    graph.attributes.inputs = ["my-own-list.md"];
    await writeFile(out, JSON.stringify(graph));
    const kept = await readFile(out, "utf8");
    const said: string[] = [];
    const log = console.log;
    console.log = (line: string) => said.push(line);
    try {
      await ensureGraph({ inputs: [input], out, dependsOn: [] });
    } finally {
      console.log = log;
    }
    expect(await readFile(out, "utf8")).toBe(kept);
    expect(said).toEqual([expect.stringMatching(/keeping .* built from my-own-list\.md/)]);
  });

  it("rebuilds a graph file it cannot read, or one that predates the inputs attribute", async () => {
    await writeFile(out, '{"attributes":{"name":"list.md"},"nodes":[],"edges":[]}');
    const later = new Date(Date.now() + 600_000);
    await utimes(out, later, later);
    await ensureGraph({ inputs: [input], out, dependsOn: [] });
    expect(JSON.parse(await readFile(out, "utf8")).attributes.inputs).toEqual(["list.md"]);
  });
});
