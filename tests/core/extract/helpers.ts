import { createExtractor, type Lexicon, type LexiconTerm } from "../../../src/core/extract/index";
import { fieldText, type Entry, type Extraction } from "../../../src/core/types";

export function entry(parts: Partial<Entry> & { title: string }): Entry {
  return {
    kind: "bookmark",
    description: "",
    section: "",
    subsection: "",
    insights: [],
    note: "",
    source: "",
    line: 1,
    ...parts,
  };
}

export function lexicon(terms: LexiconTerm[], extra: Partial<Lexicon> = {}): Lexicon {
  return { terms, stopwords: ["database", "QPS", "P99"], glueWords: ["at", "ran", "for", "with", "and", "or"], ...extra };
}

/** Entity names found per entry, as quoted surface forms resolve to them. */
export function found(extraction: Extraction, entryIndex = 0): string[] {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  return extraction.mentions
    .filter((m) => m.entry === entryIndex)
    .map((m) => byId.get(m.entity)?.name ?? "?")
    .sort();
}

/** The surface forms quoted by the evidence of one entity in one entry. */
export function quotes(extraction: Extraction, entries: Entry[], name: string, entryIndex = 0): string[] {
  const entity = extraction.entities.find((e) => e.name === name);
  const mention = extraction.mentions.find((m) => m.entry === entryIndex && m.entity === entity?.id);
  const e = entries[entryIndex] as Entry;
  return (mention?.evidence ?? []).map((ev) => fieldText(e, ev.field, ev.index).slice(ev.start, ev.end));
}

export function run(terms: LexiconTerm[], entries: Entry[], options = {}): Extraction {
  return createExtractor(lexicon(terms), options).extract(entries);
}
