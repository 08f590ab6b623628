/**
 * Issue 5, article focus: title, section path, source, link, description, insights in which every
 * mentioned concept is a button that focuses it, concepts grouped by type, and related articles
 * with the concepts they share named.
 */
import { describe, expect, it } from "vitest";
import {
  article,
  articles,
  details,
  entity,
  escapeRegExp,
  evidenceOfEdge,
  evidenceWords,
  focusThroughSearch,
  loadGraph,
  sectionNamed,
  squash,
  typeName,
  useBrowser,
  type ExplorerGraph,
} from "./support";

/** The article with insights that mentions the most concepts in them (ties by key). */
function richestArticle(graph: ExplorerGraph): string {
  const inInsights = (key: string) =>
    graph.outEdges(key).filter((edge) => evidenceOfEdge(graph, edge).some((e) => e.field === "insight")).length;
  const key = articles(graph)
    .filter((candidate) => article(graph, candidate).insights.length > 0)
    .sort((a, b) => inInsights(b) - inInsights(a) || a.localeCompare(b))[0];
  expect(key, "an article with insights").toBeDefined();
  return key as string;
}

/** The words each insight marks as concept mentions, by bullet, with the concept they stand for. */
function insightMentions(graph: ExplorerGraph, key: string): Map<number, { words: string; concept: string }[]> {
  const byBullet = new Map<number, { words: string; concept: string }[]>();
  for (const concept of graph.outNeighbors(key)) {
    const edge = graph.edge(key, concept) as string;
    const evidence = evidenceOfEdge(graph, edge);
    const words = evidenceWords(graph, key, concept);
    evidence.forEach((e, i) => {
      if (e.field !== "insight") return;
      const list = byBullet.get(e.index) ?? [];
      list.push({ words: words[i] as string, concept });
      byBullet.set(e.index, list);
    });
  }
  return byBullet;
}

describe("article focus", () => {
  const session = useBrowser();

  /** The article with the most concepts, focused through the search box as a person would. */
  async function focusRichestArticle() {
    const graph = await loadGraph();
    const key = richestArticle(graph);
    const attributes = article(graph, key);
    const page = await session.open();
    await focusThroughSearch(page, attributes.label, attributes.label);
    return { graph, key, attributes, page, panel: details(page) };
  }

  it("shows title, section path, source, description and every insight", async () => {
    const { graph, key, attributes, page, panel } = await focusRichestArticle();
    const text = squash(await panel.textContent());
    expect(text).toContain(squash(attributes.section));
    if (attributes.subsection) expect(text).toContain(squash(attributes.subsection));
    if (attributes.source) expect(text).toContain(squash(attributes.source));
    if (attributes.description) expect(text).toContain(squash(attributes.description));
    const bullets = panel.getByRole("list").filter({ hasText: squash(attributes.insights[0] ?? "").slice(0, 40) }).first();
    const items = (await bullets.getByRole("listitem").allTextContents()).map(squash);
    expect(items).toEqual(attributes.insights.map(squash));
  });

  it("links to the article when its URL is known, opening it safely in a new tab", async () => {
    const graph = await loadGraph();
    const key = richestArticle(graph);
    const { label } = article(graph, key);
    const url = "https://example.org/articles/richest?ref=insight-graph&x=<1>";
    // The bundled document carries no URLs (Markdown reading lists do): serve graph.json with one.
    const page = await session.open("", {
      prepare: async (target) => {
        await target.route("**/graph.json", async (route) => {
          const data = (await (await route.fetch()).json()) as { nodes: { key: string; attributes: Record<string, unknown> }[] };
          const node = data.nodes.find((candidate) => candidate.key === key);
          if (node) node.attributes.url = url;
          await route.fulfill({ json: data });
        });
      },
    });
    await focusThroughSearch(page, label, label);
    const links = await details(page)
      .locator("a[href]")
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute("href"), target: a.getAttribute("target"), rel: a.getAttribute("rel") ?? "" })),
      );
    // The link carries the URL parser's serialisation of the address (`<1>` percent-encoded).
    const toArticle = links.filter((link) => link.href === new URL(url).href);
    expect(toArticle).toHaveLength(1);
    expect(toArticle[0]?.target).toBe("_blank");
    expect(toArticle[0]?.rel.split(/\s+/)).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
  });

  it("makes every concept mentioned in an insight a button that focuses that concept", async () => {
    const { graph, key, attributes, page, panel } = await focusRichestArticle();
    const mentions = insightMentions(graph, key);
    const bullets = panel.getByRole("list").filter({ hasText: squash(attributes.insights[0] ?? "").slice(0, 40) }).first();
    const items = bullets.getByRole("listitem");
    expect(await items.count()).toBe(attributes.insights.length);

    for (const [index, expected] of mentions) {
      const buttons = (await items.nth(index).getByRole("button").allTextContents()).map(squash);
      const words = expected.map((mention) => squash(mention.words));
      for (const button of buttons) expect(words, `button "${button}" in insight ${index}`).toContain(button);
      // Overlapping mentions may share one button; every mention that stands alone has its own.
      const alone = expected.filter((mention) => expected.filter((other) => other.words.includes(mention.words)).length === 1);
      for (const mention of alone) expect(buttons, `insight ${index}`).toContain(squash(mention.words));
    }

    const [index, [first]] = [...mentions].find(([, list]) => list.length > 0) as [number, { words: string; concept: string }[]];
    const label = entity(graph, (first as { concept: string }).concept).label;
    await items.nth(index).getByRole("button", { name: (first as { words: string }).words, exact: true }).first().click();
    await expect.poll(async () => squash(await panel.getByRole("heading", { level: 2 }).first().textContent())).toBe(label);
  });

  it("groups the article's concepts by type", async () => {
    const { graph, key, attributes, page, panel } = await focusRichestArticle();
    const byType = new Map<string, string[]>();
    for (const concept of graph.outNeighbors(key)) {
      const { type, label } = entity(graph, concept);
      byType.set(type, [...(byType.get(type) ?? []), label]);
    }
    for (const [type, labels] of byType) {
      const name = new RegExp(`^(?:${typeName(type).source})`, "i");
      const group = sectionNamed(panel, name);
      const text = squash(await group.textContent());
      for (const label of labels) expect(text, `${type} group`).toContain(label);
    }
  });

  it("lists related articles, naming the concepts each shares with this one", async () => {
    const graph = await loadGraph();
    const key = richestArticle(graph);
    const attributes = article(graph, key);
    const own = new Set(graph.outNeighbors(key));
    const titles = articles(graph)
      .filter((other) => other !== key)
      .map((other) => ({ other, title: article(graph, other).label }));
    const page = await session.open();
    await focusThroughSearch(page, attributes.label, attributes.label);
    const panel = details(page);
    const heading = panel.getByRole("heading", { name: /related/i }).first();
    await heading.waitFor();
    const related = sectionNamed(panel, /related/i);
    const items = (await related.getByRole("listitem").allTextContents()).map(squash);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const match = titles.filter(({ title }) => item.startsWith(squash(title))).sort((a, b) => b.title.length - a.title.length)[0];
      expect(match, `"${item}" starts with an article title`).toBeDefined();
      const shared = graph.outNeighbors((match as { other: string }).other).filter((concept) => own.has(concept));
      expect(shared.length, `"${item}" shares a concept`).toBeGreaterThan(0);
      const named = shared.filter((concept) => new RegExp(escapeRegExp(entity(graph, concept).label)).test(item.slice(squash((match as { title: string }).title).length)));
      expect(named.length, `"${item}" names a shared concept`).toBeGreaterThan(0);
    }
  });
});
