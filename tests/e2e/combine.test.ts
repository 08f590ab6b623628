/**
 * Issue 5, combining concepts: in concept focus, a second and third concept narrow the list to
 * the articles that mention all of them, or widen it to any of them; All ⊆ Any, the counts are
 * the sizes of the intersection and the union, and removing a concept undoes it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  article,
  articleList,
  choose,
  details,
  entity,
  entityByLabel,
  focusThroughSearch,
  headingCount,
  loadGraph,
  mentioningArticles,
  squash,
  useBrowser,
  type ExplorerGraph,
} from "./support";

/**
 * Companions of `base` chosen so that the combination means something: each shares some but
 * not all articles with the ones before it (All is neither empty nor equal to Any).
 */
function companions(graph: ExplorerGraph, base: string, count: number): string[] {
  const chosen = [base];
  let all = new Set(mentioningArticles(graph, base));
  for (let i = 0; i < count; i++) {
    const candidates = graph
      .filterNodes((key, attributes) => attributes.kind === "entity" && !chosen.includes(key))
      .map((key) => {
        const own = mentioningArticles(graph, key);
        const shared = own.filter((node) => all.has(node));
        return { key, shared, own };
      })
      .filter(({ shared, own }) => shared.length > 0 && (shared.length < all.size || shared.length < own.length))
      .sort((a, b) => b.shared.length - a.shared.length || a.key.localeCompare(b.key));
    const next = candidates[0];
    expect(next, `a concept sharing some articles with ${chosen.join(", ")}`).toBeDefined();
    chosen.push((next as { key: string }).key);
    all = new Set((next as { shared: string[] }).shared);
  }
  return chosen.slice(1);
}

function intersection(graph: ExplorerGraph, keys: string[]): string[] {
  const [first, ...rest] = keys.map((key) => new Set(mentioningArticles(graph, key)));
  return [...(first as Set<string>)].filter((node) => rest.every((set) => set.has(node)));
}

function union(graph: ExplorerGraph, keys: string[]): string[] {
  return [...new Set(keys.flatMap((key) => mentioningArticles(graph, key)))];
}

async function listedTitles(page: Page): Promise<string[]> {
  return (await articleList(details(page)).getByRole("listitem").allTextContents()).map(squash);
}

function titlesOf(graph: ExplorerGraph, keys: string[]): string[] {
  return keys.map((key) => squash(article(graph, key).label));
}

/** Each listed item names exactly one of `titles` (the longest that it starts with). */
function matchTitles(items: string[], titles: string[]): string[] {
  return items.map(
    (item) => titles.filter((title) => item.startsWith(title)).sort((a, b) => b.length - a.length)[0] ?? `(unexpected) ${item}`,
  );
}

describe("combining concepts", () => {
  const session = useBrowser();

  it("lists the articles that mention all of the concepts, or any of them", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const [second, third] = companions(graph, postgres, 2) as [string, string];
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const panel = details(page);
    const addConcept = page.getByRole("combobox", { name: "Add concept" });
    const secondLabel = entity(graph, second).label;
    await choose(page, addConcept, secondLabel, secondLabel);

    const all2 = intersection(graph, [postgres, second]);
    const any2 = union(graph, [postgres, second]);
    await expect.poll(() => headingCount(panel)).toBe(all2.length);
    const allTitles = matchTitles(await listedTitles(page), titlesOf(graph, any2));
    expect(allTitles.sort()).toEqual(titlesOf(graph, all2).sort());

    await page.getByRole("radio", { name: "Any", exact: true }).check();
    await expect.poll(() => headingCount(panel)).toBe(any2.length);
    const anyTitles = matchTitles(await listedTitles(page), titlesOf(graph, any2));
    expect(anyTitles.sort()).toEqual(titlesOf(graph, any2).sort());
    for (const title of allTitles) expect(anyTitles, "All ⊆ Any").toContain(title);

    await page.getByRole("radio", { name: "All", exact: true }).check();
    const thirdLabel = entity(graph, third).label;
    await choose(page, addConcept, thirdLabel, thirdLabel);
    await expect.poll(() => headingCount(panel)).toBe(intersection(graph, [postgres, second, third]).length);

    await panel.getByRole("button", { name: `Remove ${thirdLabel}`, exact: true }).click();
    await expect.poll(() => headingCount(panel)).toBe(all2.length);
  });

  it("starts in All mode", async () => {
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const group = page.getByRole("radiogroup", { name: "Match" });
    expect(await group.getByRole("radio", { name: "All", exact: true }).isChecked()).toBe(true);
    expect(await group.getByRole("radio", { name: "Any", exact: true }).isChecked()).toBe(false);
  });
});
