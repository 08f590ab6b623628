/**
 * npx tsx scripts/lexicon/contribution.ts FILE...
 * What the catalogues bring to the extraction of reading lists: each list is extracted with and
 * without data/lexicon/catalogues/, and the links (article, entity) found only with them are
 * printed with the article's title, for review. The figures go to stderr.
 */
import { createExtractor } from "../../src/core/extract/index";
import { formatForPath, parseDocument } from "../../src/core/parse/index";
import type { Extraction } from "../../src/core/types";
import { inFile, readArguments, readTextFile, runMain, UsageError } from "../lib/cli";
import { loadLexicon } from "../lib/lexicon";

const HELP = `Usage: npx tsx scripts/lexicon/contribution.ts FILE...

Extracts each reading list with and without the catalogue terms of data/lexicon/catalogues/ and
prints, one a line, the links found only with them (file, type, entity, article title), then those
found only without them, marked "lost".`;

function links(extraction: Extraction): Map<string, string> {
  const names = new Map(extraction.entities.map((e) => [e.id, `${e.type}\t${e.name}`]));
  return new Map(extraction.mentions.map((m) => [`${m.entry}\t${m.entity}`, names.get(m.entity) ?? m.entity]));
}

async function main(): Promise<void> {
  const { values, positionals } = readArguments({}, true);
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length === 0) throw new UsageError("name at least one reading list");
  const [withCatalogues, without] = await Promise.all([loadLexicon(), loadLexicon(undefined, { catalogues: false })]);
  for (const file of positionals) {
    const text = await readTextFile(file);
    const doc = inFile(file, () => parseDocument(text, formatForPath(file)));
    // Two extractors in one process share compromise's global model: the one with more frozen
    // words is built second, so the first one's run is not affected by the catalogue's words.
    const before = links(createExtractor(without).extract(doc.entries));
    const after = links(createExtractor(withCatalogues).extract(doc.entries));
    let added = 0;
    for (const [key, entity] of after) {
      if (before.has(key)) continue;
      added += 1;
      const entry = doc.entries[Number(key.split("\t")[0])];
      console.log(`${file}\t${entity}\t${entry?.title ?? ""}`);
    }
    const lost = [...before.keys()].filter((k) => !after.has(k));
    for (const key of lost) console.log(`${file}\tlost\t${before.get(key)}\t${doc.entries[Number(key.split("\t")[0])]?.title ?? ""}`);
    console.error(`${file}: ${before.size} links without the catalogues, ${after.size} with; ${added} only with them, ${lost.length} only without`);
  }
}

runMain(main);
