/**
 * Issue 5, hover and camera: hovering shows a node's label and lights its neighbours; Zoom in,
 * Zoom out and Fit move sigma's camera; Fullscreen toggles, or is refused gracefully where the
 * browser allows no fullscreen.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  cameraState,
  entitiesByArticleCount,
  loadGraph,
  probeNodes,
  reachableNode,
  settledCamera,
  useBrowser,
  viewNeighbours,
} from "./support";

async function press(page: Page, name: string): Promise<number> {
  await page.getByRole("button", { name, exact: true }).click();
  return (await settledCamera(page)).ratio;
}

describe("hover and camera", () => {
  const session = useBrowser();

  it("shows the label of the node under the pointer and lights its neighbours", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    // Less-mentioned concepts have no label by default: the hover is what reveals it. The
    // tiniest dots are below pointer precision, and a node may lie under a neighbour, so take
    // the first one of a fair size that the pointer really hovers.
    const lessMentioned = entitiesByArticleCount(graph).slice(30).reverse();
    const sizes = await probeNodes(page, lessMentioned);
    const candidates = lessMentioned.filter((key) => (sizes[key]?.size ?? 0) >= 5);
    let hovered: string | undefined;
    for (let tries = 0; tries < 10 && !hovered && candidates.length > 0; tries++) {
      const target = await reachableNode(page, candidates);
      if (!target) break;
      candidates.splice(candidates.indexOf(target.key), 1);
      await page.mouse.move(target.x, target.y);
      await page.waitForTimeout(300);
      hovered = await page.evaluate(() => {
        const sigma = window.__insightGraph.sigma;
        return sigma.getGraph().findNode((node) => sigma.getNodeState(node).isHovered);
      });
    }
    expect(hovered, "a small concept hovered by the pointer").toBeDefined();
    const key = hovered as string;
    await expect.poll(async () => (await probeNodes(page, [key]))[key]?.labelShown).toBe(true);
    // Its neighbours through the map's edges (mentions, broader relations) among those the
    // filters show: hovering lights every one of them, and nothing it does not draw a line to.
    const neighbours = new Set(viewNeighbours(graph, key, "map"));
    const probes = await probeNodes(page, graph.nodes());
    const shownNeighbours = [...neighbours].filter((node) => !probes[node]?.hidden);
    expect(shownNeighbours.length, "neighbours on show").toBeGreaterThan(0);
    expect(shownNeighbours.filter((node) => !probes[node]?.highlighted), "neighbours not lit").toEqual([]);
    const strangers = graph.filterNodes((node) => node !== key && !neighbours.has(node));
    expect(strangers.filter((node) => probes[node]?.highlighted), "lit without a line to it").toEqual([]);

    // Leaving the node clears it.
    await page.mouse.move(1, 1);
    await expect.poll(async () => (await probeNodes(page, [key]))[key]?.hovered).toBe(false);
  });

  it("zooms in, zooms out and fits the whole graph again", async () => {
    const page = await session.open();
    const start = await settledCamera(page);
    const initial = start.ratio;
    const zoomedIn = await press(page, "Zoom in");
    expect(zoomedIn).toBeLessThan(initial);
    const zoomedInTwice = await press(page, "Zoom in");
    expect(zoomedInTwice).toBeLessThan(zoomedIn);
    const zoomedOut = await press(page, "Zoom out");
    expect(zoomedOut).toBeGreaterThan(zoomedInTwice);

    // Pan away too: Fit must bring back the whole graph, not only the zoom level.
    await page.evaluate(({ x, y }) => window.__insightGraph.sigma.getCamera().setState({ x, y }), {
      x: start.x + 0.4,
      y: start.y - 0.4,
    });
    const fitted = await press(page, "Fit");
    const state = await cameraState(page);
    expect(Math.abs(fitted - initial) / initial).toBeLessThan(0.05);
    expect(Math.abs(state.x - start.x)).toBeLessThan(0.05);
    expect(Math.abs(state.y - start.y)).toBeLessThan(0.05);
  });

  it("has a Fullscreen button that toggles fullscreen or is refused without breaking the page", async () => {
    const page = await session.open();
    const button = page.getByRole("button", { name: "Fullscreen", exact: true });
    await button.click();
    await page.waitForTimeout(500);
    const entered = await page.evaluate(() => document.fullscreenElement !== null);
    if (entered) {
      await page.getByRole("button", { name: /fullscreen/i }).first().click();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    }
    expect(session.errorsOf(page)).toEqual([]);
    expect(await page.locator("#graph").getAttribute("aria-busy")).toBe("false");
    expect(await press(page, "Zoom in")).toBeGreaterThan(0);
  });
});
