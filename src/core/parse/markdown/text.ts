/**
 * The words of mdast nodes, read iteratively (a document's inline nesting is not bounded by the
 * block guard, so no recursion here).
 */
import type { Nodes } from "mdast";

/** A run of an item's text: words, or a link with its visible text. */
export type Piece = { kind: "text"; text: string } | { kind: "link"; text: string; url: string };

/**
 * The item's inline content in reading order, links kept whole. `resolve` gives the target of a
 * reference link (`[text][label]`) from the document's definitions. Images count as their alt
 * text; raw HTML (`<br/>`) as a space.
 */
export function piecesOf(nodes: readonly Nodes[], resolve: (identifier: string) => string | undefined): Piece[] {
  const pieces: Piece[] = [];
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "link" || node.type === "linkReference") {
      const url = node.type === "link" ? node.url : resolve(node.identifier);
      if (url !== undefined) {
        pieces.push({ kind: "link", text: plainText(node.children), url });
        continue;
      }
    }
    if (node.type === "html" || node.type === "break") pieces.push({ kind: "text", text: " " });
    else if (node.type === "image" || node.type === "imageReference") pieces.push({ kind: "text", text: node.alt ?? "" });
    else if ("value" in node && typeof node.value === "string") pieces.push({ kind: "text", text: node.value });
    else if ("children" in node) {
      // Blocks side by side (two paragraphs of an item) are separated by a space.
      if (node.type === "paragraph" || node.type === "heading") pieces.push({ kind: "text", text: " " });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return pieces;
}

/** The text a reader sees: link text, code, emphasis; no markup, no URLs. */
export function plainText(nodes: readonly Nodes[]): string {
  let text = "";
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "html") continue;
    if (node.type === "break") text += " ";
    else if (node.type === "image" || node.type === "imageReference") text += node.alt ?? "";
    else if ("value" in node && typeof node.value === "string") text += node.value;
    else if ("children" in node) {
      if (node.type === "paragraph" || node.type === "listItem" || node.type === "tableCell") text += " ";
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return text;
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The words of a run of pieces, links by their text. */
export function textOfPieces(pieces: readonly Piece[]): string {
  return normalizeSpace(pieces.map((piece) => piece.text).join(""));
}
