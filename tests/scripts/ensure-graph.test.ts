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
});
