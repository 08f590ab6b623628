/**
 * Issue 10, three views of one graph: the map (articles and concepts), concepts only, articles
 * only, switched by a radio group "Views" in the toolbar and kept in the address (`view=`), with
 * the same selection and filters; each view draws only its own nodes and edges. And concepts
 * named by one article: hidden at first on a graph this size, shown on request ("Show concepts
 * named by one article", `rare=1`) or when chosen, e.g. through search.
 *
 * Beyond the contract, "hidden" and "highlighted" are read as in support.ts; an edge is drawn
 * when sigma's display data for it is not `visibility: "hidden"`.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { VIEW_EDGES, type ViewName } from "../../src/core/graph/types";
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve";
import {
  details,
  entities,
  entity,
  focusThroughSearch,
  loadGraph,
  probeNodes,
  squash,
  useBrowser,
  waitForFirstFrame,
  type ExplorerGraph,
} from "./support";

const VIEWS: { view: Exclude<ViewName, "map">; name: string; kind: "entity" | "article" }[] = [
  { view: "concepts", name: "Concepts", kind: "entity" },
  { view: "articles", name: "Articles", kind: "article" },
];

function viewSwitch(page: Page) {
  return page.getByRole("toolbar", { name: "View" }).getByRole("radiogroup", { name: "Views" });
}

function viewParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get("view");
}

/** The nodes a view shows: every node on the map, the placed ones elsewhere. */
function placedIn(graph: ExplorerGraph, view: ViewName): string[] {
  return graph.filterNodes((_node, attributes) => view === "map" || attributes.positions?.[view] !== undefined);
}

/** A spread of `keys` (every n-th), enough to check a view without probing a thousand nodes one by one. */
function sample(keys: string[], size = 60): string[] {
  const step = Math.max(1, Math.floor(keys.length / size));
  return keys.filter((_key, i) => i % step === 0);
}

/** The kinds of the edges sigma draws now. */
async function drawnEdgeKinds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sigma = window.__insightGraph.sigma;
    const graph = sigma.getGraph();
    const kinds = new Set<string>();
    graph.forEachEdge((edge, attributes) => {
      const display = sigma.getEdgeDisplayData(edge);
      if (display && display.visibility !== "hidden") kinds.add(attributes.kind as string);
    });
    return [...kinds].sort();
  });
}

/** Concepts named by one article, as the Filters panel counts them. */
function rareConcepts(graph: ExplorerGraph): string[] {
  return entities(graph).filter((key) => entity(graph, key).articleCount === 1);
}

describe("three views", () => {
  const session = useBrowser();

  it("switch from the toolbar, change the address, come back on reload, and show only their own nodes and edges", async () => {
    const graph = await loadGraph();
    const page = await session.open("?rare=1");
    const views = viewSwitch(page);
    expect(await views.getByRole("radio").count()).toBe(3);
    expect(await views.getByRole("radio", { name: "Map", exact: true }).isChecked()).toBe(true);
    expect(viewParam(page)).toBeNull();
    expect(await drawnEdgeKinds(page)).toEqual([...VIEW_EDGES["map"]].filter((kind) => graph.someEdge((_e, a) => a.kind === kind)).sort());

    for (const { view, name, kind } of VIEWS) {
      await views.getByRole("radio", { name, exact: true }).check();
      await expect.poll(() => viewParam(page)).toBe(view);
      for (const reloaded of [false, true]) {
        if (reloaded) {
          // The first frame is what counts; "load" can lag far behind it on a busy machine.
          await page.reload({ waitUntil: "domcontentloaded" });
          await waitForFirstFrame(page);
          expect(await viewSwitch(page).getByRole("radio", { name, exact: true }).isChecked(), `${name} checked after a reload`).toBe(true);
        }
        const placed = new Set(placedIn(graph, view));
        expect(placed.size, `the build places nodes in the ${view} view`).toBeGreaterThan(0);
        const others = sample(graph.filterNodes((node, attributes) => attributes.kind !== kind || !placed.has(node)));
        const own = sample([...placed]);
        const probes = await probeNodes(page, [...others, ...own]);
        expect(others.filter((node) => !probes[node]?.hidden), `nodes the ${view} view does not show`).toEqual([]);
        expect(own.filter((node) => probes[node]?.hidden), `nodes of the ${view} view`).toEqual([]);
        const kinds = await drawnEdgeKinds(page);
        expect(kinds.every((k) => (VIEW_EDGES[view] as readonly string[]).includes(k)), `${view} draws ${kinds.join(", ")}`).toBe(true);
        expect(kinds.length, `${view} draws some edges`).toBeGreaterThan(0);
      }
    }

    await viewSwitch(page).getByRole("radio", { name: "Map", exact: true }).check();
    await expect.poll(() => viewParam(page)).toBeNull();
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("is a radio group the keyboard moves through", async () => {
    const page = await session.open();
    const views = viewSwitch(page);
    await views.getByRole("radio", { name: "Map", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => viewParam(page)).toBe("concepts");
    expect(await views.getByRole("radio", { name: "Concepts", exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("keep the selection and the filters across views, and Back returns to the previous view", async () => {
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const filters = page.getByRole("region", { name: "Filters", exact: true });
    await filters.getByRole("checkbox").first().uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.getAll("hide").length).toBe(1);

    await viewSwitch(page).getByRole("radio", { name: "Articles", exact: true }).check();
    await expect.poll(() => viewParam(page)).toBe("articles");
    const params = new URL(page.url()).searchParams;
    expect(params.getAll("concept")).toHaveLength(1);
    expect(params.getAll("hide")).toHaveLength(1);
    expect(squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe("PostgreSQL");
    expect(await filters.getByRole("checkbox").first().isChecked()).toBe(false);
    // The concept's articles are lit in the articles view.
    const lit = await page.evaluate(() => {
      const sigma = window.__insightGraph.sigma;
      return sigma.getGraph().filterNodes((node) => sigma.getNodeState(node).isHighlighted);
    });
    const graph = await loadGraph();
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every((node) => graph.getNodeAttribute(node, "kind") === "article")).toBe(true);

    await page.goBack();
    await expect.poll(() => viewParam(page)).toBeNull();
    await expect.poll(() => viewSwitch(page).getByRole("radio", { name: "Map", exact: true }).isChecked()).toBe(true);
    expect(squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe("PostgreSQL");
  });
});

describe("concepts named by one article", () => {
  const session = useBrowser();

  it("wait until asked for, and the choice stays in the address", async () => {
    const graph = await loadGraph();
    const rare = sample(rareConcepts(graph));
    expect(rare.length).toBeGreaterThan(0);
    const page = await session.open();
    const box = page.getByRole("region", { name: "Filters", exact: true }).getByRole("checkbox", { name: /^Show concepts named by one article/ });
    expect(await box.isChecked()).toBe(false);
    const shown = async () => {
      const probes = await probeNodes(page, rare);
      return rare.filter((node) => !probes[node]?.hidden).length;
    };
    expect(await shown(), "one-article concepts shown at first").toBe(0);

    await box.check();
    await expect.poll(() => new URL(page.url()).searchParams.get("rare")).toBe("1");
    await expect.poll(shown).toBe(rare.length);

    await page.reload({ waitUntil: "domcontentloaded" });
    await waitForFirstFrame(page);
    expect(await box.isChecked()).toBe(true);
    await expect.poll(shown).toBe(rare.length);

    await box.uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.has("rare")).toBe(false);
    await expect.poll(shown).toBe(0);
  });

  it("show when found through search, and the concept is focused", async () => {
    const graph = await loadGraph();
    // A one-article concept whose name is its own in the graph, so search offers it first.
    const labels = new Map<string, number>();
    for (const key of entities(graph)) labels.set(entity(graph, key).label, (labels.get(entity(graph, key).label) ?? 0) + 1);
    const target = rareConcepts(graph)
      .filter((key) => labels.get(entity(graph, key).label) === 1 && /^[A-Za-z][\w -]{4,}$/.test(entity(graph, key).label))
      .sort()[0];
    expect(target, "a one-article concept with a plain name").toBeDefined();
    const label = entity(graph, target as string).label;
    const page = await session.open();
    expect((await probeNodes(page, [target as string]))[target as string]?.hidden).toBe(true);
    await focusThroughSearch(page, label, label);
    await expect.poll(async () => (await probeNodes(page, [target as string]))[target as string]?.hidden).toBe(false);
  });
});

describe("a graph built before views", () => {
  const session = useBrowser();
  let server: StaticServer;
  let workDir: string;

  beforeAll(async () => {
    const data = (await loadGraph()).export();
    for (const node of data.nodes) delete node.attributes?.positions;
    workDir = await mkdtemp(join(tmpdir(), "insight-graph-views-"));
    const file = join(workDir, "graph.json");
    await writeFile(file, JSON.stringify(data));
    server = await serveDirectory(inject("siteRoot"), "/before-views/", { graphs: { older: file } });
  });

  afterAll(async () => {
    await server?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("offers only the map, and says so when the address asks for another view", async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}older/?view=concepts`);
    await waitForFirstFrame(page);
    expect(await page.getByRole("radiogroup", { name: "Views" }).count()).toBe(0);
    const notice = page.getByRole("status").filter({ hasText: /\S/ });
    await expect.poll(async () => squash(await notice.first().textContent())).toMatch(/\bview\b/);
    // The map is drawn: articles and concepts alike.
    const graph = await loadGraph();
    const someArticle = graph.findNode((_node, attributes) => attributes.kind === "article") as string;
    expect((await probeNodes(page, [someArticle]))[someArticle]?.hidden).toBe(false);
    expect(session.errorsOf(page)).toEqual([]);
  });
});
