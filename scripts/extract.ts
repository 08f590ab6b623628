/**
 * npm run extract -- [FILE] [--format text|markdown|html]
 * Prints, per article, the entities found with their type and the quoted evidence, so a
 * person can check the extraction by eye.
 */
import { createExtractor } from "../src/core/extract/index";
import { formatExtraction } from "../src/core/extract/report";
import { formatForPath, parseDocument } from "../src/core/parse/index";
import { inFile, readArguments, readTextFile, runMain, UsageError } from "./lib/cli";
import { loadLexicon } from "./lib/lexicon";
import { DEFAULT_INPUT } from "./lib/paths";

const HELP = `Usage: npm run extract -- [FILE] [options]

Extracts the entities of a reading list and prints them per article: type, canonical name and
each piece of evidence quoted from the text (field, bullet, surface form).

Arguments:
  FILE             the reading list (default: ${DEFAULT_INPUT})
Options:
  --format NAME    text | markdown | html (default: from the extension)
  -h, --help       show this help

Exit codes: 0 printed, 1 bad input, 2 bad arguments.`;

runMain(async () => {
  const parsed = readArguments({ format: { type: "string" } }, true);
  if (parsed.values.help) {
    console.log(HELP);
    return;
  }
  if (parsed.positionals.length > 1) throw new UsageError("give one file");
  const file = parsed.positionals[0] ?? DEFAULT_INPUT;
  const format = inFile(file, () => formatForPath(file, parsed.values.format));
  const text = await readTextFile(file);
  const doc = inFile(file, () => parseDocument(text, format));
  const extraction = createExtractor(await loadLexicon()).extract(doc.entries);
  console.log(formatExtraction(doc.entries, extraction));
  console.log(`\n${doc.entries.length} entries, ${extraction.entities.length} entities, ${extraction.mentions.length} mentions`);
});
