/**
 * Issue 3: the built site, served under a sub-path, loads graph.json, draws it with sigma, explains
 * itself with a legend, finds a concept and lists its articles, highlights neighbours on hover,
 * and says in words when the graph cannot be loaded.
 */
import { describe, expect, it } from "vitest";
import {
  articleList,
  details,
  entitiesByArticleCount,
  entity,
  entityByLabel,
  entityTypesIn,
  focusThroughSearch,
  inkOf,
  loadGraph,
  mentioningArticles,
  probeNodes,
  reachableNode,
  siteUrl,
  squash,
  typeName,
  useBrowser,
  viewNeighbours,
} from "./support";

describe("the built site", () => {
  const session = useBrowser();

  it('is titled "Insight Graph" and draws the graph on its canvas', async () => {
    const page = await session.open();
    expect(await page.title()).toBe("Insight Graph");
    const ink = await inkOf(page, page.locator("#graph"));
    // Nodes of two kinds, edges and labels on a plain background: several colours, real coverage.
    expect(ink.inkShare).toBeGreaterThan(0.01);
    expect(ink.colours).toBeGreaterThanOrEqual(4);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("shows a legend naming articles and every entity type in the graph", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const legend = page.getByRole("region", { name: "Legend" });
    await expect.poll(() => legend.isVisible()).toBe(true);
    const text = squash(await legend.textContent()).toLowerCase();
    expect(text).toContain("article");
    for (const type of entityTypesIn(graph)) expect(text).toMatch(typeName(type));
  });

  it("finds a concept by search and lists the articles that mention it in Details", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const expectedTitles = mentioningArticles(graph, postgres).map((key) => graph.getNodeAttribute(key, "label"));
    expect(expectedTitles.length).toBeGreaterThan(1);

    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const items = articleList(details(page)).getByRole("listitem");
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const listed = (await items.allTextContents()).map(squash);
    for (const item of listed) {
      expect(
        expectedTitles.some((title) => item.includes(squash(title))),
        `"${item}" names an article that mentions PostgreSQL`,
      ).toBe(true);
    }
  });

  it("highlights a node's neighbours, and only them, on hover", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    // A well-connected concept that is drawn where the pointer can reach it (not under a panel).
    const target = await reachableNode(page, entitiesByArticleCount(graph).slice(0, 30));
    expect(target, "a well-connected concept drawn in the open").toBeDefined();
    const { key, x, y } = target as { key: string; x: number; y: number };

    // Hover lights the neighbours through the map's own edges (mentions and broader relations)
    // that the filters show: a one-article concept hidden at this zoom stays hidden.
    const mapNeighbours = viewNeighbours(graph, key, "map");
    const before = await probeNodes(page, mapNeighbours);
    const neighbours = new Set(mapNeighbours.filter((node) => !before[node]?.hidden));
    expect(neighbours.size, "neighbours on show").toBeGreaterThan(0);

    await page.mouse.move(x, y);
    await expect.poll(async () => (await probeNodes(page, [key]))[key]?.hovered).toBe(true);

    const others = graph.filterNodes((node) => node !== key && !neighbours.has(node));
    const after = await probeNodes(page, [...neighbours, ...others]);
    const unlit = [...neighbours].filter((node) => !after[node]?.highlighted);
    const lit = others.filter((node) => after[node]?.highlighted);
    expect(unlit, `neighbours of ${entity(graph, key).label} not highlighted`).toEqual([]);
    expect(lit, "non-neighbours highlighted").toEqual([]);
  });

  it("says in words that graph.json is missing", async () => {
    const page = await session.newPage();
    await page.route("**/graph.json", (route) => route.fulfill({ status: 404, body: "Not found" }));
    await page.goto(siteUrl());
    const alert = page.getByRole("alert");
    await expect.poll(async () => squash(await alert.first().textContent())).toMatch(/graph/i);
    expect(squash(await alert.first().textContent())).not.toMatch(/undefined|\[object/);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("says in words that graph.json is broken", async () => {
    const page = await session.newPage();
    await page.route("**/graph.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: '{"nodes": [{"key": ' }),
    );
    await page.goto(siteUrl());
    const alert = page.getByRole("alert");
    await expect.poll(async () => squash(await alert.first().textContent())).toMatch(/graph/i);
    expect(squash(await alert.first().textContent())).not.toMatch(/undefined|\[object/);
    expect(session.errorsOf(page)).toEqual([]);
  });
});
