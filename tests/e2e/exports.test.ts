/**
 * Issue 11, hand-outs: the Export menu saves a Markdown reading list of exactly the articles the
 * selection lights (or a region holds), and an image of the view at slide resolution, 1920×1080
 * and 2×, holding the graph and its labels. Expectations come from graph.json and from what the
 * page lights; images are read back in the page (createImageBitmap) and by their PNG header.
 *
 * Issue 12, the graph for other tools: the menu downloads the whole graph as GEXF (read back with
 * graphology-gexf against graph.json) and the filtered view as CSV (the nodes sigma does not hide,
 * and the edges between them).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { List, ListItem, Nodes } from "mdast";
import { csvParse } from "d3-dsv";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadGraph, mentioningArticles, useBrowser, type ExplorerGraph } from "./support";
import { readMarkdown, textOf } from "../core/handout/parse";
import { PROJECT_ROOT } from "../../scripts/lib/paths";

const WORD_JOINER = "\u2060";

/** Opens the Export menu and runs the item named `name`, returning the file it downloads. */
async function exportFile(page: Page, name: string): Promise<{ fileName: string; bytes: Buffer }> {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name }).click({ timeout: 120_000 })]);
  return { fileName: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** The titles a hand-out lists: the first line of each top-level list item, as a reader sees it. */
function listedTitles(markdown: string): string[] {
  return groupsOf(markdown).flatMap((group) => group.titles);
}

/** A hand-out's groups: each second-level heading with the titles listed under it. */
function groupsOf(markdown: string): { heading: string; titles: string[] }[] {
  const groups = [{ heading: "", titles: [] as string[] }];
  for (const block of readMarkdown(markdown).children) {
    if (block.type === "heading" && block.depth === 2) groups.push({ heading: textOf(block), titles: [] });
    if (block.type !== "list") continue;
    const titles = groups.at(-1)!.titles;
    for (const item of (block as List).children as ListItem[]) {
      const paragraph = item.children[0];
      if (!paragraph || paragraph.type !== "paragraph") continue;
      // The title is the item's first inline: a link (its text) or plain text up to " — ".
      const first = paragraph.children[0] as Nodes;
      const text = first.type === "link" ? textOf(first) : textOf(first).split(" — ")[0]!;
      titles.push(text.replaceAll(WORD_JOINER, "").split("\n")[0]!.trim());
    }
  }
  return groups.filter((group, i) => i > 0 || group.titles.length > 0);
}

/** The article nodes sigma draws lit now: what the state lights. */
function litArticles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sigma, graph } = window.__insightGraph as unknown as {
      sigma: import("sigma").default;
      graph: { filterNodes(test: (node: string, attributes: { kind: string }) => boolean): string[] };
    };
    return graph.filterNodes((node, attributes) => attributes.kind === "article" && sigma.getNodeState(node).isHighlighted === true);
  });
}

function titlesOf(graph: ExplorerGraph, keys: Iterable<string>): string[] {
  return [...keys].map((key) => graph.getNodeAttribute(key, "label").replace(/\s+/g, " ").trim()).sort();
}

/** Every concept below `entity` in graph.json (broader edges point narrower → broader). */
function narrowerOf(graph: ExplorerGraph, entity: string): string[] {
  const found = new Set<string>();
  const walk = (node: string) =>
    graph.forEachInEdge(node, (_edge, attributes, source) => {
      if (attributes.kind === "broader" && !found.has(source)) {
        found.add(source);
        walk(source);
      }
    });
  walk(entity);
  return [...found];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Box = [number, number, number, number];

/** Read in the page: distinct colours (sampled), and per box (CSS px) the count of dark (label ink) pixels. */
function readImage(page: Page, bytes: Buffer, ratio: number, boxes: Box[]): Promise<{ width: number; height: number; colours: number; dark: number[] }> {
  return page.evaluate(
    async ({ data, ratio, boxes }) => {
      // Decoded here rather than fetched from a data: URL, which the page's policy does not allow.
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: "image/png" }));
      const canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      context.drawImage(bitmap, 0, 0);
      const { data: pixels } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 13) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      const luminance = (i: number) => 0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!;
      const dark = boxes.map(([left, top, right, bottom]) => {
        let count = 0;
        for (let y = Math.max(0, Math.floor(top * ratio)); y < Math.min(bitmap.height, Math.ceil(bottom * ratio)); y++) {
          for (let x = Math.max(0, Math.floor(left * ratio)); x < Math.min(bitmap.width, Math.ceil(right * ratio)); x++) {
            if (luminance((y * bitmap.width + x) * 4) < 80) count++;
          }
        }
        return count;
      });
      return { width: bitmap.width, height: bitmap.height, colours: colours.size, dark };
    },
    { data: bytes.toString("base64"), ratio, boxes },
  );
}

/** Sizes the window so that the map itself is `width × height`, as the image is. */
async function sizeMapTo(page: Page, width: number, height: number): Promise<void> {
  for (let tries = 0; tries < 4; tries++) {
    const map = await page.locator("#graph").boundingBox();
    const viewport = page.viewportSize()!;
    if (map && Math.round(map.width) === width && Math.round(map.height) === height) return;
    await page.setViewportSize({ width: viewport.width + width - Math.round(map!.width), height: viewport.height + height - Math.round(map!.height) });
    await page.waitForTimeout(300);
  }
  throw new Error("the map could not be sized to the image");
}

/** The labels on the map once placement has come to rest (the same twice in a row). */
async function restingLabels(page: Page): Promise<{ key: string; box: Box }[]> {
  let previous = "";
  for (;;) {
    const labels = await page.evaluate(() => window.__insightGraph.drawnLabels().map(({ key, box }) => ({ key, box })));
    const now = JSON.stringify(labels);
    if (now === previous && labels.length > 0) return labels;
    previous = now;
    await page.waitForTimeout(700);
  }
}

describe("hand-outs", () => {
  const session = useBrowser();

  it("the reading list of a concept with narrower ones lists exactly the articles lit, grouped by concept; the menu works by keyboard", async () => {
    const graph = await loadGraph();
    // The concept with the most narrower concepts that articles name: its hand-out has groups.
    const concept = graph
      .filterNodes((_key, attributes) => attributes.kind === "entity")
      .map((key) => ({ key, below: narrowerOf(graph, key).filter((n) => mentioningArticles(graph, n).length > 0) }))
      .sort((a, b) => b.below.length - a.below.length)[0]!;
    expect(concept.below.length, "the bundled graph has a concept with narrower ones").toBeGreaterThan(0);
    const page = await session.open(`?concept=${encodeURIComponent(concept.key)}`);
    const expected = new Set([concept.key, ...concept.below].flatMap((key) => mentioningArticles(graph, key)));
    await expect.poll(async () => titlesOf(graph, await litArticles(page))).toEqual(titlesOf(graph, expected));

    // By keyboard: ↓ on the button opens the menu on its first item, Esc closes it and returns.
    const toggle = page.getByRole("button", { name: "Export", exact: true });
    await toggle.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    const first = page.getByRole("button", { name: "Reading list of what is shown (Markdown)" });
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("End");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Image 2× (PNG)");
    await page.keyboard.press("Escape");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    // Esc closed the menu only: the selection stays.
    expect(new URL(page.url()).searchParams.get("concept")).toBe(concept.key);

    await page.keyboard.press("ArrowDown");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const markdown = await readFile((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toMatch(/^insight-graph-[a-z0-9-]+\.md$/);
    expect(listedTitles(markdown).sort()).toEqual(titlesOf(graph, expected));
    expect(listedTitles(markdown).sort()).toEqual(titlesOf(graph, await litArticles(page)));
    // One heading per concept that brings articles: the chosen one first.
    const headings = readMarkdown(markdown).children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => textOf(node));
    expect(headings[0]).toBe(graph.getNodeAttribute(concept.key, "label"));
    expect(headings.length).toBeGreaterThan(1);
    await expect.poll(() => page.locator(".export-status").textContent()).toBe(`Saved ${download.suggestedFilename()}.`);
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("the reading list of a region lists its articles under its name", async () => {
    const graph = await loadGraph();
    const region = graph.getAttribute("communities")![0]!;
    const page = await session.open(`?region=${region.id}`);
    const { fileName, bytes } = await exportFile(page, "Reading list of this region (Markdown)");
    expect(fileName).toMatch(/^insight-graph-.+\.md$/);
    const markdown = bytes.toString("utf8");
    const inRegion = graph.filterNodes((_key, attributes) => attributes.kind === "article" && attributes.community === region.id);
    expect(listedTitles(markdown).sort()).toEqual(titlesOf(graph, inRegion));
    const headings = readMarkdown(markdown).children.filter((node) => node.type === "heading").map((node) => textOf(node));
    expect(headings).toEqual([region.name, region.name]);
  });

  it("the reading list of a tour has a group per step, the open step's listing what it lights", async () => {
    const graph = await loadGraph();
    const tour = graph.getAttribute("tours")!.find((t) => t.id === "postgres-in-production")!;
    const page = await session.open(`?tour=${tour.id}&step=2`);
    await expect.poll(async () => (await litArticles(page)).length).toBeGreaterThan(0);
    const { fileName, bytes } = await exportFile(page, "Reading list of this tour (Markdown)");
    expect(fileName).toBe("insight-graph-postgres-in-production.md");
    const markdown = bytes.toString("utf8");
    expect(markdown.startsWith(`# ${tour.title}\n`)).toBe(true);
    const groups = groupsOf(markdown);
    expect(groups).toHaveLength(tour.steps.length);
    groups.forEach((group, i) => expect(group.heading).toMatch(new RegExp(`^${i + 1}\\. `)));
    expect(groups[1]!.heading).toBe(`2. ${tour.steps[1]!.title}`);
    expect(groups[1]!.titles.sort()).toEqual(titlesOf(graph, await litArticles(page)));
  });

  it("the image is the map at 1920×1080 and at 2×, with its labels where the map draws them and the legend", async () => {
    const page = await session.open("?color=region");
    await sizeMapTo(page, 1920, 1080);
    const labels = await restingLabels(page);
    // Labels clear of the legend's corner (the image keeps its labels off the legend).
    const legendCorner: Box = [0, 600, 640, 1080];
    const clear = labels.filter(({ box }) => box[2] < legendCorner[0] || box[0] > legendCorner[2] || box[3] < legendCorner[1] || box[1] > legendCorner[3]);
    expect(clear.length).toBeGreaterThan(10);
    const boxes = [...clear.map(({ box }) => box), [24, 700, 300, 1056] as Box];

    for (const [name, ratio] of [["Image 1920×1080 (PNG)", 1], ["Image 2× (PNG)", 2]] as const) {
      const { fileName, bytes } = await exportFile(page, name);
      expect(fileName).toBe(ratio === 1 ? "insight-graph-map.png" : "insight-graph-map@2x.png");
      // Kept for a person to look at: test-results/insight-graph-map.png and …@2x.png.
      await mkdir(join(PROJECT_ROOT, "test-results"), { recursive: true });
      await writeFile(join(PROJECT_ROOT, "test-results", fileName), bytes);
      expect(pngSize(bytes)).toEqual({ width: 1920 * ratio, height: 1080 * ratio });
      const image = await readImage(page, bytes, ratio, boxes);
      expect(image).toMatchObject({ width: 1920 * ratio, height: 1080 * ratio });
      // Not blank: nodes in a dozen region colours, edges, hulls, text.
      expect(image.colours).toBeGreaterThan(200);
      const labelInk = image.dark.slice(0, -1);
      const inked = labelInk.filter((count) => count >= 8 * ratio * ratio).length;
      console.info(`${fileName}: ${image.colours} colours sampled, ${inked} of ${labelInk.length} map labels inked, legend ${image.dark.at(-1)} dark pixels`);
      expect(inked / labelInk.length, `labels drawn in the image where the map draws them (${inked} of ${labelInk.length})`).toBeGreaterThanOrEqual(0.95);
      // The legend's text, bottom left.
      expect(image.dark.at(-1)).toBeGreaterThan(300 * ratio * ratio);
    }
    // The image's pixel ratio was only lent: the page's own is back, and the map's canvas kept its size.
    expect(await page.evaluate(() => [window.devicePixelRatio, document.querySelector<HTMLCanvasElement>("#graph .sigma-stage")?.width])).toEqual([1, 1920]);
    expect(session.errorsOf(page)).toEqual([]);
  });
});

describe("graph downloads", () => {
  const session = useBrowser();

  it("the whole graph as GEXF reads back to graph.json's nodes, labels, colours, positions and edges", async () => {
    const graph = await loadGraph();
    const page = await session.open();
    const { fileName, bytes } = await exportFile(page, "Graph as GEXF (Gephi, Gephi Lite)");
    expect(fileName).toBe("insight-graph.gexf");
    const back = parseGexf(Graph, bytes.toString("utf8"));
    expect([back.order, back.size]).toEqual([graph.order, graph.size]);
    graph.forEachNode((node, attributes) => {
      expect(back.getNodeAttributes(node)).toMatchObject({ label: attributes.label, color: attributes.color, x: attributes.x, y: attributes.y, size: attributes.size });
    });
    await expect.poll(() => page.locator(".export-status").textContent()).toBe("Saved insight-graph.gexf.");
    expect(session.errorsOf(page)).toEqual([]);
  });

  it("the filtered view as CSV holds the nodes the map shows and the edges between them; the toggle says how many", async () => {
    const graph = await loadGraph();
    const page = await session.open("?hide=type:technology&min=2");
    const shown = new Set(
      await page.evaluate(() => {
        const { sigma, graph } = window.__insightGraph as unknown as {
          sigma: import("sigma").default;
          graph: { filterNodes(test: (node: string) => boolean): string[] };
        };
        return graph.filterNodes((node) => sigma.getNodeState(node).isHidden !== true);
      }),
    );
    expect(shown.size).toBeGreaterThan(10);
    expect(shown.size).toBeLessThan(graph.order / 2);

    await page.getByRole("button", { name: "Export", exact: true }).click();
    const toggle = page.getByRole("button", { name: /^Only what the map shows/ });
    await expect.poll(() => toggle.textContent()).toBe(`Only what the map shows (${shown.size.toLocaleString("en")} of ${graph.order.toLocaleString("en")} nodes)`);
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Graph as CSV: nodes" }).click()]);
    expect(download.suggestedFilename()).toBe("insight-graph-view.nodes.csv");
    const nodes = csvParse(await readFile((await download.path())!, "utf8"));
    expect(new Set(nodes.map((row) => row.id))).toEqual(shown);
    for (const row of nodes) expect(row.label).toBe(graph.getNodeAttribute(row.id!, "label"));
    expect(nodes.some((row) => row.type === "technology")).toBe(false);

    // The toggle stays pressed for the next download.
    const edges = await exportFile(page, "Graph as CSV: edges");
    expect(edges.fileName).toBe("insight-graph-view.edges.csv");
    const between = graph.filterEdges((_edge, _attributes, source, target) => shown.has(source) && shown.has(target));
    expect(csvParse(edges.bytes.toString("utf8")).map((row) => row.id).sort()).toEqual(between.sort());
    expect(session.errorsOf(page)).toEqual([]);
  });
});
