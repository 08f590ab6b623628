/**
 * The project's lexicon, resolved once and kept: `loadLexicon()` reads a dozen JSON files and
 * two bulk packages (GitHub Linguist's languages, Simple Icons' 3,000 brands), filters and
 * merges them, about 0.15 s of every build; the merged terms are kept in
 * node_modules/.cache/insight-graph/lexicon.json and read back in a hundredth of that.
 *
 * Never stale: the cache records when it was made, and is made again when any file it derives
 * from changed since — every file under data/lexicon/, the installed packages
 * (node_modules/.package-lock.json, which npm rewrites on every install) and the code that
 * merges them (`LEXICON_CODE`, checked against the imports by a test). Written to a temporary
 * file and renamed, so a build running beside another reads a whole cache or none. A cache
 * that cannot be read or written is only a slower build, never a failure.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Lexicon } from "../../src/core/extract/index";
import { LEXICON_DIR, loadLexicon } from "./lexicon";
import { PROJECT_ROOT } from "./paths";

const CACHE_FILE = resolve(PROJECT_ROOT, "node_modules/.cache/insight-graph/lexicon.json");

/** The project's modules whose code decides what `loadLexicon` returns (scripts/lib/lexicon.ts and its imports). */
export const LEXICON_CODE = [
  "scripts/lib/lexicon.ts",
  "scripts/lib/paths.ts",
  "scripts/lib/cli.ts",
  "src/core/types.ts",
  "src/core/parse/bytes.ts",
  "src/core/failure.ts",
  "src/core/slug.ts",
  "src/core/extract/keys.ts",
  "src/core/extract/matches.ts",
].map((path) => resolve(PROJECT_ROOT, path));

interface CacheFile {
  /** When the lexicon was read (ms since 1970): a source changed after it makes the cache stale. */
  madeAt: number;
  lexicon: Lexicon;
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

/** The newest modification time of the files the lexicon derives from (a missing one counts as now: stale). */
async function newestSource(): Promise<number> {
  const files = [...(await filesUnder(LEXICON_DIR)), ...LEXICON_CODE, resolve(PROJECT_ROOT, "node_modules/.package-lock.json")];
  const times = await Promise.all(files.map((file) => stat(file).then((info) => info.mtimeMs, () => Infinity)));
  return Math.max(0, ...times);
}

async function readCache(file: string): Promise<CacheFile | undefined> {
  try {
    const cache = JSON.parse(await readFile(file, "utf8")) as CacheFile;
    return typeof cache.madeAt === "number" && Array.isArray(cache.lexicon?.terms) ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** `loadLexicon()` of the project's own lexicon, through the cache (see the module comment). */
export async function loadProjectLexicon(file: string = CACHE_FILE): Promise<Lexicon> {
  const [cache, newest] = await Promise.all([readCache(file), newestSource()]);
  if (cache && newest < cache.madeAt) return cache.lexicon;
  const madeAt = Date.now();
  const lexicon = await loadLexicon();
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(resolve(file, ".."), { recursive: true });
    await writeFile(temporary, JSON.stringify({ madeAt, lexicon } satisfies CacheFile));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
  return lexicon;
}
