/**
 * Issue 5, deep links: the address holds the selection, the query, the filters and the view;
 * reload, Back and Forward restore them; the same link opened elsewhere shows the same thing;
 * garbage in the address is ignored with a short notice, never a crash.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  cameraState,
  choose,
  details,
  entity,
  entityByLabel,
  focusThroughSearch,
  headingCount,
  loadGraph,
  mentioningArticles,
  settledCamera,
  squash,
  useBrowser,
  waitForFirstFrame,
} from "./support";

async function detailsTitle(page: Page): Promise<string> {
  const heading = details(page).getByRole("heading", { level: 2 });
  return (await heading.count()) === 0 ? "" : squash(await heading.first().textContent());
}

/** The concept sharing the most articles with `key` (ties by key). */
function companionOf(graph: Awaited<ReturnType<typeof loadGraph>>, key: string): string {
  const own = new Set(mentioningArticles(graph, key));
  const companion = graph
    .filterNodes((other, attributes) => attributes.kind === "entity" && other !== key)
    .map((other) => ({ other, shared: mentioningArticles(graph, other).filter((node) => own.has(node)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.other.localeCompare(b.other))[0];
  expect(companion).toBeDefined();
  return (companion as { other: string }).other;
}

describe("deep links", () => {
  const session = useBrowser();

  it("keep the selection in the address: reload and a fresh page show the same", async () => {
    const page = await session.open();
    const bare = page.url();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await expect.poll(() => page.url()).not.toBe(bare);
    const link = page.url();
    const count = await headingCount(details(page));

    await page.reload();
    await waitForFirstFrame(page);
    await expect.poll(() => detailsTitle(page)).toBe("PostgreSQL");
    expect(await headingCount(details(page))).toBe(count);

    const elsewhere = await session.newPage();
    await elsewhere.goto(link);
    await waitForFirstFrame(elsewhere);
    await expect.poll(() => detailsTitle(elsewhere)).toBe("PostgreSQL");
    expect(await headingCount(details(elsewhere))).toBe(count);
  });

  it("step through selections with Back and Forward", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const other = entity(graph, companionOf(graph, postgres)).label;
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await focusThroughSearch(page, other, other);

    await page.goBack();
    await expect.poll(() => detailsTitle(page)).toBe("PostgreSQL");
    await page.goBack();
    await expect.poll(() => detailsTitle(page)).toBe("");
    await page.goForward();
    await expect.poll(() => detailsTitle(page)).toBe("PostgreSQL");
    await page.goForward();
    await expect.poll(() => detailsTitle(page)).toBe(other);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("keep combined concepts, match mode, filters, camera and list view across a reload", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const other = entity(graph, companionOf(graph, postgres)).label;
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await choose(page, page.getByRole("combobox", { name: "Add concept" }), other, other);
    await page.getByRole("radio", { name: "Any", exact: true }).check();
    const count = await headingCount(details(page));
    const filters = page.getByRole("region", { name: "Filters", exact: true });
    const firstType = filters.getByRole("checkbox").first();
    const typeName = await firstType.evaluate((element) => (element as HTMLInputElement).labels?.[0]?.textContent ?? "");
    await firstType.uncheck();
    await page.getByRole("button", { name: "Zoom in", exact: true }).click();
    const camera = await settledCamera(page);
    await page.getByRole("button", { name: "List view", exact: true }).click();
    await expect.poll(() => page.getByRole("button", { name: "List view", exact: true }).getAttribute("aria-pressed")).toBe("true");
    // Camera moves reach the address once the camera has rested (a few hundred milliseconds, more
    // under load): wait until the address holds this camera rather than for a fixed time.
    const addressRatio = () => Number(new URL(page.url()).searchParams.get("camera")?.split(",")[2] ?? Number.NaN);
    await expect.poll(() => Math.abs(addressRatio() - camera.ratio) / camera.ratio, { timeout: 30_000 }).toBeLessThan(0.05);

    await page.reload();
    await waitForFirstFrame(page);
    await expect.poll(() => detailsTitle(page)).not.toBe("");
    expect(await headingCount(details(page))).toBe(count);
    expect(await page.getByRole("radio", { name: "Any", exact: true }).isChecked()).toBe(true);
    expect(await filters.getByRole("checkbox").first().isChecked(), `"${squash(typeName)}" stays unchecked`).toBe(false);
    expect(await page.getByRole("button", { name: "List view", exact: true }).getAttribute("aria-pressed")).toBe("true");
    const restored = await settledCamera(page);
    expect(Math.abs(restored.ratio - camera.ratio) / camera.ratio).toBeLessThan(0.05);
  });

  it("keep a path's endpoints across a reload", async () => {
    const graph = await loadGraph();
    const postgres = entityByLabel(graph, "PostgreSQL");
    const other = entity(graph, companionOf(graph, postgres)).label;
    const page = await session.open();
    const region = page.getByRole("region", { name: "Path", exact: true });
    await choose(page, region.getByRole("combobox", { name: "From", exact: true }), "postgres", "PostgreSQL");
    await choose(page, region.getByRole("combobox", { name: "To", exact: true }), other, other);
    await region.getByRole("button", { name: "Find path", exact: true }).click();
    const steps = details(page).getByRole("list", { name: "Path steps" }).getByRole("listitem");
    await expect.poll(() => steps.count()).toBeGreaterThan(1);
    const listed = (await steps.allTextContents()).map(squash);

    await page.reload();
    await waitForFirstFrame(page);
    await expect.poll(async () => (await steps.allTextContents()).map(squash)).toEqual(listed);
  });

  it("ignore garbage in the address with a short notice, never a crash", async () => {
    const page = await session.open();
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await expect.poll(() => new URL(page.url()).search).not.toBe("");
    const url = new URL(page.url());
    // Every known parameter gets a value that means nothing, plus parameters nobody knows.
    const garbage = new URLSearchParams();
    for (const key of new Set(url.searchParams.keys())) garbage.append(key, "%%<script>zz\u0000");
    garbage.append("view", "NaN,Infinity,-1");
    garbage.append("wat", "1");
    url.search = `${garbage.toString()}&%E0%A4%A=broken`;

    const fresh = await session.newPage();
    await fresh.goto(url.href);
    await waitForFirstFrame(fresh);
    const notice = fresh.getByRole("status").filter({ hasText: /\S/ });
    await expect.poll(() => notice.count()).toBeGreaterThan(0);
    const text = squash(await notice.first().textContent());
    expect(text.length).toBeLessThan(300);
    expect(session.errorsOf(fresh)).toEqual([]);
    const camera = await cameraState(fresh);
    expect(Number.isFinite(camera.ratio) && camera.ratio > 0).toBe(true);
    // Still usable.
    await focusThroughSearch(fresh, "postgres", "PostgreSQL");
  });
});
