/**
 * Tours in the build: `npm run graph` reads a folder of tour files, checks each against the
 * schema and the graph, and carries them in graph.json; a bad tour stops the build with one line
 * and writes nothing. The bundled tours pass on the bundled document.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraphFile, buildGraphFromFiles } from "../../scripts/lib/build";
import { CliError } from "../../scripts/lib/cli";
import { DEFAULT_INPUT, DEFAULT_TOURS, GRAPH_INPUTS } from "../../scripts/lib/paths";
import { readTours, tourFiles, TOUR_SCHEMA_FILE } from "../../scripts/lib/tours";
import { graphCli, ROOT } from "./graph-cli";

const ARTICLE = "article:codel-at-uber";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "insight-graph-tours-"));
  input = join(dir, "list.md");
  await writeFile(
    input,
    "# Reading\n\n## Queues\n\n- [CoDel at Uber](https://example.org/codel) - load shedding with CoDel at Uber\n- [Little's Law](https://example.org/ll) - queues and CoDel\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A folder holding these tour files (name → content: an object is written as JSON). */
async function toursFolder(name: string, files: Record<string, unknown>): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await writeFile(join(folder, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return folder;
}

const tour = (title: string, ...nodes: string[]) => ({
  $schema: "./tour.schema.json",
  title,
  steps: nodes.map((node) => ({ show: { node }, note: `Look at *${node}*.` })),
});

describe("npm run graph --tours", () => {
  it("carries the tours, in file-name order, each with its file's base name as id and no $schema", async () => {
    const tours = await toursFolder("good", { "b-second.json": tour("Second", ARTICLE), "a-first.json": tour("First", ARTICLE, ARTICLE) });
    await copyFile(join(DEFAULT_TOURS, TOUR_SCHEMA_FILE), join(tours, TOUR_SCHEMA_FILE));
    const out = join(dir, "good.json");
    await buildGraphFile({ input, out, tours });
    const graph = JSON.parse(await readFile(out, "utf8"));
    expect(graph.attributes.tours).toEqual([
      { id: "a-first", title: "First", steps: [{ show: { node: ARTICLE }, note: `Look at *${ARTICLE}*.` }, { show: { node: ARTICLE }, note: `Look at *${ARTICLE}*.` }] },
      { id: "b-second", title: "Second", steps: [{ show: { node: ARTICLE }, note: `Look at *${ARTICLE}*.` }] },
    ]);
  }, 180_000);

  it("writes the same bytes from the same tours", async () => {
    const tours = await toursFolder("same", { "one.json": tour("One", ARTICLE) });
    const [first, second] = [join(dir, "same-1.json"), join(dir, "same-2.json")];
    await buildGraphFile({ input, out: first, tours });
    await buildGraphFile({ input, out: second, tours });
    expect(await readFile(second, "utf8")).toBe(await readFile(first, "utf8"));
  }, 180_000);

  it("carries no tours attribute when there are none to carry", async () => {
    const out = join(dir, "none.json");
    await buildGraphFile({ input, out, tours: await toursFolder("empty", {}) });
    expect(JSON.parse(await readFile(out, "utf8")).attributes).not.toHaveProperty("tours");
    await buildGraphFile({ input, out });
    expect(JSON.parse(await readFile(out, "utf8")).attributes).not.toHaveProperty("tours");
  }, 180_000);

  it("keeps the tours out of the GEXF file, which Gephi reads as it did", async () => {
    const tours = await toursFolder("gexf", { "one.json": tour("Gephi never sees this", ARTICLE) });
    const gexf = join(dir, "tours.gexf");
    await buildGraphFile({ input, out: join(dir, "gexf.json"), gexf, tours });
    const text = await readFile(gexf, "utf8");
    expect(text).toContain("<gexf");
    expect(text).not.toContain("Gephi never sees this");
  }, 180_000);

  it("fails on a tour naming a missing node with one line naming the file, the step and the node, and leaves the old graph untouched", async () => {
    const tours = await toursFolder("missing", { "good.json": tour("Good", ARTICLE), "load-management.json": tour("Bad", ARTICLE, ARTICLE, "entity:foo") });
    const out = join(dir, "kept.json");
    await writeFile(out, "the graph built before");
    const result = await graphCli("--input", input, "--out", out, "--tours", tours, "--quiet");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${join(tours, "load-management.json")}: step 3: show.node: no node "entity:foo" in this graph\n`);
    expect(result.stdout).toBe("");
    expect(await readFile(out, "utf8")).toBe("the graph built before");
  }, 180_000);

  it("reports a JSON syntax error by line and column, and says when there are more problems", async () => {
    const broken = await toursFolder("broken", { "a.json": '{\n  "title": "A",\n  "steps": [,]\n}', "b.json": tour("B", "entity:nowhere", "entity:nothing") });
    const graph = await buildGraphFromFiles([input]);
    const failure = await readTours(broken, graph).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect(String(failure)).toBe(`error: ${join(broken, "a.json")}:3:13: unexpected "," (and more problems, in 2 tour files)`);
  }, 180_000);

  it("refuses a folder that is not there, and reads none with --tours none", async () => {
    const graph = await buildGraphFromFiles([input]);
    await expect(readTours(join(dir, "no-such-folder"), graph)).rejects.toThrow("no such folder of tours");
    const out = join(dir, "cli-none.json");
    const result = await graphCli("--input", input, "--out", out, "--tours", "none", "--quiet");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).attributes).not.toHaveProperty("tours");
  }, 180_000);

  it("reads the bundled tours only for the bundled document: another list gets none by default", async () => {
    const out = join(dir, "other-list.json");
    const result = await graphCli("--input", input, "--out", out);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).attributes).not.toHaveProperty("tours");
  }, 180_000);

  it("documents --tours in the help", async () => {
    const { stdout } = await graphCli("--help");
    expect(stdout).toMatch(/--tours DIR .*\n(.*\n)*.*"none" for none/);
  }, 60_000);

  it("rebuilds the graph before dev and build when a tour changes", () => {
    expect(GRAPH_INPUTS).toContain(DEFAULT_TOURS);
  });
});

describe("the bundled tours", () => {
  it("are the tour files of data/tours, and all pass on the bundled document", async () => {
    const files = await tourFiles(DEFAULT_TOURS);
    expect(files.map((file) => file.slice(DEFAULT_TOURS.length + 1))).toEqual(["load-management.json", "postgres-in-production.json"]);
    const tours = await readTours(DEFAULT_TOURS, await buildGraphFromFiles([DEFAULT_INPUT]));
    expect(tours.map((t) => [t.id, t.title])).toEqual([
      ["load-management", "Load management from Uber to CoDel"],
      ["postgres-in-production", "Postgres in production"],
    ]);
    for (const t of tours) {
      expect(t.steps.length).toBeGreaterThanOrEqual(5);
      expect(t.steps.length).toBeLessThanOrEqual(8);
      const kinds = new Set(t.steps.map((step) => Object.keys(step.show)[0]));
      expect([...kinds].sort(), t.id).toEqual(["concepts", "node", "path", "regionOf"]);
      expect(t.steps.some((step) => step.view !== undefined && step.view !== "map"), t.id).toBe(true);
      for (const step of t.steps) expect(step.note?.length, t.id).toBeGreaterThan(0);
    }
  }, 180_000);
});
