/**
 * Import speed: the bundled document built in the page's import worker (headless Chromium, the
 * built site served as a static host serves it) against the command line's build of it, in the
 * same run. Target: the page at most 2× the command line.
 *
 * Three sides, in alternating rounds, wall-clock time (the browser's worker has no CPU clock to
 * read, so every side is judged by the clock a person waits on), each judged by its fastest round
 * (on a shared machine, interference only adds time):
 *   - `npm run graph` as a process: start-up, the lexicon, the build and the write, as typed;
 *   - the pipeline in this process (`buildFromSources`, the lexicon already loaded, warmed up):
 *     the build alone, the floor both others stand on;
 *   - the import worker as the page starts it for every import: a fresh module worker, from
 *     handing it the file's bytes to the graph.json text back in the page (loading its bundle,
 *     compromise and the lexicon included), and a second build in the same worker (warm).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildFromSources } from "../../src/core/pipeline/index";
import { launchBrowser } from "../lib/browser";
import { loadLexicon } from "../lib/lexicon";
import { DEFAULT_INPUT, PROJECT_ROOT } from "../lib/paths";
import { buildSite, serveDirectory } from "../lib/serve";
import { ensureGraph } from "../ensure-graph";

/** Wall-clock milliseconds of one run of a command, its output dropped. */
function timeProcess(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").at(-1)}`));
    });
  });
}

/** The import worker's file in a built site: the one script the page names as an asset (a URL it loads later), not an import. */
async function workerFile(siteRoot: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(siteRoot, ".vite/manifest.json"), "utf8")) as Record<string, { assets?: string[] }>;
  const workers = (manifest["index.html"]?.assets ?? []).filter((asset) => asset.endsWith(".js"));
  if (workers.length !== 1) throw new Error(`expected one worker among the page's assets, found ${workers.length}`);
  return workers[0]!;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fastest = (times: readonly number[]) => Math.min(...times);
const median = (times: readonly number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `site`: an already built site to measure (it is left in place); by default the site is built afresh. */
export async function benchImportSpeed(rounds = 5, site?: string): Promise<void> {
  const text = await readFile(DEFAULT_INPUT, "utf8");
  const name = "bookmarks.txt";
  if (site === undefined) await ensureGraph();
  const siteRoot = site ?? (await buildSite());
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-importspeed-"));
  const out = join(folder, "graph.json");
  const server = await serveDirectory(siteRoot);
  const browser = await launchBrowser();
  try {
    const worker = await workerFile(siteRoot);
    const page = await browser.newPage();
    // The app's own page, drawn and idle: an import starts from there.
    await page.goto(server.url);
    await page.locator('#graph[aria-busy="false"]').waitFor({ state: "attached", timeout: 180_000 });

    const lexicon = await loadLexicon();
    const inProcess = () => {
      const started = performance.now();
      buildFromSources([{ name, text, format: "text" }], lexicon);
      return performance.now() - started;
    };
    /** One fresh worker, two builds: [fresh (worker start included), warm]. */
    const inWorker = () =>
      // No named functions inside: tsx would wrap them in a helper the page does not have.
      page.evaluate(
        async ({ url, listName, list }) => {
          const bytes = new TextEncoder().encode(list);
          const started = performance.now();
          const thread = new Worker(new URL(url, document.baseURI), { type: "module" });
          const times: number[] = [];
          for (let build = 0; build < 2; build++) {
            const at = build === 0 ? started : performance.now();
            await new Promise<void>((resolve, reject) => {
              thread.onmessage = ({ data }) => {
                if (data?.type === "done") resolve();
                else if (data?.type === "failed") reject(new Error(data.message));
              };
              thread.onerror = (event) => reject(new Error(event.message || "the worker failed"));
              const copy = bytes.slice().buffer;
              thread.postMessage({ type: "build", files: [{ name: listName, bytes: copy }] }, [copy]);
            });
            times.push(performance.now() - at);
          }
          thread.terminate();
          return times as [fresh: number, warm: number];
        },
        { url: worker, listName: name, list: text },
      );
    const npmGraph = () => timeProcess("npm", ["run", "--silent", "graph", "--", "--out", out]);

    // Untimed first runs: the command line's bundle made if sources changed, files cached, JIT warm in this process.
    await npmGraph();
    inProcess();
    await inWorker();
    const times = { npm: [] as number[], pipeline: [] as number[], fresh: [] as number[], warm: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.npm.push(await npmGraph());
      times.pipeline.push(inProcess());
      const [fresh, warm] = await inWorker();
      times.fresh.push(fresh);
      times.warm.push(warm);
    }

    const line = (label: string, values: readonly number[]) =>
      `  ${label.padEnd(62)} ${seconds(fastest(values)).padStart(8)} fastest, ${seconds(median(values))} median`;
    console.log(
      `import speed (${DEFAULT_INPUT}, ${text.length.toLocaleString("en")} characters; headless Chromium, built site; ` +
        `wall-clock over ${rounds} alternating rounds):`,
    );
    console.log(line("npm run graph (a process: start-up, lexicon, build, write)", times.npm));
    console.log(line("pipeline in this process (buildFromSources, lexicon loaded)", times.pipeline));
    console.log(line("import worker, fresh (bytes handed over → graph text back)", times.fresh));
    console.log(line("import worker, a second build in the same worker", times.warm));
    const ratio = (a: readonly number[], b: readonly number[]) => (fastest(a) / fastest(b)).toFixed(2);
    console.log(
      `  ratio, fastest against fastest: import worker / npm run graph ${ratio(times.fresh, times.npm)} (target ≤ 2); ` +
        `import worker / in-process pipeline ${ratio(times.fresh, times.pipeline)}; ` +
        `warm worker / in-process pipeline ${ratio(times.warm, times.pipeline)}`,
    );
  } finally {
    await browser.close();
    await server.close();
    if (site === undefined) await rm(siteRoot, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  }
}
