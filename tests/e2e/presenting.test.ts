/**
 * Issue 11, presenting to a room at 1920×1080: the step's note, the names of what is lit and
 * Details (its headings and list items) are set at 28 px or more, with a text contrast of 4.5:1
 * or more, each measured in the page from the computed font size and colours, against the
 * nearest opaque background behind the text (translucent layers composited over it). Then:
 * presenting without a tour, and Esc.
 */
import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Tour } from "../../src/core/tours/types";
import { details, loadGraph, siteUrl, squash, useBrowser, waitForFirstFrame } from "./support";

const session = useBrowser();
const PROJECTOR = { width: 1920, height: 1080 };
const MIN_FONT_PX = 28;
const MIN_CONTRAST = 4.5;

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

async function openOnProjector(query: string): Promise<Page> {
  const context = await session.browser.newContext({ viewport: PROJECTOR });
  closing.push(() => context.close());
  const page = await context.newPage();
  await page.goto(siteUrl(query));
  await waitForFirstFrame(page);
  return page;
}

interface Measured {
  text: string;
  fontSize: number;
  contrast: number;
}

/**
 * Every piece of text inside the elements `selector` matches (the elements holding a text node
 * of their own, visible on the page): its font size in CSS pixels and its contrast ratio (WCAG
 * 2) against what is behind it.
 */
async function measure(page: Page, selector: string): Promise<Measured[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (colour: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/.exec(colour)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as Rgba;
    };
    // The nearest opaque background among the element and its ancestors, with the translucent
    // ones in between laid over it; the page's white when none is opaque.
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const colour = parse(getComputedStyle(at).backgroundColor);
        if (colour[3] === 0) continue;
        layers.push(colour);
        if (colour[3] === 1) break;
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const results: { text: string; fontSize: number; contrast: number }[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        const ownText = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent ?? "")
          .join("")
          .trim();
        if (!ownText || element.getClientRects().length === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility === "hidden") continue;
        const background = backgroundOf(element);
        const ink = over(parse(style.color), background);
        const [light, dark] = [luminance(ink), luminance(background)].sort((a, b) => b - a) as [number, number];
        results.push({ text: ownText.slice(0, 40), fontSize: parseFloat(style.fontSize), contrast: (light + 0.05) / (dark + 0.05) });
      }
    }
    return results;
  }, selector);
}

function tooSmallOrFaint(measured: readonly Measured[]): Measured[] {
  return measured.filter((m) => m.fontSize < MIN_FONT_PX || m.contrast < MIN_CONTRAST);
}

function summary(measured: readonly Measured[]): string {
  const sizes = measured.map((m) => m.fontSize);
  const contrasts = measured.map((m) => m.contrast);
  return `${measured.length} texts, font ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} px, contrast ≥ ${Math.min(...contrasts).toFixed(2)}:1`;
}

async function presenting(page: Page): Promise<boolean> {
  return page.evaluate(() => document.body.classList.contains("presenting"));
}

describe("presenting at 1920×1080", () => {
  it("sets the note, the names of what is lit, and Details' headings and list items at 28 px or more, at a contrast of 4.5:1 or more", async () => {
    const graph = await loadGraph();
    const tours = (graph.getAttribute("tours") ?? []) as Tour[];
    // A step with a note that shows an article: Details then has headings, insights and lists of concepts.
    const found = tours
      .flatMap((tour) => tour.steps.map((step, index) => ({ tour, step, index })))
      .find(({ step }) => step.note && "node" in step.show && graph.getNodeAttribute(step.show.node, "kind") === "article" && !step.view);
    expect(found, "a bundled tour step with a note that shows an article").toBeDefined();
    const { tour, index } = found!;
    const page = await openOnProjector(`?tour=${encodeURIComponent(tour.id)}&step=${index + 1}`);

    await page.getByRole("button", { name: "Present", exact: true }).first().click();
    await expect.poll(() => presenting(page)).toBe(true);
    const caption = page.getByRole("region", { name: "Caption" });
    await expect.poll(() => caption.isVisible()).toBe(true);
    // Details is the same panel in presentation style, not a second one.
    expect(await page.getByRole("region", { name: "Details", exact: true }).count()).toBe(1);
    await expect.poll(async () => squash(await caption.textContent())).toContain(squash(graph.getNodeAttribute((found!.step.show as { node: string }).node, "label")));
    await page.waitForTimeout(800);

    const note = await measure(page, ".caption-note");
    const names = await measure(page, ".caption-names, .caption-title");
    const headings = await measure(page, '[aria-label="Details"] :is(h2, h3, h4)');
    const items = await measure(page, '[aria-label="Details"] li');
    console.log(`note: ${summary(note)}\nnames: ${summary(names)}\nDetails headings: ${summary(headings)}\nDetails list items: ${summary(items)}`);
    expect(note.length, "the note is shown").toBeGreaterThan(0);
    expect(names.length, "the names are shown").toBeGreaterThan(0);
    expect(headings.length, "Details has headings").toBeGreaterThan(1);
    expect(items.length, "Details has list items").toBeGreaterThan(3);
    expect(tooSmallOrFaint(note), "the note").toEqual([]);
    expect(tooSmallOrFaint(names), "the names").toEqual([]);
    expect(tooSmallOrFaint(headings), "Details' headings").toEqual([]);
    expect(tooSmallOrFaint(items), "Details' list items").toEqual([]);

    // And the rest of the page while presenting: no serious or critical accessibility violation.
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);

    await mkdir("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/presenting-1920.png", timeout: 90_000 });
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("without a tour presents the current view, names its focus in large type, steps nowhere, and Esc leaves presenting and full screen", async () => {
    const graph = await loadGraph();
    const postgres = graph.findNode((_node, attributes) => attributes.kind === "entity" && attributes.label === "PostgreSQL");
    expect(postgres).toBeDefined();
    const page = await openOnProjector(`?concept=${encodeURIComponent(postgres!)}`);
    await details(page).getByRole("heading", { level: 2, name: "PostgreSQL" }).waitFor();

    await page.keyboard.press("p");
    await expect.poll(() => presenting(page)).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get("present")).toBe("1");
    const names = page.locator(".caption-names");
    await expect.poll(async () => squash(await names.textContent())).toBe("PostgreSQL");
    expect(tooSmallOrFaint(await measure(page, ".caption-names"))).toEqual([]);

    const before = page.url();
    for (const key of ["ArrowRight", "Space", "End", "PageUp"]) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(page.url(), "no tour: the stepping keys do nothing").toBe(before);

    await page.keyboard.press("Escape");
    await expect.poll(() => presenting(page)).toBe(false);
    await expect.poll(() => new URL(page.url()).searchParams.has("present")).toBe(false);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    // Esc left presenting only: PostgreSQL is still chosen.
    expect(squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe("PostgreSQL");
    expect(session.errorsOf(page)).toEqual([]);
  });
});
