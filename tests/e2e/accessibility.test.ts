/**
 * Issue 5 acceptance: axe-core finds no serious or critical violation in the default view, in
 * concept focus, in article focus and in list view.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { article, articles, focusThroughSearch, loadGraph, useBrowser } from "./support";

/** Serious and critical violations, each as "rule: target, target…" so a failure says where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

describe("accessibility (axe-core)", () => {
  const session = useBrowser();

  it("default view", async () => {
    const page = await session.open();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("concept focus", async () => {
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("article focus", async () => {
    const graph = await loadGraph();
    const key = articles(graph)
      .filter((candidate) => article(graph, candidate).insights.length > 0)
      .sort()[0] as string;
    const { label } = article(graph, key);
    const page = await session.open();
    await focusThroughSearch(page, label, label);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("list view", async () => {
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const toggle = page.getByRole("button", { name: "List view", exact: true });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
