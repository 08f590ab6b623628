/** Reads a hand-out back as a CommonMark + GFM reader does (mdast), to check what it became. */
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Nodes, Root } from "mdast";

export function readMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
    mdastExtensions: [gfmFromMarkdown()],
  });
}

/** Every node of `tree`, depth first. */
export function allNodes(tree: Nodes): Nodes[] {
  const found: Nodes[] = [tree];
  if ("children" in tree) for (const child of tree.children) found.push(...allNodes(child));
  return found;
}

/** The text of a node as a reader sees it (escapes undone, breaks as spaces). */
export function textOf(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "break") return " ";
  return "children" in node ? node.children.map((child) => textOf(child)).join("") : "";
}
