/**
 * Issue 11, tours in the main window: a bundled tour opened by its link, stepped through by
 * keyboard, one address per step that a reload restores and Back returns from; the Tours panel's
 * own buttons; and the presenter channel (BroadcastChannel "insight-graph-tour"), with a second
 * page of the same browser standing in for the presenter view.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeStep } from "../../src/core/tours/describe";
import type { Tour } from "../../src/core/tours/types";
import { details, loadGraph, siteUrl, squash, useBrowser, waitForFirstFrame, type ExplorerGraph } from "./support";

const session = useBrowser();

/** The bundled tours, from the graph.json the site serves. */
async function bundledTours(): Promise<{ graph: ExplorerGraph; tours: Tour[] }> {
  const graph = await loadGraph();
  const tours = (graph.getAttribute("tours") ?? []) as Tour[];
  expect(tours.length, "graph.json carries the bundled tours").toBeGreaterThanOrEqual(2);
  return { graph, tours };
}

/** The longest bundled tour: the more steps, the more there is to walk. */
async function longestTour(): Promise<{ graph: ExplorerGraph; tour: Tour }> {
  const { graph, tours } = await bundledTours();
  const tour = [...tours].sort((a, b) => b.steps.length - a.steps.length)[0]!;
  expect(tour.steps.length).toBeGreaterThanOrEqual(4);
  return { graph, tour };
}

function stepName(graph: ExplorerGraph, tour: Tour, index: number): string {
  return describeStep(tour.steps[index]!, (key) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined));
}

/** The tour and step the address names (the step from 1, as the address has it). */
function addressOf(page: Page): { tour: string | null; step: string | null } {
  const params = new URL(page.url()).searchParams;
  return { tour: params.get("tour"), step: params.get("step") };
}

/** The step the Tours panel marks as the current one (the panel is out of sight while presenting). */
async function currentStep(page: Page): Promise<string> {
  const tours = page.getByRole("region", { name: "Tours", exact: true, includeHidden: true });
  return squash(await tours.locator('[aria-current="step"]').textContent());
}

async function stateOf(page: Page): Promise<{ tour: { id: string; step: number } | null; selection: unknown; view: string }> {
  return page.evaluate(() => {
    const { tour, selection, view } = window.__insightGraph.state as { tour: { id: string; step: number } | null; selection: unknown; view: string };
    return { tour, selection, view };
  });
}

/** Waits until the page shows step `index` (from 0): the address, the panel and the state agree. */
async function expectStep(page: Page, graph: ExplorerGraph, tour: Tour, index: number): Promise<void> {
  await expect.poll(() => addressOf(page)).toEqual({ tour: tour.id, step: String(index + 1) });
  await expect.poll(() => currentStep(page)).toBe(squash(stepName(graph, tour, index)));
  expect((await stateOf(page)).tour).toEqual({ id: tour.id, step: index });
}

describe("a tour in the main window", () => {
  it("opens a bundled tour by its link, steps forward and back by keyboard, one address per step; reload restores the step, Back returns to the previous one", async () => {
    const { graph, tour } = await longestTour();
    const page = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=2`);
    await expectStep(page, graph, tour, 1);
    const second = await stateOf(page);

    // Presenting: the keys step through the tour.
    await page.keyboard.press("p");
    await expect.poll(() => page.evaluate(() => document.body.classList.contains("presenting"))).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expectStep(page, graph, tour, 2);
    await page.keyboard.press("Space");
    await expectStep(page, graph, tour, 3);
    await page.keyboard.press("ArrowLeft");
    await expectStep(page, graph, tour, 2);
    await page.keyboard.press("PageDown");
    await expectStep(page, graph, tour, 3);
    await page.keyboard.press("PageUp");
    await expectStep(page, graph, tour, 2);
    await page.keyboard.press("End");
    await expectStep(page, graph, tour, tour.steps.length - 1);
    // Past the last step, → stays there.
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(300);
    await expectStep(page, graph, tour, tour.steps.length - 1);
    await page.keyboard.press("Home");
    await expectStep(page, graph, tour, 0);
    await page.keyboard.press("ArrowRight");
    await expectStep(page, graph, tour, 1);
    expect((await stateOf(page)).selection, "the second step shows the same whichever way one comes to it").toEqual(second.selection);
    // The caption names the step.
    await expect.poll(async () => squash(await page.locator(".caption").textContent())).toContain(squash(stepName(graph, tour, 1)));

    // Reload: the same step, still presenting.
    const before = await stateOf(page);
    await page.reload();
    await waitForFirstFrame(page);
    await expectStep(page, graph, tour, 1);
    expect(await stateOf(page)).toEqual(before);

    // Back: the previous step (the first), and Forward the second again.
    await page.goBack();
    await expectStep(page, graph, tour, 0);
    await page.goForward();
    await expectStep(page, graph, tour, 1);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("starts a tour from the Tours panel, steps with its buttons, and closes it", async () => {
    const { graph, tours } = await bundledTours();
    const tour = tours[0]!;
    const page = await session.open();
    const panel = page.getByRole("region", { name: "Tours", exact: true });
    const entry = panel.getByRole("listitem").filter({ has: page.getByRole("heading", { name: tour.title, exact: true }) });
    await expect.poll(async () => squash(await entry.textContent())).toContain(`${tour.steps.length} steps`);
    await entry.getByRole("button", { name: "Start" }).click();
    await expectStep(page, graph, tour, 0);
    await panel.getByRole("button", { name: "Next", exact: true }).click();
    await expectStep(page, graph, tour, 1);
    await panel.getByRole("button", { name: "Previous", exact: true }).click();
    await expectStep(page, graph, tour, 0);
    // A step of the list is a button that goes to it.
    await panel.getByRole("list", { name: "Steps" }).getByRole("button").nth(2).click();
    await expectStep(page, graph, tour, 2);
    // The presenter view opens in a window of its own, at the tour and step shown.
    const [presenter] = await Promise.all([page.waitForEvent("popup"), panel.getByRole("button", { name: "Open presenter view" }).click()]);
    const opened = new URL(presenter.url());
    expect(opened.pathname.endsWith("/presenter.html")).toBe(true);
    expect(Object.fromEntries(opened.searchParams)).toEqual({ tour: tour.id, step: "3" });
    await presenter.close();

    const shown = await details(page).getByRole("heading", { level: 2 }).first().textContent();
    await panel.getByRole("button", { name: "Close tour" }).click();
    await expect.poll(() => addressOf(page)).toEqual({ tour: null, step: null });
    await expect.poll(() => panel.getByRole("button", { name: "Start" }).count()).toBe(tours.length);
    expect(await details(page).getByRole("heading", { level: 2 }).first().textContent(), "what the last step showed stays").toBe(shown);
  });

  it("ignores a tour or a step the page does not know, with the usual notice", async () => {
    const { tour } = await longestTour();
    const page = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=${tour.steps.length + 1}`);
    await expect.poll(async () => squash(await page.getByRole("status").filter({ hasText: /ignored/ }).textContent())).toContain("(step)");
    expect((await stateOf(page)).tour).toBeNull();
    const unknown = await session.open("?tour=no-such-tour&step=1");
    await expect.poll(async () => squash(await unknown.getByRole("status").filter({ hasText: /ignored/ }).textContent())).toContain("(tour)");
    expect(session.errorsOf(page)).toEqual([]);
  });
});

describe("a region as a step", () => {
  it("shows the region's Details (name, size, characteristic concepts that focus, its articles), and the legend's region names show regions too", async () => {
    const { graph, tours } = await bundledTours();
    const found = tours.flatMap((tour) => tour.steps.map((step, index) => ({ tour, step, index }))).find(({ step }) => "regionOf" in step.show);
    expect(found, "a bundled step that shows a region").toBeDefined();
    const { tour, step, index } = found!;
    const community = graph.getNodeAttribute((step.show as { regionOf: string }).regionOf, "community")!;
    const region = graph.getAttribute("communities")![community]!;
    const members = graph.filterNodes((_node, attributes) => attributes.community === community);
    const articleCount = members.filter((node) => graph.getNodeAttribute(node, "kind") === "article").length;

    const page = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=${index + 1}`);
    const panel = details(page);
    await expect.poll(async () => squash(await panel.getByRole("heading", { level: 2 }).first().textContent())).toBe(squash(region.name));
    expect(squash(await panel.textContent())).toContain(`${articleCount} article`);
    const listed = panel.getByRole("list", { name: "Articles in this region" }).getByRole("listitem");
    expect(await listed.count()).toBe(articleCount);
    const characteristic = panel.getByRole("list", { name: "Characteristic concepts" }).getByRole("button");
    const first = region.concepts.find((key) => graph.getNodeAttribute(key, "community") === community)!;
    await characteristic.first().click();
    await expect.poll(async () => squash(await panel.getByRole("heading", { level: 2 }).first().textContent())).toBe(
      squash(graph.getNodeAttribute(first, "label")),
    );

    // The legend (colour by region) names the regions as buttons that show them.
    const legend = page.getByRole("region", { name: "Legend", exact: true });
    await legend.getByRole("radio", { name: "Region" }).check();
    const button = legend.getByRole("list", { name: "Regions" }).getByRole("button", { name: region.name, exact: true });
    await button.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("region")).toBe(String(community));
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
    expect(session.errorsOf(page)).toEqual([]);
  });
});

describe("the presenter channel", () => {
  it("moves the main window on go from another window, and tells it every step (and hello) in return", async () => {
    const { graph, tour } = await longestTour();
    const page = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=1`);
    await expectStep(page, graph, tour, 0);

    // A second page of the same browser and site, listening and talking as the presenter view does.
    const presenter = await page.context().newPage();
    await presenter.goto(siteUrl("no-such-page"));
    await presenter.evaluate(() => {
      const channel = new BroadcastChannel("insight-graph-tour");
      const heard: unknown[] = [];
      channel.onmessage = (event) => heard.push(event.data);
      Object.assign(window, { channel, heard });
    });
    const heard = () => presenter.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
    const post = (message: unknown) =>
      presenter.evaluate((m) => (window as unknown as { channel: BroadcastChannel }).channel.postMessage(m), message);

    await post({ type: "hello" });
    await expect.poll(heard).toEqual([{ type: "step", tourId: tour.id, step: 0 }]);

    await post({ type: "go", tourId: tour.id, step: 3 });
    await expectStep(page, graph, tour, 3);
    await expect.poll(heard).toContainEqual({ type: "step", tourId: tour.id, step: 3 });

    // Stepping in the main window is announced too.
    await page.getByRole("region", { name: "Tours", exact: true }).getByRole("button", { name: "Next", exact: true }).click();
    await expectStep(page, graph, tour, 4);
    await expect.poll(heard).toContainEqual({ type: "step", tourId: tour.id, step: 4 });

    // What is not a message of the channel, or names no step of the tour, changes nothing.
    await post({ type: "go", tourId: tour.id, step: tour.steps.length });
    await post({ type: "go", tourId: "no-such-tour", step: 0 });
    await post("go");
    await page.waitForTimeout(500);
    await expectStep(page, graph, tour, 4);

    // Presenting ends: the presenter view is told.
    await page.getByRole("button", { name: "Present", exact: true }).first().click();
    await expect.poll(() => page.evaluate(() => document.body.classList.contains("presenting"))).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(heard).toContainEqual({ type: "end" });
    expect(session.errorsOf(page)).toEqual([]);
  });
});
