/**
 * Hand-outs: a reading list in Markdown, for a study group to take home. The caller decides which
 * articles and how they are grouped (a selection grouped by concept, a region, a tour grouped by
 * step); this module only writes them, in the order given, every piece of text escaped (see
 * `escapeText`) and only http(s) URLs linked (see `linkTarget`). Pure: the same input gives the
 * same bytes.
 */
import type { ArticleNodeAttributes } from "../graph/types";
import { escapeText, linkOrText, linkTarget } from "./markdown";

export { escapeText, linkTarget, linkTargetAsRead } from "./markdown";

/** What a hand-out says about an article: its node attributes, or any object with these fields. */
export type HandoutArticle = Pick<ArticleNodeAttributes, "label" | "source" | "section" | "subsection" | "insights"> &
  Partial<Pick<ArticleNodeAttributes, "url" | "links" | "year" | "description" | "note">>;

export interface HandoutGroup {
  /** A heading over the group (a concept, a region, a tour step); a group without one continues the list. */
  heading?: string;
  /** A few words under the heading (a tour step's note), as text. */
  note?: string;
  articles: readonly HandoutArticle[];
}

export interface ReadingListInput {
  title: string;
  /** A sentence or two under the title: what the list is of. */
  intro?: string;
  groups: readonly HandoutGroup[];
}

/** Sub-bullets of an item are indented under its text (the width of "- "). */
const INDENT = "  ";

/**
 * A Markdown reading list: the title as a heading, the intro, then each group under its heading
 * with its note, and its articles as a list. An article reads: its title (a link when it has an
 * http(s) URL), its source and year; where it sits in the document (section › subsection); its
 * description; its further http(s) links; then its key insights as sub-bullets.
 */
export function readingList(input: ReadingListInput): string {
  const blocks: string[] = [`# ${escapeText(input.title)}`];
  const intro = paragraphs(input.intro);
  blocks.push(...intro);
  for (const group of input.groups) {
    const heading = group.heading === undefined ? "" : escapeText(group.heading);
    if (heading !== "") blocks.push(`## ${heading}`);
    blocks.push(...paragraphs(group.note));
    blocks.push(group.articles.length > 0 ? group.articles.map(articleItem).join("\n") : "*No articles.*");
  }
  return `${blocks.join("\n\n")}\n`;
}

/** A note or intro as paragraphs of text: blank lines part them, other line breaks are spaces. */
function paragraphs(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(/\n[ \t]*\n/)
    .map(escapeText)
    .filter((paragraph) => paragraph !== "");
}

function articleItem(article: HandoutArticle): string {
  // Hard line breaks (a backslash at the end of a line) keep the item's facts on lines of their own.
  const lines = [headline(article)];
  const place = [article.section, article.subsection].map(escapeText).filter((part) => part !== "").join(" › ");
  if (place !== "") lines.push(place);
  const description = escapeText(article.description ?? "");
  if (description !== "") lines.push(description);
  const note = escapeText(article.note ?? "");
  if (note !== "") lines.push(note);
  const further = furtherLinks(article);
  if (further !== "") lines.push(`Also: ${further}`);
  const item = [`- ${lines.join(`\\\n${INDENT}`)}`];
  for (const insight of article.insights) {
    const text = escapeText(insight);
    if (text !== "") item.push(`${INDENT}- ${text}`);
  }
  return item.join("\n");
}

/** "[Title](url) — Netflix, 2019": the source and the year when there are any. */
function headline(article: HandoutArticle): string {
  const title = linkOrText(article.label, article.url) || "Untitled";
  const about = [escapeText(article.source), article.year === undefined ? "" : String(article.year)].filter((part) => part !== "");
  return about.length > 0 ? `${title} — ${about.join(", ")}` : title;
}

/** The article's other http(s) links, each once and not its main URL again, by their text (else their host). */
function furtherLinks(article: HandoutArticle): string {
  const seen = new Set([linkTarget(article.url)]);
  const links: string[] = [];
  for (const link of article.links ?? []) {
    const target = linkTarget(link.url);
    if (target === undefined || seen.has(target)) continue;
    seen.add(target);
    const text = link.text.trim() || new URL(link.url).host;
    links.push(linkOrText(text, link.url));
  }
  return links.join(", ");
}
