/**
 * npm run eval [-- --gold FILE] [--input FILE] [--half even|odd] [--worst N]
 * Scores the extractor against gold annotations (../shared/gold/README.md) beside compromise's
 * out-of-the-box baseline, and lists the worst misses and false positives. The default run also
 * scores the frozen blind sets, apart and as figures only.
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { compromiseBaseline } from "../src/core/extract/baseline";
import { createExtractor } from "../src/core/extract/index";
import { score, type GoldArticle, type Outcome, type PredictedArticle, type Scores } from "../src/core/extract/score";
import { formatForPath, parseDocument } from "../src/core/parse/index";
import { ENTITY_TYPES, type Entry, type Extraction } from "../src/core/types";
import { CliError, inFile, readArguments, readTextFile, runMain, UsageError } from "./lib/cli";
import { loadLexicon } from "./lib/lexicon";
import { DEFAULT_INPUT, PROJECT_ROOT } from "./lib/paths";

const DEFAULT_GOLD = relative(process.cwd(), resolve(PROJECT_ROOT, "../shared/gold/dev.json"));

const HELP = `Usage: npm run eval -- [options]

Scores entity extraction against hand-made annotations, micro-averaged over the annotated
articles (matched to the document by exact title), beside compromise used out of the box.
The whole document is extracted, as the build does; only the annotated articles are scored.

The default run (no --gold, --input or --half) also scores the frozen blind sets of
${"tests/fixtures/extract/"} apart from dev, printing their figures only, never their errors.

Options:
  --gold FILE      annotations (default: ${DEFAULT_GOLD})
  --input FILE     the reading list the annotations refer to (default: ${DEFAULT_INPUT})
  --half NAME      score only the even or odd annotated articles (0-based), for held-out checks
  --lexicon DIR    read the lexicon from DIR instead of data/lexicon (for ablations)
  --worst N        how many misses and false positives to list (default 20)
  -h, --help       show this help

Exit codes: 0 scored, 1 bad input, 2 bad arguments.`;

/** Checks the annotation file's shape, so a wrong file fails with one line that names it. */
export function readGold(data: unknown, file: string): GoldArticle[] {
  if (!Array.isArray(data)) throw new CliError("expected a JSON list of articles", file);
  data.forEach((article: unknown, i) => {
    const a = article as Partial<GoldArticle> | null;
    if (!a || typeof a.title !== "string" || !Array.isArray(a.entities)) {
      throw new CliError(`article ${i + 1}: expected { "title": string, "entities": [...] }`, file);
    }
    for (const e of a.entities) {
      const ok =
        e && typeof e.name === "string" && ENTITY_TYPES.includes(e.type) && Array.isArray(e.aliases) && typeof e.required === "boolean";
      if (!ok) throw new CliError(`article ${i + 1} ("${a.title}"): an entity lacks name, type, aliases or required`, file);
    }
  });
  return data as GoldArticle[];
}

/** The extraction, regrouped per article the way the scorer reads it. */
export function predictedArticles(entries: readonly Entry[], extraction: Extraction): PredictedArticle[] {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const articles: PredictedArticle[] = entries.map((entry) => ({ title: entry.title, entities: [] }));
  for (const mention of extraction.mentions) {
    const entity = byId.get(mention.entity);
    if (entity) articles[mention.entry]?.entities.push(entity);
  }
  return articles;
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

function scoreLine(label: string, s: Scores): string {
  return (
    `${label.padEnd(12)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   ` +
    `typed P ${pct(s.typedPrecision)}  R ${pct(s.typedRecall)}  F1 ${pct(s.typedF1)}   ` +
    `concept recall ${pct(s.conceptRecall)}   duplicates ${s.duplicates}`
  );
}

/** The outcomes of one kind, grouped by name, most frequent first. */
function worst(outcomes: readonly Outcome[], kind: Outcome["kind"], n: number): string[] {
  const groups = new Map<string, { label: string; titles: string[] }>();
  for (const o of outcomes) {
    if (o.kind !== kind) continue;
    const label =
      o.kind === "miss"
        ? `${o.gold.name} (${o.gold.type})`
        : o.kind === "false-positive"
          ? `${o.entity.name} (${o.entity.type})`
          : `${o.entity.name} (${o.entity.type}, gold ${o.gold.name} ${o.gold.type})`;
    const group = groups.get(label) ?? { label, titles: [] };
    group.titles.push(o.title);
    groups.set(label, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.titles.length - a.titles.length || a.label.localeCompare(b.label))
    .slice(0, n)
    .map((g) => `  ${String(g.titles.length).padStart(3)} × ${g.label}   e.g. "${g.titles[0]?.slice(0, 60)}"`);
}

interface AnnotatedSet {
  goldFile: string;
  input: string;
  gold: GoldArticle[];
  /** The document's entries that the annotations name, in document order. */
  entries: Entry[];
  /** Every entry of the document: it is extracted whole, as the build does, since names are judged across it. */
  document: Entry[];
  /** Where each of `entries` stands in `document`. */
  positions: number[];
  unmatched: GoldArticle[];
}

/** Reads annotations and the document they refer to, keeping the annotated entries. */
async function annotatedSet(goldFile: string, input: string, half?: string): Promise<AnnotatedSet> {
  const goldText = await readTextFile(goldFile);
  let goldData: unknown;
  try {
    goldData = JSON.parse(goldText);
  } catch (error) {
    throw new CliError(`invalid JSON: ${(error as Error).message}`, goldFile);
  }
  let gold = readGold(goldData, goldFile);
  if (half) gold = gold.filter((_, i) => i % 2 === (half === "even" ? 0 : 1));
  const text = await readTextFile(input);
  const parsed = inFile(input, () => parseDocument(text, formatForPath(input)));
  const titles = new Set(gold.map((a) => a.title));
  const positions = parsed.entries.flatMap((e, i) => (titles.has(e.title) ? [i] : []));
  const entries = positions.map((i) => parsed.entries[i] as Entry);
  const found = new Set(entries.map((e) => e.title));
  const unmatched = gold.filter((a) => !found.has(a.title));
  if (entries.length === 0) throw new CliError("no annotated article title occurs in the document", goldFile);
  return { goldFile, input, gold, entries, document: parsed.entries, positions, unmatched };
}

/** The extraction of the whole document, read back for the annotated articles only. */
function predictionsFor(set: AnnotatedSet, extraction: Extraction): PredictedArticle[] {
  const all = predictedArticles(set.document, extraction);
  return set.positions.map((i) => all[i] as PredictedArticle);
}

/**
 * Bookmarks of the document that no entity (or, with `concepts`, no technique or technology)
 * was found in; references are pointers, not articles.
 */
function withoutEntities(set: AnnotatedSet, extraction: Extraction, concepts = false): Entry[] {
  const types = new Map(extraction.entities.map((e) => [e.id, e.type]));
  const counted = (id: string) => !concepts || types.get(id) === "technique" || types.get(id) === "technology";
  const linked = new Set(extraction.mentions.filter((m) => counted(m.entity)).map((m) => m.entry));
  return set.document.filter((e, i) => e.kind === "bookmark" && !linked.has(i));
}

/**
 * The frozen blind sets (annotated before the extractor ran on their items), each with the
 * reading list it annotates; a set whose list is not beside the project is left out.
 */
const BLIND_README = "tests/fixtures/extract/BLIND.md";
const BLIND_SETS = [
  { gold: "tests/fixtures/extract/blind-system-design-primer.json", input: "../shared/corpora/system-design-primer.md" },
  { gold: "tests/fixtures/extract/blind-awesome-scalability.json", input: "../shared/corpora/awesome-scalability.md" },
];

async function blindSets(): Promise<AnnotatedSet[]> {
  const fromRoot = (path: string) => relative(process.cwd(), resolve(PROJECT_ROOT, path));
  const present = BLIND_SETS.filter(({ input }) => existsSync(resolve(PROJECT_ROOT, input)));
  return Promise.all(present.map(({ gold, input }) => annotatedSet(fromRoot(gold), fromRoot(input))));
}

runMain(async () => {
  const { values } = readArguments({
    gold: { type: "string", default: DEFAULT_GOLD },
    input: { type: "string", default: DEFAULT_INPUT },
    half: { type: "string" },
    lexicon: { type: "string" },
    worst: { type: "string", default: "20" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.half !== undefined && values.half !== "even" && values.half !== "odd") {
    throw new UsageError(`--half must be "even" or "odd", not "${values.half}"`);
  }
  const count = Number(values.worst);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`--worst must be a whole number, not "${values.worst}"`);

  const main = await annotatedSet(values.gold, values.input, values.half);
  // Blind sets are scored with the default run only: an explicit --gold asks about that file.
  const blind = values.gold === DEFAULT_GOLD && values.input === DEFAULT_INPUT && !values.half ? await blindSets() : [];

  // Baselines run first: creating the extractor registers the lexicon into compromise.
  const baseline = score(main.gold, compromiseBaseline(main.entries));
  const blindBaselines = blind.map((set) => score(set.gold, compromiseBaseline(set.entries)));
  // The loader's messages already name the lexicon file at fault.
  const lexicon = await loadLexicon(values.lexicon).catch((error: unknown) => {
    throw new CliError((error as Error).message);
  });
  const extractor = createExtractor(lexicon);
  const started = performance.now();
  const extraction = extractor.extract(main.document);
  const elapsed = performance.now() - started;
  const report = score(main.gold, predictionsFor(main, extraction));

  const { gold, entries, unmatched } = main;
  console.log(`${gold.length} annotated articles${values.half ? ` (${values.half} half)` : ""}, ${entries.length} found in ${values.input}` +
    (unmatched.length > 0 ? `; not in the document: ${unmatched.map((a) => `"${a.title}"`).join(", ")}` : ""));
  const c = report.scores.counts;
  console.log(`extracted ${c.extracted} entity links, ${c.correct} correct; ${c.required} required, ${c.found} found (${elapsed.toFixed(0)} ms)`);
  console.log(scoreLine("extractor", report.scores));
  console.log(scoreLine("compromise", baseline.scores));
  const bookmarks = main.document.filter((e) => e.kind === "bookmark").length;
  for (const [what, concepts] of [["with no entity", false], ["with no technique or technology", true]] as const) {
    const bare = withoutEntities(main, extraction, concepts);
    const titles = bare.length > 0 && bare.length <= count ? `: ${bare.map((e) => `"${e.title}"`).join(", ")}` : "";
    console.log(`bookmarks of the document ${what}: ${bare.length} of ${bookmarks}${titles}`);
  }
  if (count > 0) {
    console.log(`\nworst misses:\n${worst(report.outcomes, "miss", count).join("\n")}`);
    console.log(`\nworst false positives:\n${worst(report.outcomes, "false-positive", count).join("\n")}`);
    console.log(`\nwrong types:\n${worst(report.outcomes, "wrong-type", count).join("\n")}`);
    const dups = worst(report.outcomes, "duplicate", count);
    if (dups.length > 0) console.log(`\nduplicates:\n${dups.join("\n")}`);
  }

  // Scores only, never the errors: reading a blind set's misses is how it stops being blind.
  blind.forEach((set, i) => {
    const blindReport = score(set.gold, predictionsFor(set, extractor.extract(set.document)));
    console.log(`\nblind set (frozen, ${BLIND_README}): ${set.goldFile}, ${set.entries.length} of ${set.gold.length} articles found in ${set.input}`);
    console.log(scoreLine("extractor", blindReport.scores));
    console.log(scoreLine("compromise", blindBaselines[i]!.scores));
  });
});
