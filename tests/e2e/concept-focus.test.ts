/**
 * Issue 5, concept focus: choosing a concept highlights it and every article that mentions it,
 * dims the rest, fits the camera to them, and the Details panel lists every mentioning article
 * (count in the heading, evidence quoted with the mention marked, most relevant first) and the
 * concepts that most often come with it.
 */
import { describe, expect, it } from "vitest";
import {
  article,
  articleList,
  details,
  entitiesByArticleCount,
  entity,
  entityByLabel,
  escapeRegExp,
  evidenceOfEdge,
  evidenceWords,
  focusThroughSearch,
  headingCount,
  loadGraph,
  mentioningArticles,
  probeNodes,
  sectionNamed,
  settledCamera,
  squash,
  useBrowser,
  type ExplorerGraph,
} from "./support";

/** The concepts to check: PostgreSQL, named by the issue, and the three most mentioned ones. */
function conceptsUnderTest(graph: ExplorerGraph): string[] {
  return [...new Set([entityByLabel(graph, "PostgreSQL"), ...entitiesByArticleCount(graph).slice(0, 3)])];
}

/** The title of the article a list item stands for (the longest title it starts with). */
function titleOf(item: string, titles: string[]): string | undefined {
  return titles.filter((title) => item.startsWith(squash(title))).sort((a, b) => b.length - a.length)[0];
}

describe("concept focus", () => {
  const session = useBrowser();

  it("lists every mentioning article, as many as the heading counts, each quoting its evidence", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    for (const key of conceptsUnderTest(graph)) {
      const { label } = entity(graph, key);
      const expected = mentioningArticles(graph, key);
      const titles = expected.map((node) => article(graph, node).label);
      await focusThroughSearch(page, label, label);

      const panel = details(page);
      await expect.poll(() => headingCount(panel), { message: `count in the heading for ${label}` }).toBe(expected.length);
      const items = articleList(panel).getByRole("listitem");
      expect(await items.count(), `articles listed for ${label}`).toBe(expected.length);

      const listed: string[] = [];
      for (const item of await items.all()) {
        const text = squash(await item.textContent());
        const title = titleOf(text, titles);
        expect(title, `"${text}" starts with the title of an article mentioning ${label}`).toBeDefined();
        listed.push(title as string);
        const articleKey = expected[titles.indexOf(title as string)] as string;
        const marks = (await item.locator("mark").allTextContents()).map(squash);
        const words = evidenceWords(graph, articleKey, key).map(squash);
        expect(marks.length, `a <mark> in "${text}"`).toBeGreaterThan(0);
        for (const mark of marks) expect(words, `marked words in "${text}"`).toContain(mark);
      }
      expect([...listed].sort()).toEqual([...titles].sort());
    }
  });

  it("orders articles by relevance: named in the title before mentioned once in an insight", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    // The most mentioned concept that some titles name and some articles mention once in passing.
    const key = entitiesByArticleCount(graph).find((candidate) => {
      const fields = mentioningArticles(graph, candidate).map((node) => fieldsOf(graph, node, candidate));
      return fields.some((list) => list.includes("title")) && fields.some(isPassingMention);
    });
    expect(key, "a concept named in some titles and only in insights elsewhere").toBeDefined();
    const { label } = entity(graph, key as string);
    await focusThroughSearch(page, label, label);

    const expected = mentioningArticles(graph, key as string);
    const titles = expected.map((node) => article(graph, node).label);
    const items = articleList(details(page)).getByRole("listitem");
    await expect.poll(() => items.count()).toBe(expected.length);
    const order = (await items.allTextContents()).map((text) => {
      const title = titleOf(squash(text), titles) as string;
      return fieldsOf(graph, expected[titles.indexOf(title)] as string, key as string);
    });
    const lastTitled = order.findLastIndex((fields) => fields.includes("title"));
    const firstPassing = order.findIndex(isPassingMention);
    expect(lastTitled).toBeLessThan(firstPassing);
  });

  it("names the concepts that most often come with it, and each one focuses that concept", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    // The build's co-occurrence edges (kept above chance) are the companions, the most
    // significant first; "n articles" is the edge's weight, the articles naming both.
    const companions = new Map<string, { key: string; weight: number; score: number }>();
    graph.forEachEdge(postgres, (_edge, attributes, source, target) => {
      if (attributes.kind !== "cooccurs") return;
      const other = source === postgres ? target : source;
      companions.set(entity(graph, other).label, { key: other, weight: attributes.weight, score: attributes.score });
    });
    expect(companions.size, "PostgreSQL has co-occurrence edges in graph.json").toBeGreaterThan(0);
    const ofPostgres = new Set(mentioningArticles(graph, postgres));
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const panel = details(page);
    const section = sectionNamed(panel, /often together/i);
    await section.waitFor();
    const named: string[] = [];
    for (const item of await section.getByRole("listitem").all()) {
      const text = squash(await item.textContent());
      const label = [...companions.keys()].filter((name) => text.startsWith(name)).sort((a, b) => b.length - a.length)[0];
      expect(label, `"${text}" names a concept joined to PostgreSQL by a co-occurrence edge`).toBeDefined();
      const { key, weight } = companions.get(label as string)!;
      expect(text, `"${text}" counts the articles naming both`).toMatch(new RegExp(`\\b${weight} articles?$`));
      const both = mentioningArticles(graph, key).filter((node) => ofPostgres.has(node));
      expect(both.length, `articles naming PostgreSQL and ${label}`).toBe(weight);
      named.push(label as string);
    }
    expect(named.length, "co-occurring concepts offered").toBeGreaterThan(0);
    // Most significant first, and none left out that is more significant than one shown.
    const scores = named.map((label) => companions.get(label)!.score);
    expect(scores, "ordered by significance").toEqual([...scores].sort((a, b) => b - a));
    const least = Math.min(...scores);
    const missing = [...companions].filter(([label, { score }]) => score > least && !named.includes(label));
    expect(missing.map(([label]) => label), "more significant companions left out").toEqual([]);

    const first = named[0] as string;
    await section.getByRole("button", { name: new RegExp(`^${escapeRegExp(first)}`) }).first().click();
    await expect.poll(async () => squash(await panel.getByRole("heading", { level: 2 }).first().textContent())).toBe(first);
  });

  it("highlights the concept and its articles, dims the rest, and fits the camera to them", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const focused = new Set([postgres, ...mentioningArticles(graph, postgres)]);
    const page = await session.open();
    const before = await settledCamera(page);
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const after = await settledCamera(page);
    expect(after, "the camera moved").not.toEqual(before);

    const probes = await probeNodes(page, graph.nodes());
    const unlit = [...focused].filter((node) => !probes[node]?.highlighted);
    const lit = graph.filterNodes((node) => !focused.has(node) && probes[node]?.highlighted === true);
    expect(unlit, "focused nodes not highlighted").toEqual([]);
    expect(lit, "other nodes highlighted").toEqual([]);

    const box = await page.locator("#graph").boundingBox();
    expect(box).not.toBeNull();
    const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
    const outside = [...focused].filter((node) => {
      const position = probes[node]?.position;
      return !position || position.x < x || position.x > x + width || position.y < y || position.y > y + height;
    });
    expect(outside, "focused nodes outside the view").toEqual([]);
  });
});

/** The fields of every piece of evidence of a mention, in order. */
function fieldsOf(graph: ExplorerGraph, articleKey: string, entityKey: string): string[] {
  const edge = graph.edge(articleKey, entityKey);
  return edge === undefined ? [] : evidenceOfEdge(graph, edge).map((evidence) => evidence.field);
}

function isPassingMention(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === "insight";
}
