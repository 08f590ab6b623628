/**
 * "Search the web for this title" (src/app/panels/find-article.ts): a web search for the title,
 * the title only in the query (URLSearchParams), whatever it holds, and the link's text fixed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIND_ARTICLE_TEXT, WEB_SEARCH, findArticleLink, webSearchUrl } from "../../../src/app/panels/find-article";

describe("webSearchUrl", () => {
  it("searches for the title, trimmed, encoded as a query", () => {
    expect(webSearchUrl("  How Postgres MVCC works (Netflix) ")).toBe("https://duckduckgo.com/?q=How+Postgres+MVCC+works+%28Netflix%29");
    expect(webSearchUrl("a&b=c#d")).toBe("https://duckduckgo.com/?q=a%26b%3Dc%23d");
    const url = new URL(webSearchUrl("C++ & Rust #1 — «ü»"));
    expect(url.searchParams.get("q")).toBe("C++ & Rust #1 — «ü»");
    expect(url.hash).toBe("");
  });

  it("keeps any title inside the query: same engine, no fragment, no other parameter, nothing HTML would read as markup", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (title) => {
        const href = webSearchUrl(title);
        const url = new URL(href);
        expect(`${url.origin}${url.pathname}`).toBe(WEB_SEARCH);
        expect([...url.searchParams.keys()]).toEqual(["q"]);
        expect(url.searchParams.get("q")).toBe(title.trim());
        expect(url.hash).toBe("");
        expect(href).toMatch(/^[A-Za-z0-9%+._~:/?=-]+$/);
      }),
    );
  });
});

describe("findArticleLink", () => {
  it("is a plain link that opens a new tab only when clicked, sending no referrer, with fixed text", () => {
    const title = '<img src=x onerror="alert(1)"> & "quotes"';
    expect(findArticleLink(title)).toEqual({
      href: webSearchUrl(title),
      text: FIND_ARTICLE_TEXT,
      rel: "noopener noreferrer",
      target: "_blank",
    });
    expect(FIND_ARTICLE_TEXT).toBe("Search the web for this title ↗");
  });

  it("is absent for a title with nothing to search for", () => {
    expect(findArticleLink("")).toBeUndefined();
    expect(findArticleLink(" \t\n")).toBeUndefined();
  });
});
