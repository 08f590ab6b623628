/**
 * Runs a TypeScript script of this project from a bundle: `node scripts/lib/run-bundled.mjs
 * scripts/build-graph.ts [arguments…]` behaves as `tsx scripts/build-graph.ts [arguments…]`
 * (same arguments, output and exit code), without transpiling and loading the ~1,500 modules it
 * imports one by one at every start (2 s of npm + tsx start-up for a build of a few seconds).
 *
 * The bundle is made on demand with rolldown (the bundler vite is built on) and kept in
 * node_modules/.cache/insight-graph/, never stale: it records the files it was made from, and
 * is made again when one of them, package.json or the installed packages changed since, or is
 * gone. Each module keeps its own `import.meta.url` (the source file's), so paths resolved from
 * it and the "am I the main module" check read as they do under tsx. Plain JavaScript: this
 * file must start without a TypeScript loader.
 *
 * A script is run from a CommonJS bundle compiled by `vm.Script`, with its freshness checked
 * synchronously on the text that is read anyway: against importing the same code as an ES
 * module, the bundled build (`npm run graph`) used about 0.2–0.3 s less CPU (3.16–3.37 s against
 * 3.35–3.77 s over eight alternating runs, 2026-11-30; by its fastest and mean). Modules that
 * import a bundle (`ensureBundle`, as the Vite lexicon plugin does) get an ES module.
 */
import { readFileSync, statSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script, constants as vmConstants } from "node:vm";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(ROOT, "node_modules/.cache/insight-graph");
/** Files outside the module graph that change what a bundle holds. */
const ALWAYS = ["package.json", "node_modules/.package-lock.json", fileURLToPath(import.meta.url)].map((path) => resolve(ROOT, path));
const MANIFEST_PREFIX = "// bundled from: ";

/** The newest modification time among `paths`; a missing one counts as `missing`. */
async function newestMtime(paths, missing) {
  const times = await Promise.all(paths.map((path) => stat(path).then((info) => info.mtimeMs, () => missing)));
  return Math.max(0, ...times);
}

/** The bundle's recorded build start and sources, or undefined when it is missing or unreadable. */
async function readManifest(bundle) {
  const handle = await open(bundle, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, 0);
    const firstLine = buffer.subarray(0, bytesRead).toString("utf8").split("\n", 1)[0];
    if (!firstLine.startsWith(MANIFEST_PREFIX)) return undefined;
    return JSON.parse(firstLine.slice(MANIFEST_PREFIX.length));
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Bundles `entry` into `bundle`. Sources under node_modules are recorded as the installed
 * packages (node_modules/.package-lock.json, which npm rewrites on every install), so only the
 * project's own files are checked one by one. Written to a temporary file and renamed: a
 * concurrent run reads the old bundle or the new one, never half of one.
 */
async function makeBundle(entry, bundle, format) {
  const startedAt = Date.now();
  const { build } = await import("rolldown");
  /** Every module read, kept or not: constants inlined from a module leave it out of the chunk. */
  let read = [];
  const result = await build({
    input: entry,
    platform: "node",
    logLevel: "warn",
    write: false,
    plugins: [
      {
        name: "keep-import-meta-url",
        buildEnd() {
          read = [...this.getModuleIds()];
        },
        transform(code, id) {
          if (!code.includes("import.meta.url")) return null;
          return { code: code.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(id).href)), map: null };
        },
      },
    ],
    output: { format, codeSplitting: false },
  });
  const [chunk] = result.output;
  const sources = read
    .filter((id) => isAbsolute(id) && !id.includes(`${join("node_modules", "")}`))
    .map((id) => relative(ROOT, id));
  const manifest = JSON.stringify({ startedAt, sources });
  await mkdir(CACHE, { recursive: true });
  const temporary = `${bundle}.${process.pid}.tmp`;
  try {
    await open(temporary, "w").then(async (handle) => {
      await handle.writeFile(`${MANIFEST_PREFIX}${manifest}\n${chunk.code}`);
      await handle.close();
    });
    await rename(temporary, bundle);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Where the bundle of `entry` in `format` ("esm" or "cjs") is kept. */
function bundlePath(entry, format) {
  return join(CACHE, `${basename(entry).replace(/\.[cm]?ts$/, "")}.${format === "cjs" ? "cjs" : "mjs"}`);
}

/**
 * The path of an up-to-date bundle of `entry`, made first if needed: an ES module to import
 * (`format` "esm", the default), or a CommonJS script ("cjs"; the entry must then have no
 * top-level await).
 */
export async function ensureBundle(entry, format = "esm") {
  const bundle = bundlePath(entry, format);
  const manifest = await readManifest(bundle);
  // A source that is gone was renamed or deleted: bundle again. The other files may not exist
  // (an install without a lockfile): then they change nothing.
  const fresh =
    manifest !== undefined &&
    Math.max(await newestMtime(manifest.sources.map((source) => resolve(ROOT, source)), Infinity), await newestMtime(ALWAYS, 0)) < manifest.startedAt;
  if (!fresh) await makeBundle(entry, bundle, format);
  return bundle;
}

/**
 * The code of `bundle` when it is up to date, else undefined: ensureBundle's check, made
 * synchronously on the text the run needs anyway (see runBundle).
 */
function freshCode(bundle) {
  let code;
  try {
    code = readFileSync(bundle, "utf8");
  } catch {
    return undefined;
  }
  const firstLine = code.slice(0, code.indexOf("\n"));
  if (!firstLine.startsWith(MANIFEST_PREFIX)) return undefined;
  let manifest;
  try {
    manifest = JSON.parse(firstLine.slice(MANIFEST_PREFIX.length));
  } catch {
    return undefined;
  }
  const mtime = (path, missing) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? missing;
  const newest = Math.max(0, ...manifest.sources.map((source) => mtime(resolve(ROOT, source), Infinity)), ...ALWAYS.map((path) => mtime(path, 0)));
  return newest < manifest.startedAt ? code : undefined;
}

/**
 * Runs a CommonJS bundle as Node runs a CommonJS module: the same wrapper, with `require`,
 * `module`, `__filename` and `__dirname`.
 */
function runBundle(bundle, code) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  const script = new Script(wrapped, { filename: bundle, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error("usage: node scripts/lib/run-bundled.mjs SCRIPT.ts [arguments…]");
    process.exit(2);
  }
  const entry = resolve(script);
  const bundle = bundlePath(entry, "cjs");
  const code = freshCode(bundle) ?? readFileSync(await ensureBundle(entry, "cjs"), "utf8");
  // As under tsx: argv[1] is the script, its arguments follow.
  process.argv = [process.argv[0], entry, ...args];
  runBundle(bundle, code);
}
