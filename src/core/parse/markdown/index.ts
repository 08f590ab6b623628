/**
 * Markdown reading lists (awesome-lists, guides, tables of links), read from the mdast tree of
 * `mdast-util-from-markdown` with GFM tables, task lists, strikethrough and literal autolinks;
 * never by patterns over the source. (GFM footnotes are left out: reading lists do not need them,
 * and micromark's footnote extension is quadratic on runs of `]`.)
 *
 * - An entry is a list item, at any depth, or a table row that holds a link to a web page
 *   (`http:`/`https:` with a host), wherever the link stands: `1979, [Paper](url), SIGMOD`,
 *   `CMU [A Course](url), thanks to [Its Lecturer](url)`, `[Title](url) [Free]`, `**[Title](url)**`.
 *   Links into the page (`#section`, a table of contents) and relative links are not entries.
 *   Reference links (`[Title][label]` with `[label]: url`) count like inline ones.
 * - Its title is the text of the item's main link (the rule is in `entry.ts`: the first link to
 *   a page that is not a person's home page or introduced as a person); its other links are kept
 *   in `links`; the words around the main link become the description and, when a year stands
 *   alone, `year`. The title's trailing parentheses name the `source` (`sourceOf`).
 * - Table rows: the header names the columns, and the description is `Column: value; Column:
 *   value` from the other cells' words (links are in `url` and `links`). When the main link's
 *   text only spells an address (`youtube.com`), the title is the nearest cell with words to its
 *   left (else to its right): `| Design a cache like Memcached | [slideshare.net](url) |`.
 * - A nested list item with a link is an entry of its own; the outermost linked item above it
 *   groups it, and names its subsection when the headings give none. A nested item without a
 *   link is an insight of the entry above it.
 * - Headings: a lone `#` heading that opens the document is its title. Of the other headings, the
 *   shallowest level that holds entries (in its scope, down to the next heading as shallow) names
 *   sections and the next level subsections; deeper headings only group text and leave the
 *   position unchanged.
 * - Bounds (`bounds.ts`): nesting deeper than 32 lists or quotes, or more than 256 `]` in one
 *   paragraph, is refused with the line; large documents are parsed in chunks so the time stays
 *   linear in the size. Nothing here recurses over the tree.
 */
import type { Heading, Nodes, Root, RootContent, Table, TableRow } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { InputError, type Entry, type ParsedDocument } from "../../types";
import { OutlineBuilder } from "../outline";
import { sourceOf } from "../source";
import { parseInChunks } from "./bounds";
import { furtherLinks, isBareAddress, mainLinkIndex, wordsAround } from "./entry";
import { normalizeSpace, piecesOf, plainText, textOfPieces, type Piece } from "./text";

/** A top-level block of the document, with the number of lines before its chunk. */
interface Block {
  node: RootContent;
  lineOffset: number;
}

/** An entry as found, before headings place it; `group` is the outermost linked item above it. */
interface Found {
  entry: Entry;
  group: string;
}

type Resolve = (identifier: string) => string | undefined;

export interface MarkdownOptions {
  /** Characters per chunk parsed on its own (see `parseInChunks`); the default keeps time linear. */
  chunkSize?: number;
}

export function parseMarkdown(text: string, options: MarkdownOptions = {}): ParsedDocument {
  const blocks: Block[] = [];
  for (const chunk of parseInChunks<RootContent>(text, parse, options.chunkSize)) {
    for (const node of chunk.nodes) blocks.push({ node, lineOffset: chunk.lineOffset });
  }
  const resolve = definitionsOf(blocks);
  const foundIn = blocks.map((block) => entriesIn(block, resolve));

  const headings = blocks.map((block) => block.node).filter((node): node is Heading => node.type === "heading");
  const titleHeading = documentTitle(headings);
  const sectionDepth = shallowestDepthHoldingEntries(blocks, foundIn, titleHeading);

  const entries: Entry[] = [];
  let section = "";
  let subsection = "";
  blocks.forEach(({ node }, index) => {
    if (node.type === "heading") {
      if (node === titleHeading || sectionDepth === undefined || node.depth < sectionDepth) return;
      if (node.depth === sectionDepth) {
        section = normalizeSpace(plainText(node.children));
        subsection = "";
      } else if (node.depth === sectionDepth + 1) {
        subsection = normalizeSpace(plainText(node.children));
      }
      return;
    }
    for (const { entry, group } of foundIn[index]!) {
      entry.section = section;
      entry.subsection = subsection !== "" ? subsection : group;
      entries.push(entry);
    }
  });

  if (entries.length === 0) throw new InputError("no entries found");
  const outline = new OutlineBuilder();
  for (const { section, subsection } of entries) if (section !== "" || subsection !== "") outline.add(section, subsection);
  return { title: titleHeading ? normalizeSpace(plainText(titleHeading.children)) : "", sections: outline.toSections(), entries };
}

function parse(text: string, firstLine: number): Root {
  try {
    return fromMarkdown(text, {
      extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmAutolinkLiteral()],
      // The mdast side of GFM only turns the tokens above into nodes; footnote tokens never occur.
      mdastExtensions: [gfmFromMarkdown()],
    });
  } catch (error) {
    // The bounds should make this unreachable; if micromark still gives up, say where, in one line.
    if (error instanceof RangeError) throw new InputError(`Markdown too deeply nested to read (${error.message})`, firstLine);
    throw error;
  }
}

/** Targets of reference definitions (`[label]: url`), by identifier; the first in the document wins. */
function definitionsOf(blocks: readonly Block[]): Resolve {
  const targets = new Map<string, string>();
  const stack: Nodes[] = blocks.map((block) => block.node).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "definition") {
      if (!targets.has(node.identifier)) targets.set(node.identifier, node.url);
    } else if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") {
      stack.push(...(node.children as Nodes[]).toReversed());
    }
  }
  return (identifier) => targets.get(identifier);
}

interface Frame {
  node: Nodes;
  /** The entry nested plain bullets belong to. */
  parent?: Entry;
  group: string;
}

/** The entries of one top-level block (a list, a table, a block quote), in document order. */
function entriesIn(block: Block, resolve: Resolve): Found[] {
  const found: Found[] = [];
  const stack: Frame[] = [{ node: block.node, group: "" }];
  while (stack.length > 0) {
    const { node, parent, group } = stack.pop()!;
    const next: Frame[] = [];
    if (node.type === "listItem") {
      const entry = entryOfItem(node.children, block.lineOffset + (node.position?.start.line ?? 1), resolve);
      if (entry) found.push({ entry, group });
      else if (parent) {
        const insight = normalizeSpace(plainText(node.children.filter((child) => child.type !== "list")));
        if (insight !== "") parent.insights.push(insight);
      }
      for (const child of node.children) {
        next.push({ node: child, parent: entry ?? parent, group: group !== "" ? group : (entry?.title ?? "") });
      }
    } else if (node.type === "table") {
      for (const entry of entriesOfTable(node, block.lineOffset, resolve)) found.push({ entry, group });
    } else if (node.type === "list" || node.type === "blockquote") {
      for (const child of node.children) next.push({ node: child, parent, group });
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return found;
}

function entryOfItem(children: readonly Nodes[], line: number, resolve: Resolve): Entry | undefined {
  const own = children.filter((child) => child.type === "paragraph" || child.type === "heading");
  const pieces = piecesOf(own, resolve);
  const mainIndex = mainLinkIndex(pieces);
  if (mainIndex < 0) return undefined;
  const main = pieces[mainIndex] as Extract<Piece, { kind: "link" }>;
  const title = normalizeSpace(main.text) || main.url;
  const { description, year } = wordsAround(pieces, mainIndex);
  return bookmark(title, description, main.url, furtherLinks(pieces, main), year, line);
}

/** One entry per row of `table` that holds a link to a web page (the header row excepted). */
function entriesOfTable(table: Table, lineOffset: number, resolve: Resolve): Entry[] {
  const [header, ...rows] = table.children;
  const columns = header ? header.children.map((cell) => normalizeSpace(plainText(cell.children))) : [];
  const entries: Entry[] = [];
  for (const row of rows) {
    const entry = entryOfRow(row, columns, lineOffset + (row.position?.start.line ?? 1), resolve);
    if (entry) entries.push(entry);
  }
  return entries;
}

function entryOfRow(row: TableRow, columns: readonly string[], line: number, resolve: Resolve): Entry | undefined {
  const cells = row.children.map((cell) => piecesOf(cell.children, resolve));
  const all = cells.flat();
  const mainIndex = mainLinkIndex(all);
  if (mainIndex < 0) return undefined;
  const main = all[mainIndex] as Extract<Piece, { kind: "link" }>;
  const mainCell = cells.findIndex((pieces) => pieces.includes(main));
  const words = cells.map((pieces) => textOfPieces(pieces.filter((piece) => piece.kind === "text")));

  let title = normalizeSpace(main.text);
  let titleCell = -1;
  if (isBareAddress(title)) {
    const left = words.slice(0, mainCell).findLastIndex((text) => text !== "");
    titleCell = left >= 0 ? left : words.findIndex((text, index) => index > mainCell && text !== "");
    if (titleCell >= 0) title = words[titleCell]!;
  }
  const description = words
    .map((text, index) => (index === titleCell || text === "" ? "" : columns[index] ? `${columns[index]}: ${text}` : text))
    .filter((part) => part !== "")
    .join("; ");
  return bookmark(title || main.url, description, main.url, furtherLinks(all, main), undefined, line);
}

function bookmark(title: string, description: string, url: string, links: Entry["links"], year: number | undefined, line: number): Entry {
  const entry: Entry = { kind: "bookmark", title, description, section: "", subsection: "", insights: [], note: "", source: sourceOf(title), url, line };
  if (links && links.length > 0) entry.links = links;
  if (year !== undefined) entry.year = year;
  return entry;
}

/**
 * A lone level-1 heading that comes before any other heading is the document's title
 * (`# Awesome Scalability`); with several `#` headings, they are sections.
 */
function documentTitle(headings: readonly Heading[]): Heading | undefined {
  const first = headings[0];
  if (first?.depth !== 1 || headings.filter((h) => h.depth === 1).length !== 1) return undefined;
  return first;
}

/**
 * The shallowest heading depth that holds an entry (a `#` title excepted). A heading holds what
 * follows it up to the next heading of the same or a shallower depth, so a `## Section` whose
 * entries all sit under `### Subsection` headings still holds them.
 */
function shallowestDepthHoldingEntries(blocks: readonly Block[], foundIn: readonly Found[][], titleHeading: Heading | undefined): number | undefined {
  let shallowest: number | undefined;
  const open: number[] = [];
  blocks.forEach(({ node }, index) => {
    if (node.type === "heading" && node !== titleHeading) {
      while (open.length > 0 && open[open.length - 1]! >= node.depth) open.pop();
      open.push(node.depth);
    } else if (foundIn[index]!.length > 0 && open.length > 0) {
      shallowest = Math.min(shallowest ?? Infinity, open[0]!);
    }
  });
  return shallowest;
}

