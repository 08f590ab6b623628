/**
 * What every browser test needs: one Chromium per test file, a fresh page per test opened on the
 * built site and waited on until sigma has drawn, the graph the page is showing (read from the
 * same graph.json, so expectations come from the data, never from memory), and small probes of
 * sigma's state through the test hook `window.__insightGraph`.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject, vi } from "vitest";
import {
  VIEW_EDGES,
  type ArticleNodeAttributes,
  type EdgeAttributes,
  type EntityNodeAttributes,
  type GraphAttributes,
  type NodeAttributes,
  type ViewName,
} from "../../src/core/graph/types";
import type { Evidence } from "../../src/core/types";
import { launchBrowser } from "../../scripts/lib/browser";

export type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Software WebGL on a shared 2-core machine: a first frame takes seconds, not milliseconds. */
export const FIRST_FRAME_TIMEOUT = 90_000;
/** For UI reactions after the first frame (panels, camera animations). */
export const UI_TIMEOUT = 20_000;

export const VIEWPORT = { width: 1400, height: 900 };

export function siteUrl(query = ""): string {
  return inject("siteUrl") + query;
}

export interface BrowserSession {
  readonly browser: Browser;
  /** Opens the site (optionally with a query string or hash) in a fresh context and waits for the first frame. */
  open(query?: string, options?: { prepare?: (page: Page) => Promise<void> }): Promise<Page>;
  /** A fresh page that has not navigated yet. */
  newPage(): Promise<Page>;
  /** Uncaught exceptions seen by a page, so tests can say "never a crash". */
  errorsOf(page: Page): Error[];
}

/**
 * Registers the hooks of one test file: a browser for the whole file, a context per test,
 * closed after it.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const errors = new WeakMap<Page, Error[]>();

  beforeAll(async () => {
    // expect.poll's default second is far too short for a software-rendered canvas.
    vi.setConfig({ expect: { poll: { timeout: UI_TIMEOUT, interval: 100 } } });
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error("The browser is not launched yet (use it inside a test).");
      return browser;
    },
    async newPage() {
      const context = await session.browser.newContext({ viewport: VIEWPORT });
      contexts.push(context);
      const page = await context.newPage();
      const seen: Error[] = [];
      errors.set(page, seen);
      page.on("pageerror", (error) => seen.push(error));
      page.setDefaultTimeout(UI_TIMEOUT);
      return page;
    },
    async open(query = "", options = {}) {
      const page = await session.newPage();
      await options.prepare?.(page);
      await page.goto(siteUrl(query));
      await waitForFirstFrame(page);
      return page;
    },
    errorsOf(page) {
      return errors.get(page) ?? [];
    },
  };
  return session;
}

/** Waits for sigma's first frame; fails at once, with the page's words, if the page reports an error instead. */
export async function waitForFirstFrame(page: Page): Promise<void> {
  const drawn = page.locator('#graph[aria-busy="false"]').waitFor({ state: "attached", timeout: FIRST_FRAME_TIMEOUT });
  const alert = page.getByRole("alert").filter({ hasText: /\S/ }).first();
  const failed = alert.waitFor({ timeout: FIRST_FRAME_TIMEOUT }).then(
    async () => {
      throw new Error(`the page reports an error instead of drawing: ${squash(await alert.textContent())}`);
    },
    // No alert in time: leave the verdict to `drawn`.
    () => new Promise<never>(() => {}),
  );
  await Promise.race([drawn, failed]);
}

// ---------------------------------------------------------------------------------------------
// The graph behind the page

let graphPromise: Promise<ExplorerGraph> | undefined;

/** The graph.json the site serves, loaded once per test file. */
export function loadGraph(): Promise<ExplorerGraph> {
  graphPromise ??= (async () => {
    const response = await fetch(siteUrl("graph.json"));
    if (!response.ok) throw new Error(`graph.json: HTTP ${response.status}`);
    const data = (await response.json()) as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
    const graph: ExplorerGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.import(data);
    return graph;
  })();
  return graphPromise;
}

export function entities(graph: ExplorerGraph): string[] {
  return graph.filterNodes((_, attributes) => attributes.kind === "entity");
}

export function articles(graph: ExplorerGraph): string[] {
  return graph.filterNodes((_, attributes) => attributes.kind === "article");
}

export function entity(graph: ExplorerGraph, key: string): EntityNodeAttributes {
  const attributes = graph.getNodeAttributes(key);
  if (attributes.kind !== "entity") throw new Error(`${key} is not an entity`);
  return attributes;
}

export function article(graph: ExplorerGraph, key: string): ArticleNodeAttributes {
  const attributes = graph.getNodeAttributes(key);
  if (attributes.kind !== "article") throw new Error(`${key} is not an article`);
  return attributes;
}

/** The entity with this canonical label; fails the test when the graph has none. */
export function entityByLabel(graph: ExplorerGraph, label: string): string {
  const key = entities(graph).find((node) => graph.getNodeAttribute(node, "label") === label);
  expect(key, `an entity labelled "${label}" in graph.json`).toBeDefined();
  return key as string;
}

/** The articles that mention an entity: the sources of its mention edges. */
export function mentioningArticles(graph: ExplorerGraph, entityKey: string): string[] {
  return graph.filterInNeighbors(entityKey, (_, attributes) => attributes.kind === "article");
}

/** Where a mention edge found its concept; none for an edge of another kind (a broader relation). */
export function evidenceOfEdge(graph: ExplorerGraph, edge: string): Evidence[] {
  const attributes = graph.getEdgeAttributes(edge);
  return attributes.kind === "mentions" ? attributes.evidence : [];
}

/** Entities sorted by the number of articles that mention them, most first, ties by key. */
export function entitiesByArticleCount(graph: ExplorerGraph): string[] {
  return entities(graph).sort(
    (a, b) => mentioningArticles(graph, b).length - mentioningArticles(graph, a).length || a.localeCompare(b),
  );
}

/** The exact words each piece of evidence of a mention points at. */
export function evidenceWords(graph: ExplorerGraph, articleKey: string, entityKey: string): string[] {
  const source = article(graph, articleKey);
  const edge = graph.edge(articleKey, entityKey);
  if (edge === undefined) return [];
  return evidenceOfEdge(graph, edge).map((evidence) => {
    const text =
      evidence.field === "title"
        ? source.label
        : evidence.field === "description"
          ? source.description
          : (source.insights[evidence.index] ?? "");
    return text.slice(evidence.start, evidence.end);
  });
}

/**
 * A node's neighbours through the edges a view draws (`VIEW_EDGES`: mentions and broader
 * relations on the map), which are the ones hover lights there; `graph.neighbors` would add
 * co-occurring concepts and related articles, which the map does not draw.
 */
export function viewNeighbours(graph: ExplorerGraph, key: string, view: ViewName = "map"): string[] {
  const neighbours = new Set<string>();
  graph.forEachEdge(key, (_edge, attributes, source, target) => {
    if (VIEW_EDGES[view].includes(attributes.kind)) neighbours.add(source === key ? target : source);
  });
  return [...neighbours];
}

/** The entity types that occur in the graph. */
export function entityTypesIn(graph: ExplorerGraph): string[] {
  return [...new Set(entities(graph).map((key) => entity(graph, key).type))].sort();
}

/** How an entity type may be named in the interface: singular or plural, either spelling. */
const TYPE_NAMES: Record<string, string> = {
  organization: "organi[sz]ations?",
  technology: "technolog(?:y|ies)",
  technique: "techniques?",
  person: "(?:persons?|people)",
};

/** A case-insensitive pattern matching the way the interface may name an entity type. */
export function typeName(type: string): RegExp {
  return new RegExp(TYPE_NAMES[type] ?? escapeRegExp(type), "i");
}

/**
 * Breadth-first distance between two nodes over mentions, ignoring edge direction (a path may
 * go either way; only mentions make its hops).
 */
export function shortestDistance(graph: ExplorerGraph, from: string, to: string): number | undefined {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    const next = (distance.get(node) as number) + 1;
    const neighbours = new Set<string>();
    graph.forEachEdge(node, (_edge, attributes, source, target) => {
      if (attributes.kind === "mentions") neighbours.add(source === node ? target : source);
    });
    for (const neighbour of neighbours) {
      if (distance.has(neighbour)) continue;
      if (neighbour === to) return next;
      distance.set(neighbour, next);
      queue.push(neighbour);
    }
  }
  return from === to ? 0 : undefined;
}

// ---------------------------------------------------------------------------------------------
// Probes of the page

export interface NodeProbe {
  hovered: boolean;
  highlighted: boolean;
  hidden: boolean;
  /** Drawn size (radius) in pixels; 0 when not displayed. */
  size: number;
  /** Its label is drawn whatever the label density rules would decide. */
  labelShown: boolean;
  /** Where the node is drawn, in page CSS pixels; undefined when sigma does not display it. */
  position?: { x: number; y: number };
}

/** Sigma's view of some nodes: state, and whether they are hidden by state or by style. */
export async function probeNodes(page: Page, keys: string[]): Promise<Record<string, NodeProbe>> {
  return page.evaluate((nodeKeys) => {
    const sigma = window.__insightGraph.sigma;
    const box = sigma.getContainer().getBoundingClientRect();
    const probes: Record<string, NodeProbe> = {};
    for (const key of nodeKeys) {
      const state = sigma.getNodeState(key);
      const display = sigma.getNodeDisplayData(key);
      const viewport = display ? sigma.framedGraphToViewport(display) : undefined;
      probes[key] = {
        hovered: state.isHovered,
        highlighted: state.isHighlighted || display?.highlighted === true,
        hidden: state.isHidden || !display || display.visibility === "hidden",
        size: display?.size ?? 0,
        labelShown: !!display?.label && display.labelVisibility === "visible",
        position: viewport && { x: box.left + viewport.x, y: box.top + viewport.y },
      };
    }
    return probes;
  }, keys);
}

/**
 * The first of `candidates` that the pointer can reach: drawn, inside the graph container and not
 * covered by a panel at its centre.
 */
export async function reachableNode(
  page: Page,
  candidates: string[],
): Promise<{ key: string; x: number; y: number } | undefined> {
  const probes = await probeNodes(page, candidates);
  for (const key of candidates) {
    const position = probes[key]?.position;
    if (!position || probes[key]?.hidden) continue;
    const open = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest("#graph") != null,
      position,
    );
    if (open) return { key, ...position };
  }
  return undefined;
}

export async function cameraState(page: Page): Promise<{ x: number; y: number; ratio: number; angle: number }> {
  return page.evaluate(() => {
    const { x, y, ratio, angle } = window.__insightGraph.sigma.getCamera().getState();
    return { x, y, ratio, angle };
  });
}

/**
 * Waits until the camera has stopped moving (animations), then returns its state. A click may
 * start an animation a frame later, so the camera must hold still for several samples in a row.
 */
export async function settledCamera(page: Page): Promise<{ x: number; y: number; ratio: number; angle: number }> {
  let previous = await cameraState(page);
  let still = 0;
  for (let attempt = 0; attempt < 100 && still < 4; attempt++) {
    await page.waitForTimeout(150);
    const current = await cameraState(page);
    still = JSON.stringify(current) === JSON.stringify(previous) ? still + 1 : 0;
    previous = current;
  }
  return previous;
}

/**
 * How much of an element's screenshot is ink: the share of pixels that differ from the colour
 * of its top-left corner, and the number of distinct colours (coarsely quantised). Decoded by
 * the page itself, so no image library is needed.
 */
export async function inkOf(page: Page, target: Locator): Promise<{ inkShare: number; colours: number }> {
  const png = await target.screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D context");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    const colours = new Set<number>();
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      if (r !== r0 || g !== g0 || b !== b0) ink++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    return { inkShare: ink / (data.length / 4), colours: colours.size };
  }, png.toString("base64"));
}

// ---------------------------------------------------------------------------------------------
// The accessible contract (src/app/README-ui-contract.md)

export function searchBox(page: Page): Locator {
  return page.getByRole("combobox", { name: "Search", exact: true });
}

export function searchResults(page: Page): Locator {
  return page.getByRole("listbox", { name: "Search results" });
}

export function details(page: Page): Locator {
  return page.getByRole("region", { name: "Details", exact: true });
}

/** The listbox a combobox controls (its `aria-controls`), where it pops up its options. */
export async function listboxOf(page: Page, combobox: Locator): Promise<Locator> {
  const id = await combobox.getAttribute("aria-controls");
  return id ? page.locator(`[id="${id}"]`) : page.getByRole("listbox").first();
}

/**
 * Types a query into a combobox and chooses the option whose text starts with `label`. An
 * option's text runs on into its details ("PostgreSQL21 articles"), so "Go" must not pick
 * "Google": a label followed by a lower-case letter is another name, unless nothing else fits.
 */
export async function choose(page: Page, combobox: Locator, query: string, label: string): Promise<void> {
  await combobox.fill(query);
  const listbox = await listboxOf(page, combobox);
  await listbox.getByRole("option").first().waitFor();
  const startsWith = new RegExp(`^\\s*${escapeRegExp(label)}`);
  const wholeName = new RegExp(`^\\s*${escapeRegExp(label)}(?![a-z])`);
  const exact = listbox.getByRole("option").filter({ hasText: wholeName });
  const option = (await exact.count()) > 0 ? exact : listbox.getByRole("option").filter({ hasText: startsWith });
  await option.first().click();
}

/** Concept or article focus through the search box. */
export async function focusThroughSearch(page: Page, query: string, label: string): Promise<void> {
  await choose(page, searchBox(page), query, label);
  await expect
    .poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent()))
    .toBe(squash(label));
}

/** The number in the Details heading that counts articles ("12 articles"). */
export async function headingCount(panel: Locator): Promise<number> {
  const heading = panel.getByRole("heading").filter({ hasText: /\d+\s+articles?\b/i }).first();
  const text = (await heading.textContent()) ?? "";
  const match = /(\d+)\s+articles?\b/i.exec(text);
  if (!match) throw new Error(`no article count in "${text}"`);
  return Number(match[1]);
}

/**
 * The list of mentioning articles in concept focus: the first list in the panel whose items
 * quote evidence (other lists, such as query chips or companions, quote nothing).
 */
export function articleList(panel: Locator): Locator {
  return panel
    .getByRole("list")
    .filter({ has: panel.page().locator("mark") })
    .first();
}

/**
 * The part of a panel a heading introduces: a list or group named like the heading, else the
 * element that follows the heading.
 */
export function sectionNamed(panel: Locator, name: RegExp): Locator {
  return panel
    .getByRole("list", { name })
    .or(panel.getByRole("group", { name }))
    .or(panel.getByRole("heading", { name }).locator("xpath=following-sibling::*[1]"))
    .first();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Collapses whitespace, for comparing text as a reader sees it. */
export function squash(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

declare global {
  interface Window {
    /** Exposed by the app for tests only. */
    __insightGraph: {
      sigma: import("sigma").default;
      graph: unknown;
      state: unknown;
      /** The labels drawn on the map now (node labels and region names), in `#graph`'s viewport pixels. */
      drawnLabels(): { key: string; text: string; box: [number, number, number, number] }[];
    };
  }
}
