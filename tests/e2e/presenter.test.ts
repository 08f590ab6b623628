/**
 * The presenter view (presenter.html), a second window of the same browser: it drives the main
 * window (→ there moves the tour on here: the address says the next step and the map shows
 * it), follows it (stepping in the main window moves the presenter view), answers its own
 * opening by taking the main window's step, and says "Presenting ended" when the tour ends.
 *
 * The tour is the graph's own (graph.json's `tours`, checked by the build), or one made in the
 * main window's editor; what a step shows in the main window is read through the same
 * `stateForStep` the player uses.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeStep } from "../../src/core/tours/describe";
import type { Tour } from "../../src/core/tours/types";
import { stateForStep } from "../../src/app/tours/step";
import { INITIAL_STATE } from "../../src/app/state/store";
import type { AppGraph } from "../../src/app/data/graph";
import { entitiesByArticleCount, entity, focusThroughSearch, loadGraph, siteUrl, squash, useBrowser, type ExplorerGraph } from "./support";

const session = useBrowser();

async function bundledTour(graph: ExplorerGraph): Promise<Tour> {
  const tours = graph.getAttribute("tours") ?? [];
  const tour = tours.find((t) => t.steps.length >= 3);
  expect(tour, "a tour of three steps or more in graph.json").toBeDefined();
  return tour as Tour;
}

const labelOf = (graph: ExplorerGraph) => (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : undefined);

/** The presenter view's current step: its name (the Now section's heading) and its place in the list. */
async function presenterStep(page: Page): Promise<{ name: string; current: string }> {
  const name = await page.getByRole("region", { name: /^Now\b/ }).getByRole("heading", { level: 2 }).textContent();
  const current = await page.getByRole("navigation", { name: "Steps" }).locator('button[aria-current="step"]').textContent();
  return { name: squash(name), current: squash(current) };
}

/** Opens the presenter view in the main page's browser context (the same browser: one BroadcastChannel). */
async function openPresenter(main: Page, tourId: string, step: number): Promise<Page> {
  const presenter = await main.context().newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(siteUrl(`presenter.html?tour=${encodeURIComponent(tourId)}&step=${step}`));
  await presenter.getByRole("region", { name: /^Now\b/ }).waitFor();
  return presenter;
}

const stepInAddress = (page: Page) => new URL(page.url()).searchParams.get("step");
const selectionOf = (page: Page) => page.evaluate(() => JSON.stringify((window.__insightGraph.state as { selection: unknown }).selection));

describe("the presenter view", () => {
  it("advances the main window with its keys and buttons, and follows the main window's steps", async () => {
    const graph = await loadGraph();
    const tour = await bundledTour(graph);
    const names = tour.steps.map((step) => describeStep(step, labelOf(graph)));
    const selectionFor = (index: number) => JSON.stringify(stateForStep(tour.steps[index]!, graph as AppGraph, INITIAL_STATE).selection);

    const main = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=1`);
    await expect.poll(() => selectionOf(main)).toBe(selectionFor(0));
    const presenter = await openPresenter(main, tour.id, 1);
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: names[0], current: `1 ${names[0]}` });
    expect(squash(await presenter.locator(".presenter-position").textContent())).toBe(`Step 1 of ${tour.steps.length}`);

    // → in the presenter view: the main window goes to step 2, in its address and on its map.
    await presenter.keyboard.press("ArrowRight");
    await expect.poll(() => stepInAddress(main)).toBe("2");
    await expect.poll(() => selectionOf(main)).toBe(selectionFor(1));
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: names[1], current: `2 ${names[1]}` });
    expect(new URL(presenter.url()).searchParams.get("step")).toBe("2");

    // A click in its step list, and End, drive the main window too.
    await presenter.getByRole("navigation", { name: "Steps" }).getByRole("button").nth(2).click();
    await expect.poll(() => stepInAddress(main)).toBe("3");
    await presenter.keyboard.press("End");
    await expect.poll(() => stepInAddress(main)).toBe(String(tour.steps.length));
    await presenter.keyboard.press("Home");
    await expect.poll(() => stepInAddress(main)).toBe("1");

    // The main window steps (its Tours panel's Next): the presenter view follows.
    await main.getByRole("region", { name: "Tours" }).getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => stepInAddress(main)).toBe("2");
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: names[1], current: `2 ${names[1]}` });

    // The announcement for people who do not see the change.
    await expect.poll(async () => squash(await presenter.getByRole("status").filter({ hasText: /^Step \d/ }).textContent())).toBe(
      `Step 2 of ${tour.steps.length}: ${names[1]}`,
    );

    // The tour closes in the main window: presenting has ended.
    await main.getByRole("region", { name: "Tours" }).getByRole("button", { name: "Close tour" }).click();
    await expect.poll(async () => squash(await presenter.locator(".presenter-banner").textContent())).toBe("Presenting ended");

    expect(session.errorsOf(main)).toEqual([]);
  });

  it("takes the main window's step when it opens on another (hello answered)", async () => {
    const graph = await loadGraph();
    const tour = await bundledTour(graph);
    const names = tour.steps.map((step) => describeStep(step, labelOf(graph)));
    const main = await session.open(`?tour=${encodeURIComponent(tour.id)}&step=3`);
    const presenter = await openPresenter(main, tour.id, 1);
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: names[2], current: `3 ${names[2]}` });
    expect(stepInAddress(main)).toBe("3");
  });

  it("shows a tour made in this browser, and follows its edits in the main window", async () => {
    const graph = await loadGraph();
    const label = entity(graph, entitiesByArticleCount(graph)[0]!).label;
    const main = await session.open();
    const editor = main.getByRole("region", { name: "Make a tour" });
    await editor.getByLabel("Title of a new tour").fill("Made here");
    await editor.getByRole("button", { name: "New tour" }).click();
    await focusThroughSearch(main, label, label);
    await editor.getByRole("button", { name: "Add this view as a step" }).click();
    await editor.getByRole("list", { name: "Steps of the tour" }).waitFor();

    const presenter = await openPresenter(main, "local:made-here", 1);
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: label, current: `1 ${label}` });
    await editor.getByRole("list", { name: "Steps of the tour" }).getByLabel("Title").fill("The first stop");
    await expect.poll(() => presenterStep(presenter)).toEqual({ name: "The first stop", current: "1 The first stop" });
  });

  it("shows the note in large type, the next step, and a timer that pauses and resets", async () => {
    const graph = await loadGraph();
    const tour = await bundledTour(graph);
    const withNote = tour.steps.findIndex((step, i) => step.note && tour.steps[i + 1]);
    expect(withNote).toBeGreaterThanOrEqual(0);
    const presenter = await session.newPage();
    await presenter.setViewportSize({ width: 1920, height: 1080 });
    await presenter.goto(siteUrl(`presenter.html?tour=${encodeURIComponent(tour.id)}&step=${withNote + 1}`));

    const note = presenter.getByRole("region", { name: /^Now\b/ }).locator(".now-note");
    await note.waitFor();
    const fontSize = await note.locator("p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);
    const nextName = describeStep(tour.steps[withNote + 1]!, labelOf(graph));
    await expect.poll(async () => squash(await presenter.getByRole("region", { name: /^Next\b/ }).getByRole("heading").textContent())).toBe(nextName);

    const timer = presenter.getByRole("timer", { name: "Time presenting" });
    await expect.poll(async () => squash(await timer.textContent())).not.toBe("0:00");
    await presenter.getByRole("button", { name: "Pause timer" }).click();
    const paused = squash(await timer.textContent());
    await presenter.waitForTimeout(2_200);
    expect(squash(await timer.textContent())).toBe(paused);
    await presenter.getByRole("button", { name: "Reset timer" }).click();
    expect(squash(await timer.textContent())).toBe("0:00");
    await presenter.getByRole("button", { name: "Resume timer" }).click();
    await expect.poll(async () => squash(await timer.textContent())).not.toBe("0:00");

    // On its own (no main window), the buttons still move it, and it says the main window does not answer.
    await presenter.getByRole("button", { name: "Next →" }).click();
    await expect.poll(() => new URL(presenter.url()).searchParams.get("step")).toBe(String(withNote + 2));
    await expect.poll(async () => squash(await presenter.locator(".presenter-notice").textContent())).toMatch(/main window does not answer/);
    // Headings, named buttons and regions, contrast: axe-core finds nothing serious.
    const { violations } = await new AxeBuilder({ page: presenter }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(session.errorsOf(presenter)).toEqual([]);
  });
});
