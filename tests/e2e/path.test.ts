/**
 * Issue 5, path: "How is X connected to Y?" lists a shortest chain of articles and concepts
 * between two nodes, with the evidence for each hop, and draws it on the graph. The ends are
 * chosen in the Path panel; the chain is listed in the wide Details panel.
 */
import { describe, expect, it } from "vitest";
import {
  choose,
  details,
  entitiesByArticleCount,
  entity,
  entityByLabel,
  evidenceWords,
  loadGraph,
  probeNodes,
  shortestDistance,
  squash,
  useBrowser,
  type ExplorerGraph,
} from "./support";

/** A well-known concept as far from `from` as any of the fifty most mentioned ones. */
function farConcept(graph: ExplorerGraph, from: string): { key: string; distance: number } {
  const ranked = entitiesByArticleCount(graph)
    .slice(0, 50)
    .filter((key) => key !== from)
    .map((key) => ({ key, distance: shortestDistance(graph, from, key) ?? -1 }))
    .sort((a, b) => b.distance - a.distance);
  const far = ranked[0];
  expect(far && far.distance >= 4, "a concept at least two articles away").toBe(true);
  return far as { key: string; distance: number };
}

/**
 * Which node a step names: among `candidates`, the one with the longest label the step starts
 * with, else the longest one it contains (a step may lead with a kind, such as "Article").
 */
function nodeOf(graph: ExplorerGraph, step: string, candidates: string[]): string | undefined {
  const longestFirst = [...candidates].sort(
    (a, b) => graph.getNodeAttribute(b, "label").length - graph.getNodeAttribute(a, "label").length,
  );
  const label = (key: string) => squash(graph.getNodeAttribute(key, "label"));
  return longestFirst.find((key) => step.startsWith(label(key))) ?? longestFirst.find((key) => step.includes(label(key)));
}

describe("path between two concepts", () => {
  const session = useBrowser();

  it("lists a shortest chain with the evidence for every hop, and draws it", async () => {
    const graph = await loadGraph();
    const from = entityByLabel(graph, "PostgreSQL");
    const { key: to, distance } = farConcept(graph, from);
    const toLabel = entity(graph, to).label;

    const page = await session.open();
    const region = page.getByRole("region", { name: "Path", exact: true });
    await choose(page, region.getByRole("combobox", { name: "From", exact: true }), "postgres", "PostgreSQL");
    await choose(page, region.getByRole("combobox", { name: "To", exact: true }), toLabel, toLabel);
    await region.getByRole("button", { name: "Find path", exact: true }).click();

    const steps = details(page).getByRole("list", { name: "Path steps" }).getByRole("listitem");
    await expect.poll(() => steps.count()).toBe(distance + 1);
    const heading = squash(await details(page).getByRole("heading", { level: 2 }).first().textContent());
    expect(heading, "Details names both ends").toContain("PostgreSQL");
    expect(heading, "Details names both ends").toContain(squash(toLabel));
    const texts = (await steps.allTextContents()).map(squash);

    // Walk the listed steps through the graph: each names a neighbour of the step before it.
    const path = [from];
    expect(texts[0]).toContain("PostgreSQL");
    for (const text of texts.slice(1)) {
      const previous = path[path.length - 1] as string;
      const next = nodeOf(graph, text, graph.neighbors(previous));
      expect(next, `"${text}" names a neighbour of ${graph.getNodeAttribute(previous, "label")}`).toBeDefined();
      path.push(next as string);
    }
    expect(path[path.length - 1]).toBe(to);

    // Every hop joins an article and a concept; the words that link them are quoted in the list.
    const listed = texts.join(" ");
    for (let i = 1; i < path.length; i++) {
      const [a, b] = [path[i - 1] as string, path[i] as string];
      const [articleKey, conceptKey] = graph.getNodeAttribute(a, "kind") === "article" ? [a, b] : [b, a];
      const words = evidenceWords(graph, articleKey, conceptKey).map(squash);
      expect(words.some((word) => listed.includes(word)), `evidence for ${articleKey} → ${conceptKey}`).toBe(true);
    }

    const probes = await probeNodes(page, graph.nodes());
    const onPath = new Set(path);
    expect(path.filter((node) => !probes[node]?.highlighted), "path nodes not highlighted").toEqual([]);
    expect(graph.filterNodes((node) => !onPath.has(node) && probes[node]?.highlighted === true), "others highlighted").toEqual([]);
  });
});
