/**
 * npm run lexicon:refresh [-- --dict-dir DIR] [--lexicon DIR]
 * Rebuilds data/lexicon/catalogues/<id>.json from the installed dictionaries (see
 * data/lexicon/catalogues/README.md), applying the review decisions of review.json.
 */
import { execFileSync } from "node:child_process";
import { access, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { CliError, readArguments, runMain, UsageError, writeOutputs } from "../lib/cli";
import { CATALOGUE_FOLDER, LEXICON_DIR, loadCuratedTerms, loadSources } from "../lib/lexicon";
import { readDictionary, readReview, refresh, serialise } from "./catalogues";

const DICT_DIR = "/usr/share/dictd";

const HELP = `Usage: npm run lexicon:refresh -- [options]

Reads FOLDOC and V.E.R.A. as Debian installs them (apt-get install -y dict-foldoc dict-vera),
selects the field's terms by rule, applies the review (${CATALOGUE_FOLDER}/review.json) and
writes ${CATALOGUE_FOLDER}/foldoc.json and ${CATALOGUE_FOLDER}/vera.json under the lexicon folder.

Options:
  --dict-dir DIR   where the dictd files are (default: ${DICT_DIR})
  --lexicon DIR    the lexicon folder (default: data/lexicon)
  -h, --help       show this help

Exit codes: 0 written, 1 a dictionary is missing or a file is malformed, 2 bad arguments.`;

const PACKAGES = { foldoc: "dict-foldoc", vera: "dict-vera" } as const;

/** The installed Debian package's version, or the dictionary's own date line when dpkg does not know it. */
function versionOf(pkg: string, dictText: string | undefined): string {
  try {
    return execFileSync("dpkg-query", ["-W", "-f", "${Version}", pkg], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return dictText ?? "unknown";
  }
}

async function requireDictionary(dir: string, name: keyof typeof PACKAGES): Promise<void> {
  for (const file of [`${name}.index`, `${name}.dict.dz`]) {
    await access(join(dir, file)).catch(() => {
      throw new CliError(`${PACKAGES[name]} is not installed (no ${file}): run apt-get install -y ${PACKAGES[name]}`, join(dir, file));
    });
  }
}

async function main(): Promise<void> {
  const { values } = readArguments({ "dict-dir": { type: "string" }, lexicon: { type: "string" } });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const dictDir = values["dict-dir"] ?? DICT_DIR;
  const lexiconDir = values.lexicon ?? LEXICON_DIR;
  if (dictDir === "" || lexiconDir === "") throw new UsageError("a folder must not be empty");
  await requireDictionary(dictDir, "foldoc");
  await requireDictionary(dictDir, "vera");
  const installed = dictDir === DICT_DIR;
  const reviewFile = join(lexiconDir, CATALOGUE_FOLDER, "review.json");
  const reviewText = await readFile(reviewFile, "utf8").catch(() => {
    throw new CliError("no review file: create it with { \"rejected\": [], \"overrides\": [] }", reviewFile);
  });
  let reviewData: unknown;
  try {
    reviewData = JSON.parse(reviewText);
  } catch (error) {
    throw new CliError(`invalid JSON (${(error as Error).message})`, reviewFile);
  }
  const [foldoc, vera, curated, sources] = await Promise.all([
    readDictionary(dictDir, "foldoc", installed ? versionOf(PACKAGES.foldoc, undefined) : "fixture"),
    readDictionary(dictDir, "vera", installed ? versionOf(PACKAGES.vera, undefined) : "fixture"),
    loadCuratedTerms(lexiconDir),
    loadSources(lexiconDir),
  ]);
  const result = refresh({ foldoc, vera, curated, stopwords: sources.stopwords, review: readReview(reviewData, reviewFile) });
  const outputs = [...result.files].map(([id, file]) => ({ file: join(lexiconDir, CATALOGUE_FOLDER, `${id}.json`), data: serialise(file) }));
  await writeOutputs(outputs);
  for (const [id, file] of result.files) {
    const aliases = file.terms.reduce((n, t) => n + (t.aliases?.length ?? 0), 0);
    console.log(`${relative(process.cwd(), join(lexiconDir, CATALOGUE_FOLDER, `${id}.json`))}: ${file.terms.length} terms, ${aliases} aliases (${file.source.name} ${file.source.version}, ${file.source.licence})`);
  }
  const refused = [...result.refusals].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${n} ${why}`);
  console.log(`FOLDOC articles not taken: ${refused.join(", ")}`);
  // A decision that meets nothing is harmless, but says the review no longer describes the source.
  for (const d of result.unused) console.warn(`warning: ${reviewFile}: ${d.catalogue} has no "${d.name}" any more`);
}

runMain(main);
