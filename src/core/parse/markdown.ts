/**
 * Markdown reading lists (awesome-lists and the like), read from the mdast tree of
 * `mdast-util-from-markdown` with GFM, never by patterns over the source.
 *
 * - An entry is a list item whose first content is a link: `* [Title](url)`,
 *   `- [Title](url) - description` (also `— description`, `: description`). A link to a place in
 *   the page (`#principle`, a table of contents) is navigation, not an entry.
 * - A nested list item that starts with a link is an entry of its own; the item it is nested in
 *   groups it, and names its subsection when the headings give none. A nested item without a
 *   link is an insight of the entry above it.
 * - Headings: a lone `#` heading that opens the document is its title. Of the other headings, the
 *   shallowest level that holds entries (in its scope, down to the next heading as shallow) names
 *   sections and the next level subsections; deeper headings only group text and leave the
 *   position unchanged.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { InputError, type Entry, type ParsedDocument, type Section } from "../types";
import { sourceOf } from "./source";

/** What may stand between a link and its description. */
const DESCRIPTION_SEPARATOR = /^\s*(?:[-–—:]\s+|:\s*)?/u;

export function parseMarkdown(text: string): ParsedDocument {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const headings = tree.children.filter((node): node is Heading => node.type === "heading");
  const titleHeading = documentTitle(tree, headings);
  const sectionDepth = shallowestDepthHoldingEntries(tree, titleHeading);

  const sections: Section[] = [];
  const entries: Entry[] = [];
  let section = "";
  let subsection = "";

  for (const node of tree.children) {
    if (node.type === "heading") {
      if (node === titleHeading || sectionDepth === undefined || node.depth < sectionDepth) continue;
      if (node.depth === sectionDepth) {
        section = plainText(node);
        subsection = "";
      } else if (node.depth === sectionDepth + 1) {
        subsection = plainText(node);
      }
    } else if (node.type === "list") {
      readList(node, { section, subsection }, entries);
    }
  }

  if (entries.length === 0) throw new InputError("no entries found");
  for (const entry of entries) addToOutline(sections, entry);
  return { title: titleHeading ? plainText(titleHeading) : "", sections, entries };
}

interface Place {
  section: string;
  subsection: string;
}

/** Reads the entries of a list, and of the lists nested in its items. */
function readList(list: List, place: Place, entries: Entry[], parent?: Entry): void {
  for (const item of list.children) {
    const entry = entryOf(item, place);
    if (entry) entries.push(entry);
    else if (parent) {
      const insight = normalizeSpace(plainText(item.children.filter((child) => child.type !== "list")));
      if (insight !== "") parent.insights.push(insight);
    }
    // Items nested under an entry are grouped by it; under anything else they keep the place.
    const nestedPlace = entry && place.subsection === "" ? { ...place, subsection: entry.title } : place;
    for (const child of item.children) {
      if (child.type === "list") readList(child, nestedPlace, entries, entry ?? parent);
    }
  }
}

function entryOf(item: ListItem, place: Place): Entry | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph") return undefined;
  const lead = leadingLink(first);
  if (!lead) return undefined;
  const title = normalizeSpace(plainText(lead.link));
  if (title === "") return undefined;
  const rest = normalizeSpace(plainText(first.children.slice(lead.index + 1)));
  return {
    kind: "bookmark",
    title,
    description: rest.replace(DESCRIPTION_SEPARATOR, "").trim(),
    section: place.section,
    subsection: place.subsection,
    insights: [],
    note: "",
    source: sourceOf(title),
    url: lead.link.url,
    line: item.position?.start.line ?? 0,
  };
}

type Link = Extract<PhrasingContent, { type: "link" }>;

/** The link an item opens with (possibly inside `**…**`), unless it only points into the page. */
function leadingLink(paragraph: Paragraph): { link: Link; index: number } | undefined {
  const index = paragraph.children.findIndex((child) => !(child.type === "text" && child.value.trim() === ""));
  let node = paragraph.children[index];
  while (node && (node.type === "strong" || node.type === "emphasis") && node.children.length === 1) {
    node = node.children[0];
  }
  if (node?.type !== "link" || node.url === "" || node.url.startsWith("#")) return undefined;
  return { link: node, index };
}

/**
 * A lone level-1 heading that comes before any other heading is the document's title
 * (`# Awesome Scalability`); with several `#` headings, they are sections.
 */
function documentTitle(tree: Root, headings: Heading[]): Heading | undefined {
  const first = headings[0];
  if (first?.depth !== 1 || headings.filter((h) => h.depth === 1).length !== 1) return undefined;
  return tree.children.indexOf(first) >= 0 ? first : undefined;
}

/**
 * The shallowest heading depth that holds an entry (a `#` title excepted). A heading holds what
 * follows it up to the next heading of the same or a shallower depth, so a `## Section` whose
 * entries all sit under `### Subsection` headings still holds them.
 */
function shallowestDepthHoldingEntries(tree: Root, titleHeading: Heading | undefined): number | undefined {
  let shallowest: number | undefined;
  const open: number[] = [];
  for (const node of tree.children) {
    if (node.type === "heading" && node !== titleHeading) {
      while (open.length > 0 && open[open.length - 1]! >= node.depth) open.pop();
      open.push(node.depth);
    } else if (node.type === "list" && open.length > 0 && listHoldsEntry(node)) {
      shallowest = Math.min(shallowest ?? Infinity, open[0]!);
    }
  }
  return shallowest;
}

function listHoldsEntry(list: List): boolean {
  return list.children.some(
    (item) =>
      (item.children[0]?.type === "paragraph" && leadingLink(item.children[0]) !== undefined) ||
      item.children.some((child) => child.type === "list" && listHoldsEntry(child)),
  );
}

function addToOutline(sections: Section[], entry: Entry): void {
  if (entry.section === "" && entry.subsection === "") return;
  let section = sections.find((s) => s.name === entry.section);
  if (!section) {
    section = { name: entry.section, subsections: [] };
    sections.push(section);
  }
  if (entry.subsection !== "" && !section.subsections.includes(entry.subsection)) {
    section.subsections.push(entry.subsection);
  }
}

/** The text a reader sees: link text, code, emphasis; no markup, no URLs. */
function plainText(node: Nodes | readonly Nodes[]): string {
  if (Array.isArray(node)) return (node as readonly Nodes[]).map(plainText).join("");
  const single = node as Nodes;
  if ("value" in single && typeof single.value === "string" && single.type !== "html") return single.value;
  if (single.type === "image") return single.alt ?? "";
  if (single.type === "break") return " ";
  if ("children" in single) {
    const separator = single.type === "listItem" || single.type === "list" ? " " : "";
    return (single.children as Nodes[]).map(plainText).join(separator);
  }
  return "";
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
