/**
 * What a URL written in a document may become. Decided on the WHATWG URL parser's reading of
 * it (`new URL`), never by a pattern over the raw string: the parser strips leading C0 controls
 * and spaces, removes tabs and newlines anywhere and lower-cases the scheme, which is exactly what
 * a browser does before following a link, so `java\tscript:`, `\x01javascript:` and
 * `JaVaScRiPt:` are all seen as the `javascript:` they are. Entities (`&#x09;`) are decoded by the
 * HTML and Markdown parsers before the URL reaches here.
 */

/** Schemes a page may link to. Everything else (javascript:, vbscript:, data:, file:, …) is shown as text. */
const LINKABLE = new Set(["http:", "https:", "mailto:"]);
const WEB = new Set(["http:", "https:"]);

function parsed(raw: string): URL | undefined {
  if (!URL.canParse(raw)) return undefined;
  return new URL(raw);
}

/**
 * The href a link to `raw` may carry on the page: the parser's serialisation of an absolute
 * http:, https: or mailto: URL; `undefined` for anything else (relative, malformed or another scheme).
 */
export function safeHref(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  const url = parsed(raw);
  if (!url || !LINKABLE.has(url.protocol)) return undefined;
  if (WEB.has(url.protocol) && url.hostname === "") return undefined;
  return url.href;
}

/** Whether `raw` is an absolute http(s) URL of a page with a host: what makes a list item an entry. */
export function isWebUrl(raw: string | undefined): boolean {
  if (raw === undefined || raw === "") return false;
  const url = parsed(raw);
  return url !== undefined && WEB.has(url.protocol) && url.hostname !== "";
}

/**
 * The identity of a web page for merging inputs: the same page whatever the scheme (http or
 * https), the host's case, a `www.` prefix, a default port, a trailing slash or a fragment.
 * Query strings are kept (they often name the page). `undefined` when `raw` is not a web URL.
 */
export function pageKey(raw: string | undefined): string | undefined {
  if (!isWebUrl(raw)) return undefined;
  const url = new URL(raw!);
  const host = url.hostname.replace(/^www\./, "");
  const port = url.port === "" ? "" : `:${url.port}`;
  const path = url.pathname.replace(/\/+$/, "");
  return `${host}${port}${path}${url.search}`;
}
