/**
 * Issue 12, "Open a reading list in the page": a reading list dropped on the page (or picked
 * with "Open a reading list…") is built in a worker with visible progress, kept in the browser,
 * and opened as a graph to explore, search and download; Cancel leaves the page as it was; a
 * broken list is named with its line in the page's alert and the graph stays; and the page's
 * first load carries none of the build (compromise and the lexicon are the worker's alone).
 *
 * Expectations come from the list itself (parsed here with the same parser) and from the graph
 * the page holds, never from remembered counts. The corpus sits beside the project
 * (`../shared/corpora`), as in a clean clone next to shared/.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index";
import { PROJECT_ROOT } from "../../scripts/lib/paths";
import { focusThroughSearch, loadGraph, siteUrl, squash, useBrowser, waitForFirstFrame } from "./support";

const CORPUS = join(PROJECT_ROOT, "../shared/corpora/awesome-scalability.md");
const LIST_NAME = "awesome-scalability.md";
/** The whole build of 919 articles in software-rendered Chromium on a shared machine, then a first frame. */
const IMPORT_TIMEOUT = 180_000;

const session = useBrowser();

/** What the page holds: its graph's articles (with their titles) and concepts, and the address. */
async function shownGraph(page: Page) {
  return page.evaluate(() => {
    const graph = window.__insightGraph.graph as import("graphology").default;
    const titles: string[] = [];
    let concepts = 0;
    graph.forEachNode((_node, attributes) => {
      if (attributes.kind === "article") titles.push(attributes.label as string);
      else concepts++;
    });
    return { name: graph.getAttribute("name") as string, titles, concepts, search: location.search };
  });
}

/** A DataTransfer made in the page holding one file, as the browser hands a dropped file over. */
async function fileTransfer(page: Page, name: string, text: string) {
  return page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: fileName.endsWith(".md") ? "text/markdown" : "text/plain" }));
      return transfer;
    },
    [name, text] as const,
  );
}

/** Drags a file over the map and drops it; checks the drop target shows while the file is over the page. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await fileTransfer(page, name, text);
  await page.dispatchEvent("#graph", "dragenter", { dataTransfer });
  await page.dispatchEvent("#graph", "dragover", { dataTransfer });
  await expect.poll(() => page.getByText("Drop the file to open it as a graph").isVisible()).toBe(true);
  await page.dispatchEvent("#graph", "drop", { dataTransfer });
  await expect.poll(() => page.getByText("Drop the file to open it as a graph").isVisible()).toBe(false);
}

/** Picks a file through the "Open a reading list…" button's file chooser. */
async function pickFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open a reading list…" }).click();
  await (await chooser).setFiles({ name, mimeType: "text/plain", buffer: Buffer.from(content) });
}

/** The page's alert (role="alert"; out of the accessibility tree while it says nothing). */
function alertOf(page: Page) {
  return page.locator('#alert[role="alert"]');
}

/**
 * Waits until the page has opened the imported graph (its address names it, its map is drawn);
 * fails at once, with the page's words, if the import ends in an alert instead.
 */
async function waitForImported(page: Page, address: RegExp): Promise<void> {
  const opened = page.waitForURL(address, { timeout: IMPORT_TIMEOUT });
  const failed = page.waitForFunction(() => document.getElementById("alert")?.textContent?.trim(), null, { timeout: IMPORT_TIMEOUT }).then(
    async () => {
      throw new Error(`the import failed: ${squash(await alertOf(page).textContent())}`);
    },
    () => new Promise<never>(() => {}),
  );
  await Promise.race([opened, failed]);
  await waitForFirstFrame(page);
}

function progressPanel(page: Page, name: string) {
  return page.getByRole("region", { name: `Opening ${name}` });
}

/** Opens "Your graphs" and downloads the graph of `name` in `format`. */
async function downloadKept(page: Page, name: string, format: "JSON" | "GEXF"): Promise<{ fileName: string; text: string }> {
  const toggle = page.getByRole("button", { name: "Your graphs" });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download the graph of ${name} as ${format}` }).click(),
  ]);
  return { fileName: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
}

describe("opening a reading list in the page", () => {
  it("builds a dropped list with progress, opens its graph, finds its concepts and downloads it", { timeout: IMPORT_TIMEOUT * 2 }, async () => {
    const text = await readFile(CORPUS, "utf8");
    const listed = parseDocument(text, "markdown").entries;
    const bundled = await loadGraph();
    const page = await session.open();
    // Nothing leaves the machine: every request the import makes is to the site itself.
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));

    await dropFile(page, LIST_NAME, text);
    const panel = progressPanel(page, LIST_NAME);
    await expect.poll(() => panel.isVisible()).toBe(true);
    // Progress in words and as a bar; while concepts are found, the articles are counted.
    await expect.poll(async () => squash(await panel.textContent()), { timeout: IMPORT_TIMEOUT }).toMatch(/Finding concepts\s*\d[\d,]* of 919 articles/);
    expect(await panel.getByRole("progressbar").count()).toBe(1);
    await waitForImported(page, /[?&]graph=awesome-scalability-md-/);

    // The page shows that list's articles, not the bundled graph's.
    const shown = await shownGraph(page);
    expect(shown.name).toBe(LIST_NAME);
    expect(await page.title()).toBe(`${LIST_NAME} · Insight Graph`);
    expect(shown.titles).toHaveLength(listed.length);
    expect(new Set(shown.titles)).toEqual(new Set(listed.map((entry) => entry.title)));
    expect(squash(await page.getByRole("region", { name: "Details", exact: true }).textContent())).toContain(`${listed.length} articles`);
    expect(squash(await alertOf(page).textContent())).toBe("");
    const site = new URL(siteUrl()).origin;
    expect(requested.filter((url) => !/^(blob|data):/.test(url) && new URL(url).origin !== site)).toEqual([]);
    // The worker's script was among them: the build ran in the page, not elsewhere.
    expect(requested.some((url) => /\/assets\/worker-[^/]*\.js$/.test(url))).toBe(true);

    // A concept of this list, absent from the bundled graph, found through the search box; the
    // address keeps the graph as the app writes the focus into it.
    const concept = await page.evaluate((bundledIds) => {
      const graph = window.__insightGraph.graph as import("graphology").default;
      const known = new Set(bundledIds);
      return graph
        .filterNodes((node, attributes) => attributes.kind === "entity" && !known.has(node))
        .map((node) => ({ id: node, label: graph.getNodeAttribute(node, "label") as string, count: graph.inDegree(node) }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))[0]!;
    }, bundled.nodes());
    await focusThroughSearch(page, concept.label, concept.label);
    await expect
      .poll(async () => {
        const params = new URLSearchParams(await page.evaluate(() => location.search));
        return [params.get("graph")?.startsWith("awesome-scalability-md-"), params.getAll("concept")];
      })
      .toEqual([true, [concept.id]]);

    // Downloads: the graph as built (JSON, the graph.json form) and as GEXF, each read back.
    const json = await downloadKept(page, LIST_NAME, "JSON");
    expect(json.fileName).toBe("awesome-scalability.graph.json");
    const saved = new Graph({ type: "mixed" });
    saved.import(JSON.parse(json.text));
    expect(saved.order).toBe(shown.titles.length + shown.concepts);
    expect(saved.getAttribute("name")).toBe(LIST_NAME);
    const gexf = await downloadKept(page, LIST_NAME, "GEXF");
    expect(gexf.fileName).toBe("awesome-scalability.graph.gexf");
    const read = parseGexf(Graph, gexf.text);
    expect(read.order).toBe(saved.order);
    expect(read.getNodeAttribute(concept.id, "label")).toBe(concept.label);

    // Kept: a reload opens it again from the browser's store.
    await page.reload();
    await waitForFirstFrame(page);
    expect((await shownGraph(page)).titles).toHaveLength(listed.length);

    // Removed: the page goes back to the bundled graph, and the list of kept graphs is empty.
    await page.getByRole("button", { name: "Your graphs" }).click();
    await page.getByRole("button", { name: `Remove the graph of ${LIST_NAME}` }).click();
    await page.waitForURL((url) => !url.search.includes("graph="));
    await waitForFirstFrame(page);
    expect((await shownGraph(page)).titles).toHaveLength(bundled.filterNodes((_n, a) => a.kind === "article").length);
    await page.getByRole("button", { name: "Your graphs" }).click();
    await expect.poll(() => page.getByText("None yet: open a reading list, or drop one on the page.").isVisible()).toBe(true);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("opens a list picked with the button, by keyboard, offers only the tours that fit it, and leads back to the bundled graph", { timeout: IMPORT_TIMEOUT }, async () => {
    const text = ["# Storage", "", "- [How PostgreSQL MVCC works](https://example.org/mvcc) — versions and vacuum", "- [Kafka at scale](https://example.org/kafka) — partitions and replication", ""].join("\n");
    // A tour made in this browser on the bundled graph, on a concept the picked list never names.
    const bundled = await loadGraph();
    const elsewhere = bundled.filterNodes((_node, attributes) => attributes.kind === "entity" && !text.toLowerCase().includes(attributes.label.toLowerCase()))[0]!;
    const tour = { id: "local:bundled-tour", title: "A tour of the bundled graph", steps: [{ show: { node: elsewhere } }] };
    const page = await session.open("", {
      prepare: async (fresh) => {
        await fresh.addInitScript((kept) => localStorage.setItem(`insight-graph:tour:${new URL(".", document.baseURI).pathname}#${kept.id}`, JSON.stringify(kept)), tour);
      },
    });
    const tours = page.getByRole("region", { name: "Tours", exact: true });
    // The tours offered to play (the editor below lists every tour kept, to edit or remove).
    const offered = tours.getByRole("list", { name: "Tours", exact: true });
    await expect.poll(async () => squash(await offered.textContent())).toContain(tour.title);
    const button = page.getByRole("button", { name: "Open a reading list…" });
    const chooser = page.waitForEvent("filechooser");
    await button.press("Enter");
    await (await chooser).setFiles({ name: "storage.md", mimeType: "text/markdown", buffer: Buffer.from(text) });
    await waitForImported(page, /[?&]graph=storage-md-/);
    expect((await shownGraph(page)).titles.sort()).toEqual(["How PostgreSQL MVCC works", "Kafka at scale"]);
    // The bundled graph's tour is not offered here, nor reported as broken: one quiet sentence counts it.
    expect(await offered.getByText(tour.title).count()).toBe(0);
    const said = squash(await tours.textContent());
    expect(said).toContain("1 tour made in this browser is for another graph and is not shown here.");
    expect(said).not.toMatch(/no node/);

    await page.getByRole("button", { name: "Your graphs" }).click();
    const shelf = page.getByRole("group", { name: "Your graphs" });
    expect(squash(await shelf.textContent())).toContain("Showing the graph of storage.md");
    await shelf.getByRole("link", { name: "Back to the bundled graph" }).click();
    await waitForFirstFrame(page);
    expect((await shownGraph(page)).search).toBe("");
    // Still kept, and listed.
    await page.getByRole("button", { name: "Your graphs" }).click();
    await expect.poll(() => shelf.getByRole("link", { name: "storage.md" }).isVisible()).toBe(true);
  });

  it("makes one graph of several lists dropped together, as several --input do", { timeout: IMPORT_TIMEOUT }, async () => {
    const markdown = "# Reading\n\n- [How PostgreSQL MVCC works](https://example.org/mvcc) — versions and vacuum\n";
    const text = "Case Studies\n- Kafka at scale -- partitions and replication at a large company\n";
    const page = await session.open();
    const dataTransfer = await page.evaluateHandle(
      ([first, second]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([first], "reading.md", { type: "text/markdown" }));
        transfer.items.add(new File([second], "notes.txt", { type: "text/plain" }));
        return transfer;
      },
      [markdown, text] as const,
    );
    await page.dispatchEvent("#graph", "dragenter", { dataTransfer });
    await page.dispatchEvent("#graph", "drop", { dataTransfer });
    await expect.poll(() => progressPanel(page, "reading.md and notes.txt").isVisible()).toBe(true);
    await waitForImported(page, /[?&]graph=reading-md-plus-notes-txt-/);
    const shown = await shownGraph(page);
    expect(shown.name).toBe("reading.md + notes.txt");
    expect(shown.titles.sort()).toEqual(["How PostgreSQL MVCC works", "Kafka at scale"]);
  });

  it("cancels: the worker stops, nothing is kept, and the graph on screen stays", { timeout: IMPORT_TIMEOUT }, async () => {
    const page = await session.open();
    const before = await shownGraph(page);
    await pickFile(page, LIST_NAME, await readFile(CORPUS, "utf8"));
    const panel = progressPanel(page, LIST_NAME);
    await expect.poll(() => panel.isVisible()).toBe(true);
    // The build runs in a worker of its own, which Cancel ends.
    await expect.poll(() => page.workers().length).toBe(1);
    await panel.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => panel.isVisible()).toBe(false);
    await expect.poll(() => page.workers().length).toBe(0);
    // The keyboard's place, Cancel, returns to the button that opens a list.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Open a reading list…");
    await expect.poll(async () => squash(await page.locator("#status").textContent())).toMatch(/cancelled; the graph on screen is unchanged/);
    expect(await shownGraph(page)).toEqual(before);
    await page.getByRole("button", { name: "Your graphs" }).click();
    await expect.poll(() => page.getByText("None yet: open a reading list, or drop one on the page.").isVisible()).toBe(true);
  });

  it("names a broken list's file (and line) in the page's alert, and keeps the graph", async () => {
    const page = await session.open();
    const before = await shownGraph(page);
    await dropFile(page, "my-list.md", "# My list\n\nNothing but prose here, and no links at all.\n");
    await expect.poll(async () => squash(await alertOf(page).textContent())).toBe("my-list.md: no entries found");
    await expect.poll(() => progressPanel(page, "my-list.md").isVisible()).toBe(false);
    expect(await shownGraph(page)).toEqual(before);

    // Latin-1, not UTF-8: refused at its line, as the command line refuses it.
    await pickFile(page, "latin1.txt", Buffer.from([...Buffer.from("Café list\n- caf"), 0xe9, 0x0a]));
    await expect.poll(async () => squash(await alertOf(page).textContent())).toBe("latin1.txt:2: not a text file (invalid UTF-8)");
    expect(await shownGraph(page)).toEqual(before);
    expect(session.errorsOf(page)).toEqual([]);
  });
});

describe("an address naming a graph this browser does not keep", () => {
  it("says so in the alert, without echoing the address, and leads to the bundled graph", async () => {
    const page = await session.newPage();
    await page.goto(siteUrl("?graph=gone-list-md-1&concept=entity%3Ax"));
    await expect
      .poll(async () => squash(await alertOf(page).textContent()))
      .toBe("Could not load the graph: this address names a graph that is not kept in this browser (it was removed, or the browser's data was cleared). Open the bundled graph");
    await alertOf(page).getByRole("link", { name: "Open the bundled graph" }).click();
    await waitForFirstFrame(page);
    expect((await shownGraph(page)).search).toBe("");
  });
});

describe("the page's first load", () => {
  it("carries no compromise and no lexicon: they are the import worker's alone, and the initial JavaScript stays under 250 KB gzip", async () => {
    const root = inject("siteRoot");
    type Chunk = { file: string; imports?: string[]; isEntry?: boolean; assets?: string[] };
    const manifest = JSON.parse(await readFile(join(root, ".vite/manifest.json"), "utf8")) as Record<string, Chunk>;
    const entry = manifest["index.html"];
    expect(entry?.isEntry).toBe(true);
    // The entry and everything it imports statically: what the page loads before it draws.
    const initial = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit("index.html");

    // The worker is a script of its own, which the page names as an asset (its URL) and does not import.
    const workers = (entry!.assets ?? []).filter((file) => file.endsWith(".js"));
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(initial.has(worker)).toBe(false);

    // Text only compromise carries (a warning of its own, one of its tags), and the lexicon's
    // serialised form (its terms, as data/lexicon writes them): in the worker, nowhere in the first load.
    const markers = ["compromise: Invalid tag", "PhrasalVerb", '{"terms":[', '"source":"curated"'];
    const workerText = await readFile(join(root, worker), "utf8");
    for (const marker of markers) expect(workerText, `the worker holds ${marker}`).toContain(marker);
    let gzipped = 0;
    for (const file of initial) {
      const bytes = await readFile(join(root, file));
      const text = bytes.toString("utf8");
      for (const marker of markers) expect(text.includes(marker), `${file} holds ${marker}`).toBe(false);
      if (file.endsWith(".js")) gzipped += gzipSync(bytes).length;
    }
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(250 * 1024);
  });
});
