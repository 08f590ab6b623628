/**
 * "Search the web for this title": what Details offers for an article that has no URL (the
 * bundled document's have none), so the article is one click away all the same. A plain link
 * that opens a web search in a new tab only when clicked: nothing is fetched before, the page
 * sends no referrer, and the search engine learns the title only then. The title reaches the
 * address only through URLSearchParams (so `&`, `#`, quotes or markup in it stay part of the
 * query) and never reaches the page as markup: the link's text is fixed.
 */
import { h } from "../dom";

/** The search engine's address; its query parameter is `q`. */
export const WEB_SEARCH = "https://duckduckgo.com/";

export const FIND_ARTICLE_TEXT = "Search the web for this title ↗";

/** The address of a web search for `title` (trimmed). */
export function webSearchUrl(title: string): string {
  const url = new URL(WEB_SEARCH);
  url.search = new URLSearchParams({ q: title.trim() }).toString();
  return url.href;
}

/** What the link is, as data: undefined for a title with nothing to search for. */
export function findArticleLink(title: string): { href: string; text: string; rel: string; target: string } | undefined {
  if (title.trim() === "") return undefined;
  return { href: webSearchUrl(title), text: FIND_ARTICLE_TEXT, rel: "noopener noreferrer", target: "_blank" };
}

/** The link's line in Details, or null. */
export function findArticle(title: string): HTMLElement | null {
  const link = findArticleLink(title);
  if (link === undefined) return null;
  const { text, ...attributes } = link;
  return h("p", { class: "article-link-line" }, h("a", attributes, text));
}
