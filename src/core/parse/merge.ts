/**
 * Several parsed inputs as one document, so that one graph can hold a reading list kept in more
 * than one file (or format). Pure: documents in, document out.
 *
 * Identity. An entry of a later input is the same article as an entry of an earlier one when
 * - both link to the same web page (`pageKey`: scheme, host case, `www.`, trailing slash and
 *   fragment ignored), or both carry the same non-web URL, written identically; or
 * - neither carries a URL and their titles are equal once case and runs of white space are
 *   ignored.
 * An entry with a URL never matches one without: a title alone does not say it is the same page.
 * Entries of one input are never merged with each other: a list that names a page twice (in two
 * sections, say) is kept as its author wrote it, as a single-input build keeps it.
 *
 * Merging an entry into the article it matches (the first one, in input order):
 * - title, section, subsection, source, url, year and line: the first occurrence wins;
 * - kind: a bookmark wins over a "See Also" reference (it is the article itself);
 * - description and note: distinct texts are kept, in input order, joined; a text that another
 *   already contains (ignoring case and spacing) adds nothing;
 * - insights: concatenated, exact duplicates dropped, order kept (the parsers' rule for a second
 *   "Key insights" block);
 * - links: concatenated, one per target (same identity as above), the first text kept, and never
 *   the article's own URL;
 * - addedAt: the earliest (the bookmark existed from then on);
 * - inputs: every input the article was found in, in input order.
 * Sections are the union of the inputs' outlines, in input order, each with the union of its
 * subsections.
 */
import { pageKey } from "../url";
import type { Entry, ParsedDocument } from "../types";
import { OutlineBuilder } from "./outline";

/** One parsed input and the name it is known by (its file's base name). */
export interface NamedDocument {
  name: string;
  doc: ParsedDocument;
}

/** What joins two distinct descriptions (or notes) of the same article. */
export const TEXT_JOINER = " — ";

/**
 * The documents as one, every entry stamped with the inputs it came from. Linear in the total
 * number of entries, insights and links.
 */
export function mergeDocuments(inputs: readonly NamedDocument[]): ParsedDocument {
  const entries: Entry[] = [];
  const outline = new OutlineBuilder();
  /** First article of any earlier input for each identity. */
  const earlier = new Map<string, Entry>();
  /** Per merged article, what keeps its merge linear: insights and links already held. */
  const held = new Map<Entry, { insights: Set<string>; links: Set<string> }>();

  for (const { name, doc } of inputs) {
    outline.addAll(doc.sections);

    const added: [key: string, entry: Entry][] = [];
    for (const entry of doc.entries) {
      const key = identity(entry);
      const match = earlier.get(key);
      if (match) {
        mergeInto(match, entry, name, held.get(match)!);
        continue;
      }
      const copy = copyEntry(entry, name);
      held.set(copy, { insights: new Set(copy.insights), links: new Set(copy.links?.map((l) => linkKey(l.url))) });
      entries.push(copy);
      added.push([key, copy]);
    }
    // Only now: entries of the same input must not match each other.
    for (const [key, entry] of added) if (!earlier.has(key)) earlier.set(key, entry);
  }

  const title = inputs.find(({ doc }) => doc.title !== "")?.doc.title ?? "";
  return { title, sections: outline.toSections(), entries };
}

/** The identity an entry is merged by (see the module comment). */
export function identity(entry: Entry): string {
  if (entry.url !== undefined && entry.url !== "") return `url:${linkKey(entry.url)}`;
  return `title:${normalisedText(entry.title)}`;
}

function linkKey(url: string): string {
  return pageKey(url) ?? `raw:${url}`;
}

/** Case and white space ignored: "Little's  law" and "little's law" are one title. */
function normalisedText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

function copyEntry(entry: Entry, input: string): Entry {
  const copy: Entry = { ...entry, insights: [...entry.insights], inputs: [input] };
  if (entry.links) copy.links = entry.links.map((link) => ({ ...link }));
  return copy;
}

function mergeInto(target: Entry, entry: Entry, input: string, held: { insights: Set<string>; links: Set<string> }): void {
  if (entry.kind === "bookmark") target.kind = "bookmark";
  target.description = joinDistinct(target.description, entry.description);
  target.note = joinDistinct(target.note, entry.note);
  if (target.url === undefined && entry.url !== undefined) target.url = entry.url;
  if (target.year === undefined && entry.year !== undefined) target.year = entry.year;
  if (entry.addedAt !== undefined && (target.addedAt === undefined || entry.addedAt < target.addedAt)) {
    target.addedAt = entry.addedAt;
  }

  for (const insight of entry.insights) {
    if (held.insights.has(insight)) continue;
    held.insights.add(insight);
    target.insights.push(insight);
  }

  const own = target.url === undefined ? undefined : linkKey(target.url);
  for (const link of entry.links ?? []) {
    const key = linkKey(link.url);
    if (key === own || held.links.has(key)) continue;
    held.links.add(key);
    (target.links ??= []).push({ ...link });
  }

  const inputs = target.inputs!;
  if (inputs[inputs.length - 1] !== input) inputs.push(input);
}

/**
 * `first` and `second` as one text: either alone when the other is empty or already contains it
 * (ignoring case and spacing), both joined otherwise.
 */
function joinDistinct(first: string, second: string): string {
  const a = normalisedText(first);
  const b = normalisedText(second);
  if (b === "" || a.includes(b)) return first;
  if (a === "" || b.includes(a)) return second;
  return first + TEXT_JOINER + second;
}
