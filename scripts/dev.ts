/**
 * npm run dev [-- --input FILE ...] [--tours DIR|none] [--format NAME] [--out FILE] [--port N] [--host ADDRESS]
 * Makes sure the graph is built, then starts Vite's dev server with live rebuild
 * (scripts/vite/live-rebuild.ts): saving an input, a lexicon or a tour file rebuilds the graph
 * and the open page follows.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";
import { CliError, readArguments, runMain, UsageError } from "./lib/cli";
import { DEFAULT_GRAPH, DEFAULT_INPUT } from "./lib/paths";
import { REBUILD_DELAY_MS, runGraphBuild, type BuildTarget } from "./vite/live-rebuild";
import { describeFailure } from "../src/app/live/events";

const CONFIG = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
const ENSURE_GRAPH = fileURLToPath(new URL("ensure-graph.ts", import.meta.url));
const RUN_BUNDLED = fileURLToPath(new URL("lib/run-bundled.mjs", import.meta.url));

const HELP = `Usage: npm run dev -- [options]

Starts the dev server on the graph of your reading lists, and rebuilds the graph when you save
one of them, a lexicon file (data/lexicon/) or a tour: the open page loads the new graph and keeps
what it shows (selection, path, filters, view and camera, all in its address; the layout moves as
the list changes, so something chosen is framed where it now is). A broken edit leaves the last
good graph on screen and shows the error, with file and line, in the page and here.

Options:
  --input FILE     a reading list to build from and follow (default: ${DEFAULT_INPUT}); repeat it
                   for several, as with npm run graph. Without --input the bundled document is
                   used, and a graph built from other inputs (npm run graph -- --input …) is kept
                   and shown, but not rebuilt.
  --tours DIR      the tours the graph carries, or "none" (as npm run graph; followed too)
  --format NAME    text | markdown | html, for every input (default: from each file's extension)
  --out FILE       where the graph is written (default: ${DEFAULT_GRAPH}); the page reads it as
                   graph.json either way
  --port N         the port to serve on (default: 5173, or the next free one)
  --host ADDRESS   the address to listen on (default: localhost; 0.0.0.0 for every interface)
  -h, --help       show this help

A rebuild starts ${REBUILD_DELAY_MS} ms after the last save; saves during a build make one more build after it.
Each prints one line: its time and what the graph holds, or the error.`;

runMain(async () => {
  const { values } = readArguments({
    input: { type: "string", multiple: true },
    tours: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`--port must be a port number, not "${values.port}"`);

  const given = values.input !== undefined || values.tours !== undefined || values.format !== undefined || values.out !== undefined;
  const target: BuildTarget = {
    inputs: values.input ?? [DEFAULT_INPUT],
    out: values.out ?? DEFAULT_GRAPH,
    tours: values.tours,
    format: values.format,
  };
  if (given) {
    // Named inputs are built at the start: graph.json may hold another list's graph.
    const outcome = await runGraphBuild(target);
    if (!outcome.ok) throw new CliError(describeFailure(outcome.failure));
    console.log(`graph: built ${target.out} in ${outcome.seconds.toFixed(1)} s: ${outcome.articles} articles, ${outcome.concepts} concepts`);
  } else {
    // The bundled document, as npm run build sees it: up to date, or kept when built on purpose
    // from other lists (the plugin then leaves it alone, and says so).
    const code = await ensureGraph();
    if (code !== 0) {
      process.exitCode = code; // ensure-graph said why
      return;
    }
  }

  const server = await createServer({ configFile: CONFIG, liveRebuild: given ? target : undefined, server: { port, host: values.host } });
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().finally(() => process.exit(0)));
  }
});

/** Runs ensure-graph as `npm run build` does; its exit code. */
function ensureGraph(): Promise<number> {
  return new Promise((done) => {
    spawn(process.execPath, [RUN_BUNDLED, ENSURE_GRAPH], { stdio: "inherit" }).on("close", (code) => done(code ?? 1));
  });
}

