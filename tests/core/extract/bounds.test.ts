/**
 * Extraction takes time linear in its input, whatever the shape of a field: long runs of one
 * kind of character (where a regular expression could backtrack), long runs of words with no
 * sentence break (where compromise's tagger slows down far faster than the run grows), and
 * fields that repeat one name or one pattern thousands of times (where a scan per sighting
 * would make the whole quadratic). Each shape is put in every field of an entry and extracted
 * with the real lexicon, the one the build uses.
 *
 * The bounds are linear in the input's length with generous constants (a shared, busy 2-core
 * machine runs the suite); a quadratic step misses them by far at these sizes: the year pattern
 * that once rescanned runs of spaces took 5 s on one 50,000-space title, and compromise took
 * 20 s on one 107,000-character insight of heading-like lines.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadLexicon } from "../../../scripts/lib/lexicon";
import { createExtractor, type Extractor } from "../../../src/core/extract/index";
import { fieldText, type Entry, type Extraction } from "../../../src/core/types";
import { entry } from "./helpers";

/** Milliseconds: a fixed cost and a cost per character of the entries' text. */
const BOUND = { fixed: 1_500, perCharacter: 0.03 };

let extractor: Extractor;
beforeAll(async () => {
  extractor = createExtractor(await loadLexicon());
  // The first run pays for compromise's and V8's warm-up: not a cost of the input.
  extractor.extract([entry({ title: "Warm-up with Kafka at Netflix", description: "PostgreSQL (PG) and Bloom filters." })]);
}, 120_000);

function lengthOf(entries: readonly Entry[]): number {
  return entries.reduce((sum, e) => sum + e.title.length + e.description.length + e.insights.reduce((s, i) => s + i.length, 0), 0);
}

/** Extracts `entries` within the bound for their length; the extraction is returned for more checks. */
function extractWithinBound(entries: Entry[], what: string): Extraction {
  const length = lengthOf(entries);
  const started = performance.now();
  const extraction = extractor.extract(entries);
  const milliseconds = performance.now() - started;
  const bound = BOUND.fixed + BOUND.perCharacter * length;
  expect(milliseconds, `${what}: extracting ${length} characters took ${Math.round(milliseconds)} ms`).toBeLessThanOrEqual(bound);
  return extraction;
}

/** One entry with `text` as its title, its description and an insight, framed by ordinary words. */
function everywhere(text: string): Entry {
  return entry({ title: `Scaling ${text} at Netflix`, description: `About ${text} and more`, insights: [`First ${text} last.`] });
}

/** `unit` repeated to about `length` characters. */
function run(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}

/** Runs of one kind of character, each 60,000 long: the shapes a backtracking pattern chokes on. */
const CHARACTER_RUNS: Record<string, string> = {
  spaces: `a${" ".repeat(60_000)}b`,
  tabs: `a${"\t".repeat(60_000)}b`,
  "line breaks": `a${"\n".repeat(60_000)}b`,
  "lower-case letters": "a".repeat(60_000),
  "capital letters": "A".repeat(60_000),
  digits: "1".repeat(60_000),
  "alternating case": run("aB", 60_000),
  "capitals then lower case": run("ABc", 60_000),
  underscores: "_".repeat(60_000),
  "snake case": run("a_", 60_000),
  "one long identifier": `work_${"b".repeat(60_000)}at`,
  hyphens: run("a-", 60_000),
  "bare hyphens": "-".repeat(60_000),
  dots: run("a.", 60_000),
  "bare dots": ".".repeat(60_000),
  "opening parentheses": "(".repeat(60_000),
  "closing parentheses": ")".repeat(60_000),
  "square brackets": run("[(", 60_000),
  apostrophes: run("a'", 60_000),
  "closing quotes after a full stop": `a.${'"'.repeat(60_000)} b`,
  "plus and hash": run("C++#", 60_000),
  "ampersands between spaces": run(" & ", 60_000),
  commas: ",".repeat(60_000),
  "astral letters": run("𝐀", 60_000),
};

describe("extraction time is linear in runs of one kind of character", () => {
  for (const [shape, text] of Object.entries(CHARACTER_RUNS)) {
    it(shape, () => {
      extractWithinBound([everywhere(text)], shape);
    });
  }
});

describe("extraction time is linear in the title patterns the discovery rules read", () => {
  const spaces = " ".repeat(100_000);
  // Each took from 5 to 23 s before its rule was made linear.
  const titles: Record<string, string> = {
    // The source-parenthesis rule's year suffix.
    "spaces inside a source parenthesis": `(a${spaces}b blog)`,
    "spaces before a year": `Title (Google${spaces}2019)`,
    // The title-head rule reads the words after the colon up to a preposition or a comma.
    "spaces after a colon": `Uforwarder: Fast${spaces}Hash for Maps`,
    "spaces before a preposition": `Uforwarder: Fast Hash${spaces}for${spaces}Maps`,
    "spaces after at": `Scaling at${spaces}Netflix`,
    "spaces before the end after at": `Scaling at Netflix${spaces}x`,
    // The rules that look up the pieces inside each source or each at-name.
    "thousands of sources in one parenthesis": `Title (${run("Xyzzy, ", 120_000)}Plugh)`,
    "thousands of people in one parenthesis": `Title (${run("Xyzzy Quux, ", 60_000)}Plugh)`,
    "thousands of at-names": run("Scaling at Xyzzy, ", 120_000),
    "thousands of parentheses": run("(Xyzzy) ", 60_000),
    "thousands of colons": run("Xyzzy: ", 60_000),
    // People and organisations named in passing, each looked up among the field's pieces.
    "thousands of credits": run("thanks to Xyzzy Quux, ", 60_000),
    "thousands of handles": run("thanks to xyzzy; ", 60_000),
    "thousands of professors": run("by Prof. Xyzzy, ", 60_000),
    "thousands of theses": run("Xyzzy Quux's thesis ", 60_000),
    "thousands of labs": run("at Xyzzy Labs, ", 60_000),
  };
  for (const [shape, title] of Object.entries(titles)) {
    it(shape, () => {
      extractWithinBound([entry({ title })], shape);
    });
  }
});

describe("extraction time is linear in long fields of words", () => {
  const headings = (lines: number) => Array.from({ length: lines }, (_, i) => `Heading Like ${i}`).join(" ");
  const fields: Record<string, string> = {
    // A text document's insights block of heading-like lines, joined into one bullet.
    "heading-like lines with no sentence break": headings(6_000),
    "words with no punctuation": run("the quick brown fox jumps over a lazy dog ", 100_000),
    "clauses with no full stop": run("replicas lag behind the leader, ", 100_000),
    "one sentence per line": run("Writes go to the leader\n", 100_000),
    "short sentences": run("Kafka stores logs. ", 100_000),
    // Names repeated thousands of times: one entity's sightings in one field.
    "one lexicon name repeated": run("Kafka and PostgreSQL ", 100_000),
    "one discovered name repeated": run("TigerBeetle QUUX pg_repack ", 100_000),
    "acronym definitions repeated": run("Data Access Layer (DAL) ", 100_000),
    "people repeated": run("Marc Brooker, ", 100_000),
  };
  for (const [shape, text] of Object.entries(fields)) {
    it(shape, () => {
      extractWithinBound([entry({ title: "Long fields", insights: [text] })], shape);
    });
  }

  it("grows no faster than the field: 4 times the text, well under 16 times the time", () => {
    const time = (lines: number) => {
      const entries = [entry({ title: "Long fields", insights: [headings(lines)] })];
      const started = performance.now();
      extractor.extract(entries);
      return performance.now() - started;
    };
    // The fastest of a few runs, so that a pause of the machine does not count.
    const best = (lines: number) => Math.min(time(lines), time(lines), time(lines));
    const small = best(1_500);
    const large = best(6_000);
    // Linear growth gives about 4; the old tagging of the whole field gave hundreds.
    expect(large / small, `1,500 lines: ${Math.round(small)} ms, 6,000 lines: ${Math.round(large)} ms`).toBeLessThan(10);
  });
});

describe("a long field read in passages", () => {
  it("quotes every name with offsets into the whole field, after any number of cuts", () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `Step ${i} copies rows from PostgreSQL into Kafka`).join(" ");
    const e = entry({ title: "Long", insights: [text] });
    const extraction = extractWithinBound([e], "names along a long field");
    const quoted = new Map<string, number>();
    for (const mention of extraction.mentions) {
      for (const ev of mention.evidence) {
        const surface = fieldText(e, ev.field, ev.index).slice(ev.start, ev.end);
        quoted.set(surface, (quoted.get(surface) ?? 0) + 1);
      }
    }
    // Every sentence names both, and no cut falls inside a name: cuts are made between words.
    expect(quoted.get("PostgreSQL")).toBe(2_000);
    expect(quoted.get("Kafka")).toBe(2_000);
  });
});
