/**
 * `tsx scripts/screenshots.ts [name…]`: builds the site, serves it under a sub-path, and saves
 * screenshots of the app, taken in Chromium (at 1600×1000 unless a shot says otherwise), to
 * tests/e2e/screenshots/ (the README shows them): on the bundled data, and on the 919-item list
 * of ../shared/corpora (built into a temporary folder and served beside the bundled graph). Each state is reached the way a person would:
 * through the search box, the path panel and the buttons, not by poking at the app's internals.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { Locator, Page } from "playwright-core";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../src/core/graph/types";
import { launchBrowser } from "./lib/browser";
import { PROJECT_ROOT } from "./lib/paths";
import { buildAndServe } from "./lib/serve";
import { buildGraphFile } from "./lib/build";

const OUT_DIR = join(PROJECT_ROOT, "tests", "e2e", "screenshots");
const VIEWPORT = { width: 1600, height: 1000 };
const FIRST_FRAME_TIMEOUT = 120_000;
/** Reading lists written elsewhere (see ../shared/GUIDE.md), shown by the shots that name one. */
const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
const LISTS = { "awesome-scalability": join(CORPORA, "awesome-scalability.md") } as const;
type ListName = keyof typeof LISTS;

type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

interface Shot {
  name: string;
  /** What it shows, for --help and the log. */
  shows: string;
  /** Brings a freshly loaded page into the state to capture. */
  prepare(page: Page, graph: ExplorerGraph): Promise<void>;
  /** The window, when not the default 1600×1000. */
  viewport?: { width: number; height: number };
  /** Another reading list to show instead of the bundled one. */
  list?: ListName;
  /** The page and query to open, relative to the site (a tour's step link, the presenter view). */
  open?: string;
  /** False for a page without the map (the presenter view): no first frame to wait for. */
  map?: boolean;
}

async function colourByRegion(page: Page): Promise<void> {
  await page.getByRole("region", { name: "Legend", exact: true }).getByRole("radio", { name: "Region" }).check();
  await page.getByRole("list", { name: "Regions" }).waitFor();
}

/** The concept the pictures centre on: the one the issue names, else the most mentioned. */
function featuredConcept(graph: ExplorerGraph): string {
  const concepts = graph.filterNodes((_, attributes) => attributes.kind === "entity");
  const named = concepts.find((key) => graph.getNodeAttribute(key, "label") === "PostgreSQL");
  return named ?? concepts.sort((a, b) => articlesOf(graph, b) - articlesOf(graph, a) || a.localeCompare(b))[0] ?? "";
}

/** How many articles mention a concept (its broader edges are not mentions). */
function articlesOf(graph: ExplorerGraph, node: string): number {
  const attributes = graph.getNodeAttributes(node);
  return attributes.kind === "entity" ? attributes.articleCount : 0;
}

/** An article worth showing: the one with insights that mentions the most concepts. */
function featuredArticle(graph: ExplorerGraph): string {
  return graph
    .filterNodes((_, attributes) => attributes.kind === "article" && attributes.insights.length > 0)
    .sort((a, b) => graph.outDegree(b) - graph.outDegree(a) || a.localeCompare(b))[0] as string;
}

/** A well-known concept as far from `from` as any of the thirty most mentioned: a long path. */
function distantConcept(graph: ExplorerGraph, from: string): string {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as string;
    // Paths follow what articles wrote (mention edges), as the app's Path panel does.
    for (const edge of graph.edges(node)) {
      if (graph.getEdgeAttribute(edge, "kind") !== "mentions") continue;
      const next = graph.opposite(node, edge);
      if (distance.has(next)) continue;
      distance.set(next, (distance.get(node) as number) + 1);
      queue.push(next);
    }
  }
  const candidates = graph
    .filterNodes((key, attributes) => attributes.kind === "entity" && key !== from && distance.has(key))
    .sort((a, b) => articlesOf(graph, b) - articlesOf(graph, a) || a.localeCompare(b))
    .slice(0, 30);
  return candidates.sort((a, b) => (distance.get(b) as number) - (distance.get(a) as number))[0] as string;
}

async function choose(page: Page, combobox: Locator, label: string): Promise<void> {
  await combobox.fill(label);
  const id = await combobox.getAttribute("aria-controls");
  const listbox = id ? page.locator(`[id="${id}"]`) : page.getByRole("listbox").first();
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await listbox.getByRole("option").filter({ hasText: new RegExp(`^\\s*${escaped}`) }).first().click();
}

async function focusThroughSearch(page: Page, label: string): Promise<void> {
  await choose(page, page.getByRole("combobox", { name: "Search", exact: true }), label);
  await page
    .getByRole("region", { name: "Details", exact: true })
    .getByRole("heading", { level: 2, name: label, exact: true })
    .waitFor();
}

/** Switches the map to another view with the toolbar's radio group, and waits for it to be drawn. */
async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole("radiogroup", { name: "Views" }).getByRole("radio", { name, exact: true }).check();
  await page.waitForFunction((view) => new URL(location.href).searchParams.get("view") === view, name.toLowerCase());
  await page.locator('#graph[aria-busy="false"]').waitFor({ state: "attached", timeout: FIRST_FRAME_TIMEOUT });
}

/** Waits until sigma's camera has stopped moving, so the picture is not mid-animation. */
async function settle(page: Page): Promise<void> {
  let previous = "";
  for (let attempt = 0; attempt < 60; attempt++) {
    const current = await page.evaluate(() => JSON.stringify(window.__insightGraph.sigma.getCamera().getState()));
    if (current === previous) break;
    previous = current;
    await page.waitForTimeout(200);
  }
  // One more frame after the last move.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const SHOTS: Shot[] = [
  {
    name: "overview",
    shows: "the whole graph with labels, the legend, and a concept's details open",
    async prepare(page, graph) {
      const concept = featuredConcept(graph);
      await focusThroughSearch(page, graph.getNodeAttribute(concept, "label"));
      // Back to the whole graph, keeping the panel: Fit shows everything at once.
      await page.getByRole("button", { name: "Fit", exact: true }).click();
      await page.getByRole("region", { name: "Legend", exact: true }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: "regions",
    shows: "the whole graph coloured by region, the largest regions named in the legend",
    async prepare(page) {
      await colourByRegion(page);
    },
  },
  {
    name: "concept-focus",
    shows: "a concept chosen in search: its articles lit, quoted evidence in Details",
    async prepare(page, graph) {
      await focusThroughSearch(page, graph.getNodeAttribute(featuredConcept(graph), "label"));
    },
  },
  {
    name: "article-focus",
    shows: "an article chosen in search: section path, insights with concept buttons, related articles",
    async prepare(page, graph) {
      await focusThroughSearch(page, graph.getNodeAttribute(featuredArticle(graph), "label"));
    },
  },
  {
    name: "narrower",
    shows: "a concept with narrower ones: its broader and narrower concepts, and the articles of all of them counted",
    async prepare(page, graph) {
      await focusThroughSearch(page, graph.getNodeAttribute(broadestConcept(graph), "label"));
      const details = page.getByRole("region", { name: "Details", exact: true });
      await details.getByRole("checkbox", { name: "Include narrower concepts" }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: "view-concepts",
    shows: "the concepts view, coloured by region: concepts only, joined where articles name them together more than by chance",
    async prepare(page) {
      await showView(page, "Concepts");
      await colourByRegion(page);
    },
  },
  {
    name: "view-articles",
    shows: "the articles view, coloured by region: articles only, joined to the articles that share their specific vocabulary",
    async prepare(page) {
      await showView(page, "Articles");
      await colourByRegion(page);
    },
  },
  {
    name: "list-919",
    shows: "awesome-scalability (919 linked items) at 1920×1080, coloured by region",
    viewport: { width: 1920, height: 1080 },
    list: "awesome-scalability",
    async prepare(page) {
      await colourByRegion(page);
    },
  },
  {
    name: "path",
    shows: "how two distant concepts are connected: the chain drawn and listed with evidence",
    async prepare(page, graph) {
      const from = featuredConcept(graph);
      const to = distantConcept(graph, from);
      const region = page.getByRole("region", { name: "Path", exact: true });
      await choose(page, region.getByRole("combobox", { name: "From", exact: true }), graph.getNodeAttribute(from, "label"));
      await choose(page, region.getByRole("combobox", { name: "To", exact: true }), graph.getNodeAttribute(to, "label"));
      await region.getByRole("button", { name: "Find path", exact: true }).click();
      const steps = page.getByRole("list", { name: "Path steps" });
      await steps.getByRole("listitem").first().waitFor();
      await steps.scrollIntoViewIfNeeded();
    },
  },
  {
    name: "presenting",
    shows: "a tour step presented at 1920×1080: the step's note and names in large type, Details beside the map",
    viewport: { width: 1920, height: 1080 },
    open: "?tour=load-management&step=2",
    async prepare(page) {
      await page.getByRole("toolbar", { name: "View" }).getByRole("button", { name: "Present", exact: true }).click();
      await page.getByRole("region", { name: "Caption" }).waitFor();
      await page.locator('#graph[aria-busy="false"]').waitFor({ state: "attached", timeout: FIRST_FRAME_TIMEOUT });
    },
  },
  {
    name: "presenter",
    shows: "the presenter view at 1920×1080: the current and next step, the notes, the timer and the step list",
    viewport: { width: 1920, height: 1080 },
    open: "presenter.html?tour=load-management&step=2",
    map: false,
    async prepare(page) {
      await page.getByRole("list", { name: "Steps", exact: true }).getByRole("listitem").first().waitFor();
    },
  },
  {
    name: "import",
    shows: "opening a reading list in the page (1280×720): awesome-scalability built in the browser, its progress over the map",
    viewport: { width: 1280, height: 720 },
    async prepare(page) {
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "Open a reading list…", exact: true }).click();
      await (await chooser).setFiles(LISTS["awesome-scalability"]);
      // Caught while concepts are found, a good way in: the stage, the count and the bar all show.
      const bar = page.getByRole("region", { name: "Opening awesome-scalability.md" }).getByRole("progressbar");
      await page.waitForFunction(
        () => {
          const text = document.querySelector(".import-progress progress")?.getAttribute("aria-valuetext") ?? "";
          const done = Number(/(\d+) of/.exec(text)?.[1] ?? 0);
          return text.startsWith("Finding concepts") && done >= 250;
        },
        null,
        { timeout: 60_000, polling: 20 },
      );
      await bar.waitFor();
    },
  },
  {
    name: "phone",
    shows: "at a phone's width (400×800): the map above, a concept's Details in the bottom sheet",
    async prepare(page, graph) {
      // The layout follows the width alone, so the same page narrowed is the phone's page.
      await page.setViewportSize({ width: 400, height: 800 });
      await page.waitForFunction(() => window.__insightGraph.sigma.getDimensions().width === 400);
      await focusThroughSearch(page, graph.getNodeAttribute(featuredConcept(graph), "label"));
      await page.waitForFunction(() => document.body.dataset.sheet === "half");
    },
  },
];

/** A concept that articles name and whose narrower concepts articles name too, the most of them. */
function broadestConcept(graph: ExplorerGraph): string {
  const narrowerMentioned = (node: string) =>
    graph.filterInEdges(node, (_, attributes) => attributes.kind === "broader").filter((edge) => articlesOf(graph, graph.source(edge)) > 0).length;
  return graph
    .filterNodes((node, attributes) => attributes.kind === "entity" && attributes.articleCount > 0 && narrowerMentioned(node) > 0)
    .sort((a, b) => narrowerMentioned(b) - narrowerMentioned(a) || articlesOf(graph, b) - articlesOf(graph, a) || a.localeCompare(b))[0] as string;
}

const USAGE = `Usage: npm run screenshots [-- name…]

Builds the site, serves it, and saves Chromium screenshots (${VIEWPORT.width}×${VIEWPORT.height} unless named) to tests/e2e/screenshots/.
Names (all by default):
${SHOTS.map((shot) => `  ${shot.name.padEnd(14)} ${shot.shows}`).join("\n")}`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.filter((name) => !SHOTS.some((shot) => shot.name === name));
  if (unknown.length > 0) {
    console.error(`screenshots: unknown name ${unknown.join(", ")} (see --help)`);
    return 1;
  }
  const wanted = argv.length > 0 ? SHOTS.filter((shot) => argv.includes(shot.name)) : SHOTS;

  await mkdir(OUT_DIR, { recursive: true });
  // Each list a shot names is built once, into a temporary folder, and served under its name.
  const lists = [...new Set(wanted.flatMap((shot) => (shot.list ? [shot.list] : [])))];
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-shots-"));
  const graphs: Record<string, string> = {};
  try {
    for (const list of lists) {
      graphs[list] = join(folder, `${list}.json`);
      await buildGraphFile({ input: LISTS[list], out: graphs[list]! });
    }
    return await shoot(wanted, graphs);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function shoot(wanted: Shot[], graphs: Record<string, string>): Promise<number> {
  const site = await buildAndServe({ graphs });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  let failures = 0;
  try {
    for (const shot of wanted) {
      const url = shot.list ? `${site.url}${shot.list}/` : site.url;
      const response = await fetch(`${url}graph.json`);
      const graph: ExplorerGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>();
      graph.import((await response.json()) as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
      const context = await browser.newContext({ viewport: shot.viewport ?? VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      try {
        await page.goto(url + (shot.open ?? ""));
        if (shot.map !== false) await page.locator('#graph[aria-busy="false"]').waitFor({ state: "attached", timeout: FIRST_FRAME_TIMEOUT });
        await shot.prepare(page, graph);
        // No focus ring left on the last control used: the picture is of the content.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        if (shot.map !== false) await settle(page);
        const file = join(OUT_DIR, `${shot.name}.png`);
        await page.screenshot({ path: file });
        console.log(`screenshots: ${file}: ${shot.shows}`);
      } catch (error) {
        failures++;
        console.error(`screenshots: ${shot.name}: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return failures === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`screenshots: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
      process.exit(1);
    },
  );
}
