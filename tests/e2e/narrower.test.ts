/**
 * Issue 9, broader and narrower concepts: a concept with narrower ones lists them, offers
 * "Include narrower concepts" (on by default), and then lists every article that mentions it or
 * one below it, saying so in its counts; turned off, only the concept's own articles.
 * Expectations come from graph.json's broader edges.
 */
import { describe, expect, it } from "vitest";
import {
  article,
  articleList,
  details,
  entity,
  focusThroughSearch,
  headingCount,
  loadGraph,
  mentioningArticles,
  probeNodes,
  sectionNamed,
  squash,
  useBrowser,
  type ExplorerGraph,
} from "./support";

/** The concepts directly below `key`. */
function narrowerOf(graph: ExplorerGraph, key: string): string[] {
  return graph.filterInEdges(key, (_edge, attributes) => attributes.kind === "broader").map((edge) => graph.source(edge));
}

/** `key` and every concept below it. */
function withEveryNarrower(graph: ExplorerGraph, key: string): string[] {
  const seen = new Set([key]);
  for (const node of seen) for (const below of narrowerOf(graph, node)) seen.add(below);
  return [...seen];
}

/**
 * The concept under test: write-ahead logging, which the issue names, when the graph has it with
 * an article that names only a concept below it; else the first such concept by article count.
 */
function conceptUnderTest(graph: ExplorerGraph): string {
  const gains = (key: string) => {
    const own = new Set(mentioningArticles(graph, key));
    return withEveryNarrower(graph, key).some((below) => mentioningArticles(graph, below).some((a) => !own.has(a)));
  };
  const candidates = graph
    .filterNodes((key, attributes) => attributes.kind === "entity" && attributes.articleCount > 0 && gains(key))
    .sort((a, b) => mentioningArticles(graph, b).length - mentioningArticles(graph, a).length || a.localeCompare(b));
  const wal = candidates.find((key) => entity(graph, key).label === "write-ahead logging");
  expect(candidates.length, "a concept whose narrower concepts bring articles of their own").toBeGreaterThan(0);
  return wal ?? candidates[0]!;
}

describe("narrower concepts in Details", () => {
  const session = useBrowser();

  it("lists the narrower concepts and, with the option on by default, their articles too; off, only its own", async () => {
    const graph = await loadGraph();
    const key = conceptUnderTest(graph);
    const { label } = entity(graph, key);
    const concepts = withEveryNarrower(graph, key);
    const covered = new Set(concepts.flatMap((concept) => mentioningArticles(graph, concept)));
    const own = new Set(mentioningArticles(graph, key));
    const onlyBelow = [...covered].filter((a) => !own.has(a));

    const page = await session.open();
    await focusThroughSearch(page, label, label);
    const panel = details(page);

    // The concepts directly below, each a button that focuses it.
    const narrowerList = panel.getByRole("list", { name: "Narrower concepts" });
    const names = (await narrowerList.getByRole("button").allTextContents()).map(squash).sort();
    expect(names).toEqual(narrowerOf(graph, key).map((below) => entity(graph, below).label).sort());

    // On by default: every article of the concept or one below it, counted, each once.
    const option = panel.getByRole("checkbox", { name: "Include narrower concepts" });
    await expect.poll(() => option.isChecked()).toBe(true);
    await expect.poll(() => headingCount(panel)).toBe(covered.size);
    const items = articleList(panel).getByRole("listitem");
    expect(await items.count()).toBe(covered.size);
    const listed = (await items.allTextContents()).map(squash);
    for (const node of onlyBelow) {
      const title = squash(article(graph, node).label);
      const item = listed.find((text) => text.startsWith(title));
      expect(item, `${title}, which names only a narrower concept, is listed`).toBeDefined();
      // It says which concept it names: a quote prefixed by a narrower concept's label.
      const named = concepts.filter((c) => c !== key && mentioningArticles(graph, c).includes(node));
      expect(named.some((c) => item!.includes(`${squash(entity(graph, c).label)}:`)), `${title} names its concept`).toBe(true);
    }

    // The count line: the concept first, each with its articles, then the total.
    const countLine = squash(await sectionNamed(panel, /mention it or a narrower concept/).textContent());
    expect(countLine.startsWith(`${squash(label)} ${own.size}`), countLine).toBe(true);
    for (const concept of concepts.slice(1)) {
      const count = mentioningArticles(graph, concept).length;
      if (count > 0) expect(countLine).toContain(`${squash(entity(graph, concept).label)} ${count}`);
    }
    expect(countLine.endsWith(`— ${covered.size} ${covered.size === 1 ? "article" : "articles"}`), countLine).toBe(true);

    // The map lights the narrower concepts' articles while the option is on.
    // The map follows the panel within a frame or two (longer under load): poll, do not read once.
    const unlitBelow = async () => {
      const lit = await probeNodes(page, onlyBelow);
      return onlyBelow.filter((node) => !lit[node]?.highlighted);
    };
    await expect.poll(unlitBelow).toEqual([]);

    // Off: only the concept's own articles; focus stays on the option.
    await option.click();
    await expect.poll(() => option.isChecked()).toBe(false);
    await expect.poll(() => headingCount(panel)).toBe(own.size);
    expect(await articleList(panel).getByRole("listitem").count()).toBe(own.size);
    const direct = (await articleList(panel).getByRole("listitem").allTextContents()).map(squash);
    for (const node of onlyBelow) expect(direct.some((text) => text.startsWith(squash(article(graph, node).label)))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("include-narrower");
    const litBelow = async () => {
      const unlit = await probeNodes(page, onlyBelow);
      return onlyBelow.filter((node) => unlit[node]?.highlighted);
    };
    await expect.poll(litBelow).toEqual([]);

    // A narrower concept is a link to it.
    const first = narrowerOf(graph, key)[0]!;
    await narrowerList.getByRole("button", { name: entity(graph, first).label, exact: true }).click();
    await expect
      .poll(async () => squash(await panel.getByRole("heading", { level: 2 }).first().textContent()))
      .toBe(squash(entity(graph, first).label));
    expect(session.errorsOf(page)).toEqual([]);
  }, 240_000);
});
