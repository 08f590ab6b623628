/**
 * npm run extract -- [FILE] [--format text|markdown|html]
 * Prints, per article, the entities found with their type and the quoted evidence, so a
 * person can check the extraction by eye.
 */
import { parseArgs } from "node:util";
import { createExtractor } from "../src/core/extract/index";
import { formatForPath, parseDocument } from "../src/core/parse/index";
import { fieldText, type Entry, type Evidence, type Extraction } from "../src/core/types";
import { inFile, readTextFile, runMain, UsageError } from "./lib/cli";
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

function place(evidence: Evidence): string {
  return evidence.field === "insight" ? `insight ${evidence.index + 1}` : evidence.field;
}

/** One block per article that has entities, in document order. */
export function formatExtraction(entries: readonly Entry[], extraction: Extraction): string {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const blocks: string[] = [];
  entries.forEach((entry, index) => {
    const mentions = extraction.mentions.filter((m) => m.entry === index);
    if (mentions.length === 0) return;
    const lines = mentions
      .map((m) => {
        const entity = byId.get(m.entity);
        const quotes = m.evidence.map(
          (e) => `"${fieldText(entry, e.field, e.index).slice(e.start, e.end)}" (${place(e)})`,
        );
        return `  ${(entity?.type ?? "?").padEnd(12)} ${(entity?.name ?? m.entity).padEnd(28)} ${quotes.join(", ")}`;
      })
      .sort();
    blocks.push(`${entry.line}: ${entry.title}\n${lines.join("\n")}`);
  });
  return blocks.join("\n\n");
}

export const main = () => runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: { format: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
if (process.argv[1]?.endsWith("extract.ts")) main();
