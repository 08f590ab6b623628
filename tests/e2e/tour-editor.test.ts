/**
 * Making a tour in the app (the editor below the Tours list): a two-step tour built from what
 * is on screen (a concept with a note, then an article), exported as a JSON file (a download
 * named after the title), imported back with the same steps; a malformed file refused with its
 * message; and the tour exported as a link, opened in a fresh browser as the same tour.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { slug } from "../../src/core/slug";
import type { TourFile, TourStep } from "../../src/core/tours/types";
import {
  article,
  entitiesByArticleCount,
  entity,
  focusThroughSearch,
  loadGraph,
  mentioningArticles,
  squash,
  useBrowser,
  waitForFirstFrame,
} from "./support";

const session = useBrowser();

const TITLE = "Postgres, from a concept to an article";
const NOTE = "Start with the concept: **every** article here names it.";

function editorOf(page: Page): Locator {
  return page.getByRole("region", { name: "Make a tour" });
}

/** The names of the steps in the editor's list, in order. */
async function stepNames(editor: Locator): Promise<string[]> {
  const names = await editor.getByRole("list", { name: "Steps of the tour" }).locator(".step-name").allTextContents();
  return names.map(squash);
}

/** The tours the page keeps in local storage, as stored. */
function storedTours(page: Page): Promise<{ id: string; title: string; steps: TourStep[] }[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("insight-graph:tour:"))
      .map((key) => JSON.parse(localStorage.getItem(key) ?? "null")),
  );
}

/** What a step shows and says: the camera a step records depends on the window, not on the tour. */
const essence = (steps: readonly TourStep[]) => steps.map(({ show, note }) => ({ show, ...(note ? { note } : {}) }));

describe("making a tour in the app", () => {
  it("builds a two-step tour, exports it as a file, imports it back with the same steps, and refuses a malformed file with its message", async () => {
    const graph = await loadGraph();
    const concept = entitiesByArticleCount(graph)[0]!;
    const conceptLabel = entity(graph, concept).label;
    const articleKey = mentioningArticles(graph, concept).sort()[0]!;
    const articleLabel = article(graph, articleKey).label;

    const page = await session.open();
    const editor = editorOf(page);
    await editor.getByLabel("Title of a new tour").fill(TITLE);
    await editor.getByRole("button", { name: "New tour" }).click();
    await expect.poll(async () => squash(await editor.getByRole("heading", { name: /^Editing/ }).textContent())).toBe(`Editing "${TITLE}"`);

    // Nothing chosen yet: the editor says what to do instead of adding an empty step.
    await editor.getByRole("button", { name: "Add this view as a step" }).click();
    await expect.poll(async () => squash(await editor.getByRole("status").textContent())).toMatch(/^Choose something on the map first/);

    await focusThroughSearch(page, conceptLabel, conceptLabel);
    await editor.getByLabel(/^Note for the next step/).fill(NOTE);
    await editor.getByRole("button", { name: "Add this view as a step" }).click();
    await expect.poll(() => stepNames(editor)).toEqual([conceptLabel]);

    await focusThroughSearch(page, articleLabel, articleLabel);
    await editor.getByRole("button", { name: "Add this view as a step" }).click();
    await expect.poll(() => stepNames(editor)).toEqual([conceptLabel, articleLabel]);
    const made = { show: [{ node: concept }, { node: articleKey }], notes: [NOTE, undefined] };

    // Kept in the browser as it was made.
    const kept = (await storedTours(page)).find((tour) => tour.title === TITLE);
    expect(kept && essence(kept.steps)).toEqual([{ show: made.show[0], note: NOTE }, { show: made.show[1] }]);

    // A reload (or a link followed) comes back to the tour being edited.
    await page.reload();
    await waitForFirstFrame(page);
    await expect.poll(() => stepNames(editor)).toEqual([conceptLabel, articleLabel]);

    // Export as a JSON file: a download named after the title, holding the tour as data/tours/ would.
    const [download] = await Promise.all([page.waitForEvent("download"), editor.getByRole("button", { name: "Export as file" }).click()]);
    expect(download.suggestedFilename()).toBe(`${slug(TITLE)}.json`);
    const exportedPath = await download.path();
    const exported = JSON.parse(await readFile(exportedPath, "utf8")) as TourFile;
    expect(exported.title).toBe(TITLE);
    expect(essence(exported.steps)).toEqual(essence(kept!.steps));

    // Import it back: a second tour of the browser with the same steps.
    await editor.getByRole("button", { name: "Done" }).click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), editor.getByRole("button", { name: "Import a tour file…" }).click()]);
    await chooser.setFiles(exportedPath);
    await expect.poll(async () => squash(await editor.getByRole("status").textContent())).toBe(
      `Imported "${TITLE}" (2 steps); it is kept in this browser.`,
    );
    await expect.poll(() => stepNames(editor)).toEqual([conceptLabel, articleLabel]);
    const both = (await storedTours(page)).filter((tour) => tour.title === TITLE);
    expect(both.map((tour) => tour.id).sort()).toEqual([`local:${slug(TITLE)}`, `local:${slug(TITLE)}-2`]);
    expect(both[0]!.steps).toEqual(both[1]!.steps);
    expect(essence(both[1]!.steps)).toEqual(essence(exported.steps));

    // A malformed file: its message, naming the file and where it breaks; nothing added, no crash.
    await editor.getByRole("button", { name: "Done" }).click();
    const [again] = await Promise.all([page.waitForEvent("filechooser"), editor.getByRole("button", { name: "Import a tour file…" }).click()]);
    await again.setFiles({ name: "broken-tour.json", mimeType: "application/json", buffer: Buffer.from('{\n  "title": "Broken",\n  "steps": [\n    { "show": { "node": "x" } },\n  ]\n}') });
    const alert = editor.getByRole("alert");
    await expect.poll(async () => squash(await alert.textContent())).toMatch(/^broken-tour\.json is not a tour this map can show:\s*broken-tour\.json:5:\d+: /);
    // A tour that names a node this graph lacks: the step and the field.
    const [third] = await Promise.all([page.waitForEvent("filechooser"), editor.getByRole("button", { name: "Import a tour file…" }).click()]);
    const elsewhere = { title: "Elsewhere", steps: [{ show: { node: concept } }, { show: { node: "entity:not-in-this-graph" } }] };
    await third.setFiles({ name: "elsewhere.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(elsewhere)) });
    await expect.poll(async () => squash(await alert.textContent())).toContain('elsewhere.json: step 2: show.node: no node "entity:not-in-this-graph" in this graph');
    expect((await storedTours(page)).map((tour) => tour.title).sort()).toEqual([TITLE, TITLE]);

    // Steps move and go with buttons: the second moves up, then is deleted.
    await editor.getByRole("button", { name: "Edit" }).first().click();
    await editor.getByRole("button", { name: "Move up step 2" }).click();
    await expect.poll(() => stepNames(editor)).toEqual([articleLabel, conceptLabel]);
    // The keyboard focus stays with the step that moved.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Move down step 1");
    await editor.getByRole("button", { name: "Delete step 1" }).click();
    await expect.poll(() => stepNames(editor)).toEqual([conceptLabel]);

    // Labelled fields, named buttons, contrast: axe-core finds nothing serious in the editor.
    const { violations } = await new AxeBuilder({ page }).include(".tour-editor").analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("exports a tour as a link that opens in a fresh browser as the same tour", async () => {
    const graph = await loadGraph();
    const [first, second] = entitiesByArticleCount(graph);
    const labels = [entity(graph, first!).label, entity(graph, second!).label];

    const page = await session.open();
    const editor = editorOf(page);
    await editor.getByLabel("Title of a new tour").fill("Two concepts");
    await editor.getByRole("button", { name: "New tour" }).click();
    for (const label of labels) {
      await focusThroughSearch(page, label, label);
      await editor.getByLabel(/^Note for the next step/).fill(`About ${label}.`);
      await editor.getByRole("button", { name: "Add this view as a step" }).click();
    }
    await expect.poll(() => stepNames(editor)).toEqual(labels);
    await editor.getByRole("button", { name: "Export as link" }).click();
    const linkBox = editor.getByRole("textbox", { name: "Link to this tour" });
    await expect.poll(() => linkBox.inputValue()).toMatch(/#tour=d\.[A-Za-z0-9_-]+$/);
    const link = await linkBox.inputValue();

    // A fresh page in a fresh context: no local storage, only the link.
    const fresh = await session.newPage();
    await fresh.goto(link);
    await waitForFirstFrame(fresh);
    await expect.poll(() => fresh.evaluate(() => (window.__insightGraph.state as { tour: { id: string; step: number } | null }).tour)).toEqual({
      id: "shared:two-concepts",
      step: 0,
    });
    const tours = fresh.getByRole("region", { name: "Tours" });
    await expect.poll(async () => squash(await tours.getByRole("heading", { name: "Two concepts" }).textContent())).toBe("Two concepts");
    const steps = await tours.getByRole("list", { name: "Steps" }).getByRole("button").allTextContents();
    expect(steps.map(squash)).toEqual(labels);
    expect(await fresh.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("insight-graph:tour:")))).toEqual([]);
    expect(session.errorsOf(fresh)).toEqual([]);
  });
});
