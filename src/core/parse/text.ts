/**
 * The plain-text bookmarks format: an outline of sections and subsections, entries written as
 * `-` followed by `Title -- description` (or `- Title -- description` on one line), and
 * "Key insights" bullet blocks that an export has damaged (see `insights.ts`).
 *
 * The outline has no markup: a heading is told apart from other text by where it stands.
 * Text lines between two entries form a *run*; the last line of a run names the subsection
 * that holds the entries below it, a line ending like a sentence is a section's blurb, and the
 * heading above the blurb (or above the subsection) opens a top-level section.
 */
import { InputError, type Entry, type EntryKind, type ParsedDocument, type Section } from "../types";
import { InsightBlock, mergeInsightBlocks } from "./insights";
import { OutlineBuilder } from "./outline";
import { sourceOf } from "./source";

const BOOKMARK_SEPARATOR = " -- ";
const REFERENCE_SEPARATOR = " — ";
const KEY_INSIGHTS = /^key insights\b[^:]*:$/i;
const NOTE = /^\(.*\)$/;
/** A blurb reads like a sentence: "Company engineering blogs, postmortems, architecture deep-dives." */
const BLURB = /[.!?…]$/u;

interface Draft {
  entry: Entry;
  /** The entry's "Key insights" blocks, bullets repaired as they are read. */
  blocks: InsightBlock[];
}

interface Line {
  text: string;
  /** 1-based. */
  number: number;
}

export function parseText(text: string): ParsedDocument {
  const lines = text.split(/\r\n|\r|\n/).map((raw, index): Line => ({ text: raw.trim(), number: index + 1 }));
  const outline = new Outline();
  const opensOutline = outlineResumption(lines);
  const drafts: Draft[] = [];
  let title = "";
  let current: Draft | undefined;
  let block: InsightBlock | undefined;

  const startEntry = (content: string, number: number): void => {
    const { kind, title: entryTitle, description } = splitEntry(content);
    if (entryTitle === "") throw new InputError("entry without a title", number);
    current = {
      entry: {
        kind,
        title: entryTitle,
        description,
        section: outline.section,
        subsection: outline.subsection,
        insights: [],
        note: "",
        source: sourceOf(entryTitle),
        line: number,
      },
      blocks: [],
    };
    drafts.push(current);
    block = undefined;
  };

  let i = 0;
  while (i < lines.length) {
    const { text: line, number } = lines[i]!;
    if (line === "") {
      i += 1;
      continue;
    }
    if (line === "-") {
      const next = nextNonBlank(lines, i + 1);
      const titleLine = next === undefined ? undefined : lines[next]!;
      if (!titleLine || titleLine.text === "-" || KEY_INSIGHTS.test(titleLine.text)) {
        throw new InputError('entry marker "-" is not followed by a title line', number);
      }
      startEntry(titleLine.text, number);
      i = next! + 1;
      continue;
    }
    if (KEY_INSIGHTS.test(line)) {
      if (!current) throw new InputError('"Key insights" block with no entry before it', number);
      block = new InsightBlock();
      current.blocks.push(block);
      i += 1;
      continue;
    }
    const bullet = bulletText(line);
    if (bullet !== undefined) {
      // Inside a block a bullet is an insight, unless it carries the bookmark separator.
      if (block && !bullet.includes(BOOKMARK_SEPARATOR)) block.addBullet(bullet);
      else startEntry(bullet, number);
      i += 1;
      continue;
    }
    if (block && !opensOutline(i)) {
      block.addContinuation(line);
      i += 1;
      continue;
    }
    if (current && !block && NOTE.test(line)) {
      current.entry.note = current.entry.note ? `${current.entry.note} ${line}` : line;
      i += 1;
      continue;
    }

    const end = runEnd(lines, i);
    const run = lines.slice(i, end).filter((l) => l.text !== "");
    const opener = end < lines.length ? lines[end]! : undefined;
    const preamble = outline.read(run, opener !== undefined && opensReference(lines, end));
    if (drafts.length === 0 && preamble.length > 0) title = preamble[0]!.text;
    current = undefined;
    block = undefined;
    i = end;
  }

  const entries = drafts.map(({ entry, blocks }) => ({ ...entry, insights: mergeInsightBlocks(blocks.map((b) => b.bullets())) }));
  if (entries.length === 0) throw new InputError("no entries found");
  return { title, sections: outline.sectionsHolding(entries), entries };
}

/** `Title -- description` (the description follows the last ` -- `), or `Title — pointer` for a reference. */
export function splitEntry(content: string): { kind: EntryKind; title: string; description: string } {
  // Padded so that a separator at either end ("-- description", "Title --") still separates.
  const text = ` ${content} `;
  const bookmark = text.lastIndexOf(BOOKMARK_SEPARATOR);
  if (bookmark >= 0) {
    return {
      kind: "bookmark",
      title: text.slice(0, bookmark).trim(),
      description: text.slice(bookmark + BOOKMARK_SEPARATOR.length).trim(),
    };
  }
  const reference = text.indexOf(REFERENCE_SEPARATOR);
  if (reference >= 0) {
    return {
      kind: "reference",
      title: text.slice(0, reference).trim(),
      description: text.slice(reference + REFERENCE_SEPARATOR.length).trim(),
    };
  }
  return { kind: "bookmark", title: text.trim(), description: "" };
}

function bulletText(line: string): string | undefined {
  return line.startsWith("- ") ? line.slice(2).trim() : undefined;
}

function nextNonBlank(lines: Line[], from: number): number | undefined {
  for (let j = from; j < lines.length; j++) if (lines[j]!.text !== "") return j;
  return undefined;
}

function isOpener(text: string): boolean {
  return text === "-" || text.startsWith("- ") || KEY_INSIGHTS.test(text);
}

/** Index of the first line after the run of outline text that starts at `from`. */
function runEnd(lines: Line[], from: number): number {
  let j = from;
  while (j < lines.length && !isOpener(lines[j]!.text)) j++;
  return j;
}

function opensReference(lines: Line[], at: number): boolean {
  const text = lines[at]!.text;
  if (text === "-") {
    const next = nextNonBlank(lines, at + 1);
    return next !== undefined && splitEntry(lines[next]!.text).kind === "reference";
  }
  const bullet = bulletText(text);
  return bullet !== undefined && splitEntry(bullet).kind === "reference";
}

/**
 * Inside an insights block, a line without `- ` continues the bullet above, except where the
 * block has ended and the outline resumes: a heading-shaped line whose run leads to an entry.
 * ("- Zig's" followed by "Concurrency & Parallelism" then "- Is Parallel Programming Hard? -- ...")
 *
 * Built once per document: for each line, the opener that its run of outline-like lines (blank,
 * heading-shaped or blurb) leads to, found in one backward pass. Asking line by line would read
 * the rest of the run again for every heading-like line of a block, quadratic in the block.
 */
function outlineResumption(lines: readonly Line[]): (at: number) => boolean {
  /** `reach[j]`: index of the opener that lines j… lead to through outline-like lines, or -1. */
  const reach = new Int32Array(lines.length + 1).fill(-1);
  for (let j = lines.length - 1; j >= 0; j--) {
    const text = lines[j]!.text;
    if (isOpener(text)) reach[j] = j;
    else if (text === "" || isHeadingShaped(text) || BLURB.test(text)) reach[j] = reach[j + 1]!;
  }
  return (at) => {
    const candidate = lines[at]!.text;
    const ahead = reach[at + 1]!;
    if (ahead < 0 || !isHeadingShaped(candidate)) return false;
    const opener = lines[ahead]!.text;
    if (opener === "-") return true;
    const bullet = bulletText(opener);
    if (bullet === undefined) return false;
    if (bullet.includes(BOOKMARK_SEPARATOR)) return true;
    // Em dashes are common inside insight bullets; accept a reference list only under a heading
    // that reads like a title rather than like a code span ("See Also", not "SET LOCAL").
    return bullet.includes(REFERENCE_SEPARATOR) && isTitleCase(candidate);
  };
}

/** Short, starts with a capital or digit, no sentence punctuation, no glued bullets. */
function isHeadingShaped(text: string): boolean {
  return (
    /^[\p{Lu}\p{N}]/u.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !text.includes(";") &&
    !/ [-—] | -- /.test(text) &&
    text.split(/\s+/).length <= 8
  );
}

const MINOR_WORDS = new Set(["&", "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with", "/"]);

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/);
  const capitalised = words.every((w) => MINOR_WORDS.has(w.toLowerCase()) || /^[\p{Lu}\p{N}]/u.test(w));
  const shouting = words.every((w) => w === w.toUpperCase());
  return capitalised && !shouting;
}

/** The section/subsection position while reading, and the sections seen so far. */
class Outline {
  section = "";
  subsection = "";
  /** Sections in the order they open, each with its subsections likewise. */
  private readonly sections = new OutlineBuilder();

  /**
   * Reads one run of outline lines and returns the lines above its first heading
   * (the document's preamble when this is the first run).
   */
  read(run: Line[], holdsReferences: boolean): Line[] {
    if (run.length === 0) return [];
    const headingAbove = (index: number): number => {
      let h = index;
      while (h >= 0 && BLURB.test(run[h]!.text)) h--;
      return h;
    };
    const last = run.length - 1;
    if (BLURB.test(run[last]!.text)) {
      // A section with a blurb and its entries directly below.
      const section = headingAbove(last);
      if (section < 0) return run;
      this.open(run[section]!.text, "");
      return run.slice(0, section);
    }
    const section = headingAbove(last - 1);
    if (section >= 0) {
      this.open(run[section]!.text, run[last]!.text);
      return run.slice(0, section);
    }
    // A lone heading: a subsection of the current section, unless there is none yet or it
    // holds reference entries ("See Also"), which stand apart from the bookmark sections.
    if (this.section === "" || holdsReferences) this.open(run[last]!.text, "");
    else this.open(this.section, run[last]!.text);
    return [];
  }

  /** The sections that hold bookmarks, in document order; a reference-only section is left out. */
  sectionsHolding(entries: Entry[]): Section[] {
    const withBookmarks = new Set(entries.filter((e) => e.kind === "bookmark").map((e) => e.section));
    const withEntries = new Set(entries.map((e) => e.section));
    return this.sections.toSections().filter(({ name }) => withBookmarks.has(name) || !withEntries.has(name));
  }

  private open(section: string, subsection: string): void {
    this.sections.add(section, subsection);
    this.section = section;
    this.subsection = subsection;
  }
}
