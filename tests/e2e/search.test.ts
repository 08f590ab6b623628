/**
 * Issue 9, search picks the right one: a name typed exactly is the first option and what Enter
 * opens, whatever its type; hyphens, underscores and spaces are alike; a swap of two
 * neighbouring letters is one typo; the Path boxes rank the same way.
 *
 * Issue 5, search: one box, forgiving of case, accents, hyphens, underscores and small typos;
 * finds concepts by name and alias, articles by title and by words inside their insights; groups
 * results with counts; fully usable from the keyboard as an ARIA combobox with a listbox.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  article,
  articles,
  details,
  entities,
  entity,
  entityByLabel,
  escapeRegExp,
  listboxOf,
  loadGraph,
  type ExplorerGraph,
  searchBox,
  searchResults,
  squash,
  useBrowser,
} from "./support";

/** The text of every option the search box offers for a query. */
async function optionsFor(page: Page, query: string): Promise<string[]> {
  await searchBox(page).fill(query);
  const options = searchResults(page).getByRole("option");
  await options.first().waitFor();
  return (await options.allTextContents()).map(squash);
}

function startsWithLabel(label: string): (option: string) => boolean {
  const pattern = new RegExp(`^${escapeRegExp(label)}`);
  return (option) => pattern.test(option);
}

/** A word of the insights that names no node, found in only a few articles: a pure text match. */
function insightOnlyWord(graph: ExplorerGraph): { word: string; titles: string[] } {
  const labels = graph.mapNodes((_, attributes) => attributes.label.toLowerCase()).join(" ");
  const found = new Map<string, Set<string>>();
  for (const key of articles(graph)) {
    for (const insight of article(graph, key).insights) {
      for (const word of insight.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? []) {
        if (labels.includes(word)) continue;
        const titles = found.get(word) ?? new Set<string>();
        titles.add(article(graph, key).label);
        found.set(word, titles);
      }
    }
  }
  const [word, titles] = [...found].filter(([, titles]) => titles.size <= 3).sort(([a], [b]) => a.localeCompare(b))[0] ?? [];
  expect(word, "a word that occurs only inside insights").toBeDefined();
  return { word: word as string, titles: [...(titles as Set<string>)] };
}

describe("search", () => {
  const session = useBrowser();

  it('finds PostgreSQL by name and by its aliases "postgres" and "pg", in any case', async () => {
    const page = await session.open();
    for (const query of ["PostgreSQL", "postgres", "pg", "POSTGRES", "Pg"]) {
      expect((await optionsFor(page, query)).some(startsWithLabel("PostgreSQL")), `"${query}" offers PostgreSQL`).toBe(true);
    }
  });

  it("forgives small typos", async () => {
    const page = await session.open();
    for (const query of ["postgrsql", "postgersql", "postgress"]) {
      expect((await optionsFor(page, query)).some(startsWithLabel("PostgreSQL")), `"${query}" offers PostgreSQL`).toBe(true);
    }
  });

  it("ignores accents, and treats hyphens, underscores and spaces alike", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    expect((await optionsFor(page, "pòstgrés")).some(startsWithLabel("PostgreSQL"))).toBe(true);

    const labels = entities(graph).map((key) => entity(graph, key).label);
    const underscored = labels.filter((label) => /[a-z]_[a-z]/i.test(label)).sort()[0];
    expect(underscored, "a concept with an underscore in its name").toBeDefined();
    const name = underscored as string;
    for (const query of [name.replaceAll("_", " "), name.replaceAll("_", "-"), name.toUpperCase()]) {
      expect((await optionsFor(page, query)).some(startsWithLabel(name)), `"${query}" offers ${name}`).toBe(true);
    }

    const hyphenated = labels.filter((label) => /[a-z]-[a-z]/i.test(label)).sort()[0];
    expect(hyphenated, "a concept with a hyphen in its name").toBeDefined();
    const spaced = (hyphenated as string).replaceAll("-", " ");
    expect((await optionsFor(page, spaced)).some(startsWithLabel(hyphenated as string)), `"${spaced}"`).toBe(true);
  });

  it("finds articles by title and by words inside their insights", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const withInsights = articles(graph)
      .filter((key) => article(graph, key).insights.length > 0)
      .sort()[0] as string;
    const title = article(graph, withInsights).label;
    expect((await optionsFor(page, title)).some(startsWithLabel(title)), `the title "${title}"`).toBe(true);

    const { word, titles } = insightOnlyWord(graph);
    const offered = await optionsFor(page, word);
    expect(
      offered.some((option) => titles.some((candidate) => option.startsWith(squash(candidate)))),
      `"${word}" offers an article whose insights contain it (${titles.join(" | ")}); got ${offered.join(" | ")}`,
    ).toBe(true);
  });

  it("groups results by kind, each group named with its count", async () => {
    const page = await session.open();
    await searchBox(page).fill("postgres");
    const groups = searchResults(page).getByRole("group");
    await groups.first().waitFor();
    expect(await groups.count()).toBeGreaterThanOrEqual(2);
    const names: string[] = [];
    for (const group of await groups.all()) {
      const name = squash(await group.getAttribute("aria-label")) || squash(await labelledBy(page, group));
      names.push(name);
      const count = /\((\d+)\)|(\d+)/.exec(name);
      expect(count, `group "${name}" states a count`).not.toBeNull();
      const stated = Number(count?.[1] ?? count?.[2]);
      const shown = await group.getByRole("option").count();
      expect(shown).toBeGreaterThan(0);
      expect(stated, `group "${name}" counts at least the options it shows`).toBeGreaterThanOrEqual(shown);
    }
    expect(names.some((name) => /technolog|concept/i.test(name)), names.join(" | ")).toBe(true);
    expect(names.some((name) => /article/i.test(name)), names.join(" | ")).toBe(true);
    expect(names.some((name) => /text|insight/i.test(name)), names.join(" | ")).toBe(true);
  });

  it("is a combobox operable from the keyboard: / focuses, arrows move, Enter chooses, Esc closes", async () => {
    const page = await session.open();
    const box = searchBox(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("/");
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await box.inputValue(), "the / that focuses is not typed").toBe("");

    await page.keyboard.type("postgres");
    const results = searchResults(page);
    await results.getByRole("option").first().waitFor();
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    expect(await box.getAttribute("aria-controls")).toBe(await results.getAttribute("id"));

    await page.keyboard.press("ArrowDown");
    const first = await activeOption(page);
    await page.keyboard.press("ArrowDown");
    const second = await activeOption(page);
    expect(second.id).not.toBe(first.id);
    await page.keyboard.press("ArrowUp");
    const back = await activeOption(page);
    expect(back.id).toBe(first.id);

    await page.keyboard.press("Enter");
    await expect.poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).not.toBe("");
    const heading = squash(await details(page).getByRole("heading", { level: 2 }).first().textContent());
    expect(back.text.startsWith(heading), `chosen "${back.text}", Details shows "${heading}"`).toBe(true);

    await box.focus();
    await box.fill("pg");
    await results.getByRole("option").first().waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("false");
    expect(await results.getByRole("option").filter({ visible: true }).count()).toBe(0);
  });
});

describe("search picks the right one", () => {
  const session = useBrowser();

  /** The text of the first option a combobox offers for a query. */
  async function firstOption(page: Page, box: import("playwright-core").Locator, query: string): Promise<string> {
    await box.fill(query);
    const option = (await listboxOf(page, box)).getByRole("option").first();
    await option.waitFor();
    return squash(await option.textContent());
  }

  it("offers the concept named exactly first, whatever its type, and Enter opens it", async () => {
    const graph = await loadGraph();
    // A technique whose name is one typo from a technology's words ("Claude Code"): the case
    // where a fuzzy technology used to come first.
    const codel = entity(graph, entityByLabel(graph, "CoDel"));
    const page = await session.open();
    expect(await firstOption(page, searchBox(page), "CoDel")).toMatch(startsWithLabelPattern(codel.label));
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent()))
      .toBe(codel.label);
  });

  it.each([
    ["lsm-tree", "LSM tree"],
    ["consistent-hashing", "consistent hashing"],
    ["kafak", "Apache Kafka"],
    ["kakfa", "Apache Kafka"],
    ["epbf", "eBPF"],
  ])("finds %j: %s is the first option", async (query, label) => {
    const graph = await loadGraph();
    entityByLabel(graph, label);
    const page = await session.open();
    expect(await firstOption(page, searchBox(page), query)).toMatch(startsWithLabelPattern(label));
  });

  it("ranks the same way in the Path boxes", async () => {
    const page = await session.open();
    const path = page.getByRole("region", { name: "Path" });
    expect(await firstOption(page, path.getByRole("combobox", { name: "From" }), "CoDel")).toMatch(startsWithLabelPattern("CoDel"));
    expect(await firstOption(page, path.getByRole("combobox", { name: "To" }), "epbf")).toMatch(startsWithLabelPattern("eBPF"));
  });
});

/** An option's text starts with its label, then its details ("CoDel1 article"), never a longer name. */
function startsWithLabelPattern(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}(?![a-z])`);
}

/** The option `aria-activedescendant` points at; it must exist and be marked selected. */
async function activeOption(page: Page): Promise<{ id: string; text: string }> {
  const id = await searchBox(page).getAttribute("aria-activedescendant");
  expect(id, "aria-activedescendant is set").toBeTruthy();
  const option = page.locator(`[id="${id}"]`);
  expect(await option.getAttribute("role")).toBe("option");
  expect(await option.getAttribute("aria-selected")).toBe("true");
  return { id: id as string, text: squash(await option.textContent()) };
}

async function labelledBy(page: Page, group: import("playwright-core").Locator): Promise<string | null> {
  const ids = (await group.getAttribute("aria-labelledby"))?.split(/\s+/) ?? [];
  const parts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return parts.join(" ");
}
