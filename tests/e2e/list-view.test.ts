/**
 * Issue 5, list view: a toggle shows the current selection as an accessible table or list, kept
 * in sync with the selection, and usable with the keyboard alone.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  article,
  details,
  entity,
  entityByLabel,
  focusThroughSearch,
  loadGraph,
  mentioningArticles,
  squash,
  useBrowser,
  type ExplorerGraph,
} from "./support";

function toggle(page: Page): Locator {
  return page.getByRole("button", { name: "List view", exact: true });
}

/** The list view: what the toggle controls, else the one table on the page. */
async function listView(page: Page): Promise<Locator> {
  const id = await toggle(page).getAttribute("aria-controls");
  return id ? page.locator(`[id="${id}"]`) : page.getByRole("table").first();
}

/** The entries the list view shows: table body rows, or list items. */
async function entries(page: Page): Promise<Locator> {
  const view = await listView(page);
  const table = view.getByRole("table").or(view.and(page.getByRole("table"))).first();
  if ((await table.count()) > 0) {
    return table.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
  }
  return view.getByRole("listitem");
}

async function entryTexts(page: Page): Promise<string[]> {
  return ((await (await entries(page)).allTextContents()) as string[]).map(squash);
}

function titlesOf(graph: ExplorerGraph, keys: string[]): string[] {
  return keys.map((key) => squash(article(graph, key).label));
}

function covers(entriesText: string[], titles: string[]): string[] {
  return titles.filter((title) => !entriesText.some((entry) => entry.includes(title)));
}

describe("list view", () => {
  const session = useBrowser();

  it("toggles, and shows something to read when nothing is selected", async () => {
    const page = await session.open();
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("false");
    await toggle(page).click();
    await expect.poll(() => toggle(page).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => (await entries(page)).count()).toBeGreaterThan(0);
    expect(await (await listView(page)).isVisible()).toBe(true);
    await toggle(page).click();
    await expect.poll(() => toggle(page).getAttribute("aria-pressed")).toBe("false");
    expect(await (await listView(page)).isVisible()).toBe(false);
  });

  it("shows the selected concept's articles and follows the selection as it changes", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await toggle(page).click();
    const expected = titlesOf(graph, mentioningArticles(graph, postgres));
    await expect.poll(async () => (await entries(page)).count()).toBe(expected.length);
    expect(covers(await entryTexts(page), expected), "articles missing from the list view").toEqual([]);

    // Change the selection elsewhere: the list follows.
    const other = graph
      .outNeighbors(mentioningArticles(graph, postgres)[0] as string)
      .find((key) => key !== postgres && mentioningArticles(graph, key).length !== expected.length) as string;
    const otherLabel = entity(graph, other).label;
    await focusThroughSearch(page, otherLabel, otherLabel);
    const otherTitles = titlesOf(graph, mentioningArticles(graph, other));
    await expect.poll(async () => (await entries(page)).count()).toBe(otherTitles.length);
    expect(covers(await entryTexts(page), otherTitles)).toEqual([]);
  });

  it("is operable with the keyboard: toggle with Enter, reach an article with Tab, open it with Enter", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const titles = titlesOf(graph, mentioningArticles(graph, postgres));
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await toggle(page).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => toggle(page).getAttribute("aria-pressed")).toBe("true");
    const view = await listView(page);
    await expect.poll(async () => (await entries(page)).count()).toBe(titles.length);

    // Tab until focus lands inside the list view, on something that names an article.
    let reached = "";
    for (let step = 0; step < 60 && !reached; step++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return active ? { text: active.textContent ?? "", id: active.id } : null;
      });
      const inside = await view.evaluate((element) => element.contains(document.activeElement));
      const text = squash(focused?.text ?? "");
      if (inside && titles.some((title) => text.startsWith(title))) reached = text;
    }
    expect(reached, "an article in the list view reached with Tab").not.toBe("");
    const title = titles.filter((candidate) => reached.startsWith(candidate)).sort((a, b) => b.length - a.length)[0];
    await page.keyboard.press("Enter");
    await expect.poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe(title);
  });
});
