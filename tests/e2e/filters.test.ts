/**
 * Issue 5, filters and legend: entity types, sections and subsections and a minimum article
 * count decide what the graph shows; each choice states its count; the legend explains shapes,
 * colours and sizes.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  article,
  articles,
  entities,
  entity,
  entityTypesIn,
  escapeRegExp,
  loadGraph,
  mentioningArticles,
  probeNodes,
  squash,
  typeName,
  useBrowser,
  type ExplorerGraph,
} from "./support";

function filters(page: Page): Locator {
  return page.getByRole("region", { name: "Filters", exact: true });
}

/**
 * The checkbox for a choice, found by its accessible name: the choice (any case) followed by its
 * count in parentheses, e.g. "technique (312)". With `count`, only a checkbox stating that count.
 */
function checkboxFor(page: Page, choice: RegExp | string, count?: number): Locator {
  const name = typeof choice === "string" ? escapeRegExp(choice) : choice.source;
  const stated = count === undefined ? "\\d+" : String(count);
  return filters(page).getByRole("checkbox", { name: new RegExp(`^${name}\\s*\\(${stated}\\)$`, "i") });
}


function entitiesOfType(graph: ExplorerGraph, type: string): string[] {
  return entities(graph).filter((key) => entity(graph, key).type === type);
}

async function hiddenAmong(page: Page, keys: string[]): Promise<{ hidden: string[]; shown: string[] }> {
  const probes = await probeNodes(page, keys);
  return {
    hidden: keys.filter((key) => probes[key]?.hidden),
    shown: keys.filter((key) => !probes[key]?.hidden),
  };
}

/** Sets a number or range input the way a person would end up with it, firing input and change. */
async function setNumber(input: Locator, value: number): Promise<void> {
  await input.evaluate((element, next) => {
    const field = element as HTMLInputElement;
    field.value = String(next);
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

describe("filters and legend", () => {
  const session = useBrowser();

  it("offers every entity type with its count, and hides a type when it is unchecked", async () => {
    const graph = await loadGraph();
    // Concepts named by one article start hidden (see the contract); with `rare=1` every concept
    // shows, so the type checkboxes alone decide, over all concepts of every type.
    const page = await session.open("?rare=1");
    expect((await hiddenAmong(page, entities(graph))).hidden, "every concept shows with rare=1").toEqual([]);
    const types = entityTypesIn(graph);
    for (const type of types) {
      const checkbox = checkboxFor(page, typeName(type), entitiesOfType(graph, type).length);
      expect(await checkbox.count(), `one checkbox "${type} (${entitiesOfType(graph, type).length})"`).toBe(1);
      expect(await checkbox.isChecked(), `${type} starts checked`).toBe(true);
    }

    const type = types[0] as string;
    const others = entities(graph).filter((key) => entity(graph, key).type !== type);
    await checkboxFor(page, typeName(type)).uncheck();
    await expect.poll(async () => (await hiddenAmong(page, entitiesOfType(graph, type))).shown).toEqual([]);
    expect((await hiddenAmong(page, others)).hidden, "other types stay").toEqual([]);

    await checkboxFor(page, typeName(type)).check();
    await expect.poll(async () => (await hiddenAmong(page, entitiesOfType(graph, type))).hidden).toEqual([]);
  });

  it("offers every section and subsection with its article count, and hides a section's articles", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const inSection = (name: string) => articles(graph).filter((key) => article(graph, key).section === name);
    const { sections } = graph.getAttributes();
    for (const section of sections) {
      const sectionCount = inSection(section.name).length;
      expect(await checkboxFor(page, section.name, sectionCount).count(), `"${section.name} (${sectionCount})"`).toBe(1);
      for (const subsection of section.subsections) {
        const count = articles(graph).filter((key) => {
          const attributes = article(graph, key);
          return attributes.section === section.name && attributes.subsection === subsection;
        }).length;
        // Two sections may have subsections of the same name; at least this one states its count.
        expect(await checkboxFor(page, subsection, count).count(), `"${subsection} (${count})"`).toBeGreaterThan(0);
      }
    }

    const section = (sections[0] as { name: string }).name;
    await checkboxFor(page, section).uncheck();
    await expect.poll(async () => (await hiddenAmong(page, inSection(section))).shown).toEqual([]);
    const elsewhere = articles(graph).filter((key) => article(graph, key).section !== section);
    expect((await hiddenAmong(page, elsewhere)).hidden, "articles of other sections stay").toEqual([]);
  });

  it("hides concepts mentioned by fewer articles than the minimum", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const minimum = 3;
    const input = filters(page).getByRole("spinbutton", { name: "Minimum articles" }).or(
      filters(page).getByRole("slider", { name: "Minimum articles" }),
    );
    await setNumber(input.first(), minimum);
    const mentioned = (key: string) => mentioningArticles(graph, key).length >= minimum;
    // A grouping concept (no article names it; see the graph contract) shows with the narrower
    // concepts it groups, and only then.
    const narrower = (key: string) =>
      graph.filterInEdges(key, (_, attributes) => attributes.kind === "broader").map((edge) => graph.source(edge));
    const grouping = (key: string) => {
      const attributes = graph.getNodeAttributes(key);
      return attributes.kind === "entity" && attributes.articleCount === 0 && narrower(key).length > 0;
    };
    const shows = (key: string): boolean => (grouping(key) ? narrower(key).some(shows) : mentioned(key));
    const rare = entities(graph).filter((key) => !shows(key));
    const common = entities(graph).filter(shows);
    expect(rare.length).toBeGreaterThan(0);
    expect(common.some(grouping), "some grouping concept shows through its narrower concepts").toBe(true);
    await expect.poll(async () => (await hiddenAmong(page, rare)).shown).toEqual([]);
    expect((await hiddenAmong(page, common)).hidden).toEqual([]);
  });

  it("has a legend that explains kinds, colours and sizes", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const legend = page.getByRole("region", { name: "Legend", exact: true });
    const text = squash(await legend.textContent()).toLowerCase();
    expect(text).toContain("article");
    for (const type of entityTypesIn(graph)) expect(text).toMatch(typeName(type));
    expect(text).toMatch(/size/);
  });
});
