/**
 * Issue 8, hostile text stays text: a graph built from each hostile reading list
 * (tests/fixtures/hostile/, one per input format) is opened in the built site, every node is
 * opened in Details through the list view, and the hostile words are searched for. An injected
 * script would set `window.__pwned`; it must stay unset, no element may carry an event-handler
 * attribute, no link may lead anywhere but http, https or mailto, the page must raise no error
 * and ask nothing of another origin.
 *
 * The pages run with the Content Security Policy bypassed, so that what is checked is the
 * page's own handling of text (textContent, never markup): the policy would otherwise block an
 * injected handler and hide the bug. A last test checks that the policy is there and enforced.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildGraphFile } from "../../scripts/lib/build";
import { serveDirectory, type StaticServer } from "../../scripts/lib/serve";
import { PROJECT_ROOT } from "../../scripts/lib/paths";
import { details, searchBox, searchResults, squash, useBrowser, waitForFirstFrame } from "./support";

const FIXTURES = resolve(PROJECT_ROOT, "tests/fixtures/hostile");
const FORMATS = [
  { name: "txt", file: "hostile.txt" },
  { name: "md", file: "hostile.md" },
  { name: "html", file: "hostile.html" },
] as const;

/** Words of the injected payloads: searching for them lists every field that holds one. */
const HOSTILE_QUERIES = ["onerror", "script", "svg onload", "pwned"];
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

interface GraphNode {
  key: string;
  label: string;
  url?: string;
  links?: { text: string; url: string }[];
}

const session = useBrowser();
let workDir: string;
let server: StaticServer;
const nodesOf = new Map<string, GraphNode[]>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "insight-graph-hostile-"));
  const graphs: Record<string, string> = {};
  for (const { name, file } of FORMATS) {
    const out = join(workDir, name, "graph.json");
    await buildGraphFile({ input: join(FIXTURES, file), out });
    graphs[name] = out;
    const data = JSON.parse(await readFile(out, "utf8")) as { nodes: { key: string; attributes: Omit<GraphNode, "key"> }[] };
    nodesOf.set(name, data.nodes.map((node) => ({ key: node.key, ...node.attributes })));
  }
  // The site the global setup built, served again with these graphs beside its own.
  server = await serveDirectory(inject("siteRoot"), "/hostile/", { graphs });
});

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** What a page did that it must not: requests off its origin, page errors, dialogs. */
interface Watch {
  offOrigin: string[];
  dialogs: string[];
  errors: string[];
}

async function openGraph(name: string, options: { bypassCSP: boolean; viewport?: { width: number; height: number } }): Promise<{ page: Page; context: BrowserContext; watch: Watch }> {
  const context = await session.browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    bypassCSP: options.bypassCSP,
  });
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  const watch: Watch = { offOrigin: [], dialogs: [], errors: [] };
  page.on("request", (request) => {
    const url = request.url();
    if (new URL(url).origin !== origin && !url.startsWith("data:") && !url.startsWith("blob:")) watch.offOrigin.push(url);
  });
  page.on("dialog", (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`));
  });
  page.on("pageerror", (error) => watch.errors.push(error.message));
  await page.goto(`${server.url}${name}/`);
  await waitForFirstFrame(page);
  return { page, context, watch };
}

/** Everything in the page that could run or lead somewhere it should not. */
async function liveMarkup(page: Page): Promise<{ pwned: unknown; handlers: string[]; badLinks: string[]; foreign: string[] }> {
  return page.evaluate((safe) => {
    const handlers: string[] = [];
    const badLinks: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (attribute.name.toLowerCase().startsWith("on")) handlers.push(`<${element.localName} ${attribute.name}>`);
      }
    }
    // Only anchors may point away, and only to a safe scheme; scripts and styles come from the site.
    for (const element of document.querySelectorAll("[href], [src], [action], [formaction], [data]")) {
      for (const name of ["href", "src", "action", "formaction", "data"]) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        const url = new URL(value, document.baseURI);
        const tag = element.localName;
        const allowed =
          tag === "a" && name === "href"
            ? safe.includes(url.protocol)
            : (tag === "script" && name === "src") || (tag === "link" && name === "href")
              ? url.origin === location.origin
              : false;
        if (!allowed) badLinks.push(`<${tag} ${name}="${value.slice(0, 80)}">`);
      }
    }
    // Elements a document's text could only have created as markup. The page's one form of its
    // own is the tour editor's "New tour" (no action: it is handled in script, and the policy's
    // form-action 'none' would stop a submission anyway).
    const foreign = [...document.querySelectorAll("img, svg, iframe, object, embed, form:not(.new-tour), base, script:not([src])")]
      .map((element) => `<${element.localName}>`);
    return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, handlers, badLinks, foreign };
  }, [...SAFE_SCHEMES]);
}

async function expectNothingLive(page: Page, watch: Watch, when: string): Promise<void> {
  const live = await liveMarkup(page);
  expect(live.pwned, `window.__pwned ${when}`).toBeUndefined();
  expect(live.handlers, `event-handler attributes ${when}`).toEqual([]);
  expect(live.badLinks, `links that are not http, https or mailto ${when}`).toEqual([]);
  expect(live.foreign, `elements made from document text ${when}`).toEqual([]);
  expect(watch.dialogs, `dialogs ${when}`).toEqual([]);
  expect(watch.offOrigin, `requests off the origin ${when}`).toEqual([]);
  expect(watch.errors, `page errors ${when}`).toEqual([]);
}

/** The row buttons of the list view with nothing selected: every concept, then every article. */
function listButtons(page: Page) {
  return page.locator("#list-view th button");
}

async function clearSelection(page: Page): Promise<void> {
  await page.locator("body").press("Escape");
  await expect.poll(() => page.evaluate(() => (window.__insightGraph.state as { selection: { kind: string } }).selection.kind)).toBe("none");
}

describe.each(FORMATS)("the hostile $file", ({ name }) => {
  it("opens every node as text: no script runs, no live non-http link, no error, nothing off-origin", async () => {
    const nodes = nodesOf.get(name)!;
    expect(nodes.length, "the fixture yields a graph").toBeGreaterThan(3);
    const { page, context, watch } = await openGraph(name, { bypassCSP: true });
    try {
      await expectNothingLive(page, watch, "after the first frame");

      // Every field that holds a payload shows up in the search results.
      for (const query of HOSTILE_QUERIES) {
        await searchBox(page).fill(query);
        await searchResults(page).waitFor();
        await expectNothingLive(page, watch, `with the results for "${query}"`);
      }
      await searchBox(page).fill("");
      await page.locator("body").press("Escape");

      await page.getByRole("button", { name: "List view", exact: true }).click();
      await expect.poll(() => listButtons(page).count()).toBe(nodes.length);
      const labels = new Set(nodes.map((node) => squash(node.label)));
      const opened = new Set<string>();
      for (let index = 0; index < nodes.length; index++) {
        const button = listButtons(page).nth(index);
        const label = squash(await button.textContent());
        await button.click();
        await expect.poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe(label);
        await expectNothingLive(page, watch, `with "${label.slice(0, 60)}" open`);
        opened.add(label);
        await clearSelection(page);
      }
      expect(opened).toEqual(labels);
    } finally {
      await context.close();
    }
  });
});

describe("the Content Security Policy", () => {
  it("is declared without inline or eval scripts, blocks an injected script, and lets the map draw", async () => {
    const { page, context, watch } = await openGraph("md", { bypassCSP: false, viewport: { width: 1280, height: 720 } });
    try {
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      const scriptSrc = /(?:^|;)\s*script-src([^;]*)/.exec(policy ?? "")?.[1] ?? "";
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:/);
      expect(policy).toMatch(/connect-src 'self'/);
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).toMatch(/base-uri 'self'/);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

      const ran = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__cspProbe = 1";
        document.body.append(script);
        await new Promise((done) => setTimeout(done, 50));
        script.remove();
        return (window as unknown as { __cspProbe?: number }).__cspProbe;
      });
      expect(ran, "an inline script added to the page").toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)).toBe(1);

      // The article with the most hostile links (further links first, else a script URL), open
      // at 1280×720 for a person to look at: test-results/hostile-markdown.png.
      const nodes = nodesOf.get("md")!;
      const mostLinks = [...nodes].sort((a, b) => (b.links?.length ?? 0) - (a.links?.length ?? 0))[0]!;
      const shown = mostLinks.links?.length
        ? mostLinks
        : (nodes.find((node) => node.url !== undefined && !/^https?:/.test(node.url)) ?? mostLinks);
      await page.goto(`${server.url}md/?article=${encodeURIComponent(shown.key)}`);
      await waitForFirstFrame(page);
      await expect.poll(async () => squash(await details(page).getByRole("heading", { level: 2 }).first().textContent())).toBe(squash(shown.label));
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(PROJECT_ROOT, "test-results", "hostile-markdown.png") });
      await expectNothingLive(page, watch, "with the policy on");
    } finally {
      await context.close();
    }
  });
});

describe("inputs the build refuses", () => {
  it.each([
    ["refused-nul.txt", /^error: .*refused-nul\.txt:3: not a text file \(binary data\)$/],
    ["refused-latin1.txt", /^error: .*refused-latin1\.txt:3: not a text file \(invalid UTF-8\)$/],
  ])("%s is refused with one line naming the file", async (file, message) => {
    const error = await buildGraphFile({ input: join(FIXTURES, file), out: join(workDir, "refused.json") }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(String(error)).toMatch(message);
    expect(String(error)).not.toContain("\n");
  });
});
