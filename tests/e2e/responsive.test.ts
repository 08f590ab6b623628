/**
 * Issue 10, any screen. At a phone's width (400×800, touch) the map fills the screen and the
 * panels open in a bottom sheet over it: collapsed to a bar with the search box, half height,
 * full height; choosing a concept on the map opens the sheet on Details with the map still in
 * view above it; every control is at least 44×44 px. At 1280×720 and 1920×1080 no control is
 * outside the viewport or clipped, and no panel overflows sideways (scrolling up and down inside
 * a panel is fine).
 */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  details,
  entitiesByArticleCount,
  focusThroughSearch,
  loadGraph,
  reachableNode,
  searchBox,
  siteUrl,
  squash,
  UI_TIMEOUT,
  useBrowser,
  waitForFirstFrame,
} from "./support";

const PHONE = { width: 400, height: 800 };
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
/** WCAG 2.5.5's size for a target a finger can hit. */
const TOUCH_TARGET = 44;

const session = useBrowser();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** The site at a given size (a touch screen for the phone), waited on until sigma has drawn. */
async function openAt(viewport: { width: number; height: number }, query = ""): Promise<Page> {
  const touch = viewport.width < 700;
  const context = await session.browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(siteUrl(query));
  await waitForFirstFrame(page);
  return page;
}

function box(page: Page, selector: string): Promise<{ top: number; bottom: number; left: number; right: number; width: number; height: number }> {
  return page.locator(selector).evaluate((element) => {
    const { top, bottom, left, right, width, height } = element.getBoundingClientRect();
    return { top, bottom, left, right, width, height };
  });
}

/**
 * Where an element comes to rest: its box once two reads 100 ms apart agree. The sheet slides
 * (a CSS transition), and under load a read can land anywhere along the slide.
 */
async function restingBox(page: Page, selector: string): Promise<Awaited<ReturnType<typeof box>>> {
  let previous = await box(page, selector);
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.waitForTimeout(100);
    const current = await box(page, selector);
    if (current.top === previous.top && current.height === previous.height) return current;
    previous = current;
  }
  return previous;
}

/** The size button of the sheet, whatever its name says it will do next. */
function sizeButton(page: Page): Locator {
  return page.getByRole("button", { name: /^(Open|Enlarge|Collapse) panels$/ });
}

/**
 * Controls on screen smaller than a finger: buttons, links, fields and options that are
 * visible (a checkbox or a radio counts by its label, which is what one taps). Words inside
 * running text (a concept button in an insight, a link in a sentence) are exempt, as WCAG
 * exempts inline targets; fields never are.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((minimum) => {
    const found: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "button, a[href], input, select, textarea, [role='option'], [role='radio'], [role='checkbox']",
    );
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      if (control.closest("#graph")) continue;
      if (control.matches("button, a") && control.closest("p, q, .insights, .description")) continue;
      const target = control.matches("input[type='checkbox'], input[type='radio']") ? (control.closest("label") ?? control) : control;
      const { width, height } = target.getBoundingClientRect();
      if (width === 0 && height === 0) continue;
      if (width < minimum - 0.5 || height < minimum - 0.5) {
        const name = (control.getAttribute("aria-label") ?? target.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
        found.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return found;
  }, TOUCH_TARGET);
}

/**
 * What is cut on screen: a visible control outside the viewport (up or down only when no
 * ancestor scrolls it into view) or outside an ancestor that clips without scrolling, and any
 * scrolling panel whose content is wider than itself (text or controls off to the side).
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = window.innerWidth;
    const height = window.innerHeight;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`;
    const scrolls = (value: string) => value === "auto" || value === "scroll";
    const controls = document.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [role='option']");
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true })) continue;
      const rect = control.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      let scrolledY = false;
      for (let ancestor = control.parentElement; ancestor; ancestor = ancestor.parentElement) {
        const style = getComputedStyle(ancestor);
        const outer = ancestor.getBoundingClientRect();
        if (scrolls(style.overflowY)) scrolledY = true;
        const clipsX = style.overflowX !== "visible" && !scrolls(style.overflowX);
        const clipsY = style.overflowY !== "visible" && !scrolls(style.overflowY) && !scrolledY;
        if ((clipsX && (rect.left < outer.left - 1 || rect.right > outer.right + 1)) || (clipsY && (rect.top < outer.top - 1 || rect.bottom > outer.bottom + 1))) {
          found.push(`${describe(control)} clipped by ${describe(ancestor).slice(0, 40)}`);
          break;
        }
      }
      if (rect.left < -1 || rect.right > width + 1) found.push(`${describe(control)} off screen sideways (${Math.round(rect.left)}–${Math.round(rect.right)})`);
      if (!scrolledY && (rect.top < -1 || rect.bottom > height + 1)) found.push(`${describe(control)} off screen (${Math.round(rect.top)}–${Math.round(rect.bottom)})`);
    }
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (!scrolls(getComputedStyle(element).overflowX) || !element.checkVisibility()) continue;
      if (element.scrollWidth > element.clientWidth + 1) found.push(`${describe(element).slice(0, 60)} wider than itself (${element.scrollWidth} > ${element.clientWidth})`);
    }
    return found;
  });
}

describe("at a phone's width (400×800, touch)", () => {
  it("gives the map the whole width and most of the height, the panels folded into a bar with the search box", async () => {
    const page = await openAt(PHONE);
    const map = await box(page, "#graph");
    expect(map.left).toBeLessThanOrEqual(0);
    expect(map.width).toBeGreaterThanOrEqual(PHONE.width);
    expect(map.height, "the map's height").toBeGreaterThanOrEqual(0.8 * PHONE.height);

    await expect.poll(() => searchBox(page).isVisible()).toBe(true);
    const search = await box(page, "input[role='combobox'][aria-label='Search']");
    expect(search.bottom).toBeLessThanOrEqual(PHONE.height);
    expect(search.top, "the search box sits at the bottom, below the map").toBeGreaterThan(0.8 * PHONE.height);
    expect(await sizeButton(page).getAttribute("aria-expanded")).toBe("false");
    // Collapsed, the panel's content is out of sight and out of the Tab order.
    expect(await details(page).isVisible()).toBe(false);
  });

  it("opens on Details when a concept is tapped on the map, the map still in view above it", async () => {
    const graph = await loadGraph();
    const page = await openAt(PHONE);
    const node = await reachableNode(page, entitiesByArticleCount(graph).slice(0, 60));
    expect(node, "a concept the finger can reach on the map").toBeDefined();
    const label = graph.getNodeAttribute(node!.key, "label");
    await page.touchscreen.tap(node!.x, node!.y);

    const heading = details(page).getByRole("heading", { level: 2 });
    await expect.poll(async () => squash(await heading.first().textContent())).toBe(squash(label));
    await expect.poll(() => details(page).isVisible()).toBe(true);
    expect(await sizeButton(page).getAttribute("aria-expanded")).toBe("true");

    const panel = await box(page, "#details-slot");
    const title = await heading.first().boundingBox();
    expect(title && title.y + title.height, "the Details heading is on screen").toBeLessThanOrEqual(PHONE.height);
    // The map ends where the sheet begins, with a good part of the screen left to it.
    await expect.poll(async () => (await box(page, "#graph")).bottom).toBeLessThanOrEqual(panel.top);
    expect((await box(page, "#graph")).height, "the map above the sheet").toBeGreaterThanOrEqual(0.3 * PHONE.height);
  });

  it("opens, grows and collapses by its button, its keys and a drag of its bar; a panel button shows that panel", async () => {
    const page = await openAt(PHONE);
    const size = sizeButton(page);

    await size.tap();
    await expect.poll(() => size.getAttribute("aria-label")).toBe("Enlarge panels");
    // The sheet slides (a short CSS transition): read where it comes to rest.
    const halfway = async () => {
      const { top } = await box(page, "header");
      return top > 0.3 * PHONE.height && top < 0.7 * PHONE.height;
    };
    await expect.poll(halfway, { message: "half height puts the bar mid-screen" }).toBe(true);

    await size.tap();
    await expect.poll(() => size.getAttribute("aria-label")).toBe("Collapse panels");
    await expect
      .poll(async () => (await box(page, "header")).top, { message: "full height leaves a strip of map" })
      .toBeLessThan(0.15 * PHONE.height);

    await size.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => size.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => size.getAttribute("aria-label")).toBe("Enlarge panels");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => size.getAttribute("aria-expanded")).toBe("false");

    // Panel buttons: one panel at a time, the sheet opening if it was folded.
    const legend = page.getByRole("region", { name: "Legend", exact: true });
    await page.getByRole("group", { name: "Panels" }).getByRole("button", { name: "Legend", exact: true }).tap();
    await expect.poll(() => legend.isVisible()).toBe(true);
    expect(await details(page).isVisible()).toBe(false);
    expect(await page.getByRole("region", { name: "Filters", exact: true }).isVisible()).toBe(false);

    // Drag the bar by its grip to near the top of the screen: the sheet snaps to full height.
    await expect.poll(halfway, { message: "a panel button opens the sheet at half height" }).toBe(true);
    const bar = await restingBox(page, "header");
    await page.mouse.move(PHONE.width / 2, bar.top + 8);
    await page.mouse.down();
    for (let step = 1; step <= 8; step++) await page.mouse.move(PHONE.width / 2, bar.top + 8 - (step * (bar.top - 60)) / 8);
    await page.waitForTimeout(150);
    await page.mouse.up();
    await expect.poll(() => size.getAttribute("aria-label")).toBe("Collapse panels");
    expect(await legend.isVisible(), "a drag by the bar presses none of its buttons").toBe(true);
  });

  it("makes every control at least 44×44 px: Details, every panel, the search results, the list view", async () => {
    const page = await openAt(PHONE);
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    await expect.poll(() => details(page).isVisible()).toBe(true);
    expect(await smallTargets(page), "Details, the bar and the toolbar").toEqual([]);
    for (const name of ["Legend", "Path", "Filters"]) {
      await page.getByRole("group", { name: "Panels" }).getByRole("button", { name, exact: true }).tap();
      await expect.poll(() => page.getByRole("region", { name, exact: true }).isVisible()).toBe(true);
      expect(await smallTargets(page), name).toEqual([]);
    }
    await searchBox(page).fill("post");
    await page.getByRole("listbox", { name: "Search results" }).getByRole("option").first().waitFor();
    expect(await smallTargets(page), "the search results").toEqual([]);
    await searchBox(page).press("Escape");

    const list = page.getByRole("button", { name: "List view", exact: true });
    await list.tap();
    await expect.poll(() => page.getByRole("region", { name: "List view" }).isVisible()).toBe(true);
    expect(await smallTargets(page), "the list view").toEqual([]);
  });

  it("keeps the page accessible with the sheet open (axe-core: no serious or critical violation)", async () => {
    const page = await openAt(PHONE);
    await focusThroughSearch(page, "postgres", "PostgreSQL");
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
});

describe.each(SCREENS)("at $width×$height nothing is cut", (viewport) => {
  it("neither the toolbar, the search box nor any panel: nothing chosen, a concept chosen, the list view, search results, presentation", async () => {
    const page = await openAt(viewport);
    expect(await cutOff(page), "nothing chosen").toEqual([]);

    await focusThroughSearch(page, "postgres", "PostgreSQL");
    expect(await cutOff(page), "a concept chosen").toEqual([]);

    const list = page.getByRole("button", { name: "List view", exact: true });
    await list.click();
    await expect.poll(() => list.getAttribute("aria-pressed")).toBe("true");
    expect(await cutOff(page), "the list view").toEqual([]);
    await list.click();

    await searchBox(page).fill("post");
    await page.getByRole("listbox", { name: "Search results" }).getByRole("option").first().waitFor();
    expect(await cutOff(page), "the search results open").toEqual([]);
    await searchBox(page).press("Escape");

    const presentation = page.getByRole("button", { name: "Present", exact: true });
    await presentation.click();
    await expect.poll(() => presentation.getAttribute("aria-pressed")).toBe("true");
    await page.waitForTimeout(300);
    expect(await cutOff(page), "presentation").toEqual([]);
  });
});
