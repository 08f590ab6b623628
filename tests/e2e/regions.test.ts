/**
 * Issue 10, first step: the build's regions (communities) colour the map on request. The
 * legend offers "Colour by" Concept type / Region, names the largest regions when they are what
 * the colours tell, the map shows their names, and the choice stays in the URL. Expectations
 * come from graph.json.
 */
import { describe, expect, it } from "vitest";
import { loadGraph, squash, useBrowser, type ExplorerGraph } from "./support";

type Page = Awaited<ReturnType<ReturnType<typeof useBrowser>["open"]>>;

/** The colour sigma draws each node with (its display data), for a sample of nodes. */
async function drawnColours(page: Page, keys: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    (nodes) => Object.fromEntries(nodes.map((key) => [key, window.__insightGraph.sigma.getNodeDisplayData(key)?.color ?? ""])),
    keys,
  );
}

/** Two nodes of each of the largest regions, so a colour mix-up between regions shows. */
function sample(graph: ExplorerGraph): string[] {
  const regions = graph.getAttribute("communities") ?? [];
  return regions.slice(0, 6).flatMap((region) => graph.filterNodes((_key, attributes) => attributes.community === region.id).slice(0, 2));
}

describe("colour by region", () => {
  const session = useBrowser();

  it("colours every node by its region when asked, names the regions, and keeps the choice in the URL", async () => {
    const graph = await loadGraph();
    const regions = graph.getAttribute("communities") ?? [];
    expect(regions.length, "the build lists regions").toBeGreaterThan(1);
    const keys = sample(graph);
    const page = await session.open();
    const legend = page.getByRole("region", { name: "Legend", exact: true });

    // By type by default: the colours the build gave.
    const typeRadio = legend.getByRole("radio", { name: "Concept type" });
    const regionRadio = legend.getByRole("radio", { name: "Region" });
    expect(await typeRadio.isChecked()).toBe(true);
    const byType = Object.fromEntries(keys.map((key) => [key, graph.getNodeAttribute(key, "color")]));
    await expect.poll(() => drawnColours(page, keys)).toEqual(byType);

    await regionRadio.check();
    const byRegion = Object.fromEntries(keys.map((key) => [key, regions[graph.getNodeAttribute(key, "community")!]!.color]));
    await expect.poll(() => drawnColours(page, keys)).toEqual(byRegion);
    await expect.poll(() => new URL(page.url()).searchParams.get("color")).toBe("region");
    const named = (await legend.getByRole("list", { name: "Regions" }).getByRole("listitem").allTextContents()).map(squash);
    expect(named[0]).toBe(`${regions[0]!.name} ${regions[0]!.size}`);
    expect(named.length).toBeGreaterThan(1);

    // On the map: the largest region's name, and no two drawn names overlapping.
    const drawn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("#graph .region-name")]
          .filter((label) => label.checkVisibility({ visibilityProperty: true }))
          .map((label) => {
            const box = label.getBoundingClientRect();
            return { text: label.textContent ?? "", left: box.left, right: box.right, top: box.top, bottom: box.bottom };
          }),
      );
    await expect.poll(async () => (await drawn()).map((d) => d.text)).toContain(regions[0]!.name);
    const boxes = await drawn();
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `"${a.text}" and "${b.text}" overlap`).toBe(false);
      }
    }

    // A reload keeps it; Concept type brings the build's colours back and drops the parameter.
    await page.reload();
    await expect.poll(() => regionRadio.isChecked()).toBe(true);
    await expect.poll(() => drawnColours(page, keys)).toEqual(byRegion);
    await typeRadio.check();
    await expect.poll(() => drawnColours(page, keys)).toEqual(byType);
    await expect.poll(async () => (await drawn()).length).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.has("color")).toBe(false);
    expect(session.errorsOf(page)).toEqual([]);
  });
});
