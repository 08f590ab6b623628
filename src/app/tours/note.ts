/**
 * A step's note, Markdown written by whoever made the tour, shown to a room: rendered safely, in
 * two steps. `noteTree` reads the Markdown (mdast, with GFM's bare links and strikethrough) into
 * a small tree of the few things a note may hold, every link already judged live or not; and
 * `writeNote` writes that tree as DOM nodes with `createElement` and text nodes, never
 * `innerHTML`. Raw HTML in a note is shown as the text it is; only http(s) links are live, and
 * they open in a new tab without handing it this page (`noopener noreferrer`).
 */
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { tourSchema } from "../../core/tours/schema";

export type NoteInline =
  | { kind: "text"; text: string }
  | { kind: "emphasis" | "strong" | "delete"; children: NoteInline[] }
  | { kind: "code"; text: string }
  /** A live link: its address is http(s), checked. A link to anything else is its text alone. */
  | { kind: "link"; href: string; children: NoteInline[] }
  | { kind: "break" };

export type NoteBlock =
  | { kind: "paragraph"; children: NoteInline[] }
  /** `tight`: items are single lines, written without paragraphs (as Markdown renders them). */
  | { kind: "list"; ordered: boolean; start?: number; tight: boolean; items: NoteBlock[][] }
  | { kind: "quote"; children: NoteBlock[] }
  | { kind: "code"; text: string };

/** The longest note read: what the tour schema allows; a longer text is cut there. */
export const MAX_NOTE_LENGTH: number = tourSchema.$defs.step.properties.note.maxLength;

/** The note's blocks. Headings become paragraphs of strong text: a note has no outline. */
export function noteTree(markdown: string): NoteBlock[] {
  const text = markdown.length > MAX_NOTE_LENGTH ? `${markdown.slice(0, MAX_NOTE_LENGTH - 1)}…` : markdown;
  const root: Root = fromMarkdown(text, {
    extensions: [gfmAutolinkLiteral(), gfmStrikethrough()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const definitions = new Map<string, string>();
  for (const node of root.children) if (node.type === "definition") definitions.set(node.identifier, node.url);
  return blocksOf(root.children, definitions);
}

type Definitions = ReadonlyMap<string, string>;

function blocksOf(nodes: readonly RootContent[], definitions: Definitions): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        blocks.push({ kind: "paragraph", children: inlinesOf(node.children, definitions) });
        break;
      case "heading":
        blocks.push({ kind: "paragraph", children: [{ kind: "strong", children: inlinesOf(node.children, definitions) }] });
        break;
      case "list":
        blocks.push({
          kind: "list",
          ordered: node.ordered === true,
          ...(node.ordered && typeof node.start === "number" && node.start !== 1 ? { start: node.start } : {}),
          tight: node.spread !== true && node.children.every((item) => item.spread !== true),
          items: node.children.map((item) => blocksOf(item.children, definitions)),
        });
        break;
      case "blockquote":
        blocks.push({ kind: "quote", children: blocksOf(node.children, definitions) });
        break;
      case "code":
        blocks.push({ kind: "code", text: node.value });
        break;
      case "html":
        // Raw HTML is shown as what it is: text.
        blocks.push({ kind: "paragraph", children: [{ kind: "text", text: node.value }] });
        break;
      default:
        // Definitions were read above; a thematic break, a table or a footnote has no place in a note.
        break;
    }
  }
  return blocks;
}

function inlinesOf(nodes: readonly PhrasingContent[], definitions: Definitions): NoteInline[] {
  const inlines: NoteInline[] = [];
  const push = (inline: NoteInline) => {
    const last = inlines.at(-1);
    // Adjacent text (raw HTML beside words, a dead link's text) reads as one run.
    if (inline.kind === "text" && last?.kind === "text") last.text += inline.text;
    else if (inline.kind !== "text" || inline.text !== "") inlines.push(inline);
  };
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "html":
        push({ kind: "text", text: node.value });
        break;
      case "emphasis":
      case "strong":
      case "delete":
        push({ kind: node.type, children: inlinesOf(node.children, definitions) });
        break;
      case "inlineCode":
        push({ kind: "code", text: node.value });
        break;
      case "break":
        push({ kind: "break" });
        break;
      case "link":
      case "linkReference": {
        const url = node.type === "link" ? node.url : definitions.get(node.identifier);
        const children = inlinesOf(node.children, definitions);
        const href = url === undefined ? undefined : liveAddress(url);
        if (href !== undefined) push({ kind: "link", href, children });
        else for (const child of children) push(child);
        break;
      }
      case "image":
      case "imageReference":
        // No image loads from a note: its description stands in for it.
        push({ kind: "text", text: node.alt ?? "" });
        break;
      default:
        push({ kind: "text", text: plainText(node) });
    }
  }
  return inlines;
}

/** The address a link may open: an absolute http(s) URL, normalised; anything else is no link. */
export function liveAddress(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
}

function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node ? (node.children as Nodes[]).map(plainText).join("") : "";
}

/** The note as DOM nodes, ready to append. */
export function renderNote(markdown: string, doc: Document = document): DocumentFragment {
  return writeNote(noteTree(markdown), doc);
}

/** Writes a note tree with elements and text nodes only: nothing in it is parsed as HTML. */
export function writeNote(blocks: readonly NoteBlock[], doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of blocks) fragment.append(writeBlock(block, doc));
  return fragment;
}

function writeBlock(block: NoteBlock, doc: Document): Node {
  switch (block.kind) {
    case "paragraph":
      return element(doc, "p", writeInlines(block.children, doc));
    case "list": {
      const list = doc.createElement(block.ordered ? "ol" : "ul");
      if (block.start !== undefined) list.setAttribute("start", String(block.start));
      for (const item of block.items) {
        // A tight list's items hold their words directly, not a paragraph each.
        const content = block.tight ? item.flatMap((inner) => (inner.kind === "paragraph" ? writeInlines(inner.children, doc) : [writeBlock(inner, doc)])) : item.map((inner) => writeBlock(inner, doc));
        list.append(element(doc, "li", content));
      }
      return list;
    }
    case "quote":
      return element(doc, "blockquote", block.children.map((inner) => writeBlock(inner, doc)));
    case "code":
      return element(doc, "pre", [element(doc, "code", [doc.createTextNode(block.text)])]);
  }
}

function writeInlines(inlines: readonly NoteInline[], doc: Document): Node[] {
  return inlines.map((inline) => writeInline(inline, doc));
}

function writeInline(inline: NoteInline, doc: Document): Node {
  switch (inline.kind) {
    case "text":
      return doc.createTextNode(inline.text);
    case "emphasis":
      return element(doc, "em", writeInlines(inline.children, doc));
    case "strong":
      return element(doc, "strong", writeInlines(inline.children, doc));
    case "delete":
      return element(doc, "del", writeInlines(inline.children, doc));
    case "code":
      return element(doc, "code", [doc.createTextNode(inline.text)]);
    case "break":
      return doc.createElement("br");
    case "link": {
      const link = element(doc, "a", writeInlines(inline.children, doc));
      link.setAttribute("href", inline.href);
      link.setAttribute("target", "_blank");
      link.setAttribute("rel", "noopener noreferrer");
      return link;
    }
  }
}

function element(doc: Document, tag: string, children: readonly Node[]): HTMLElement {
  const created = doc.createElement(tag);
  created.append(...children);
  return created;
}
