/**
 * Text and links for a Markdown hand-out. Everything written here comes from a document or a
 * tour, so it is data: a title such as "[click](javascript:…)", "<img onerror=…>" or "# Not a
 * heading" must read as those characters and never become a link, HTML or a heading. CommonMark
 * lets a backslash escape any ASCII punctuation, so escaping is always safe; the escapes below
 * cover every construct CommonMark and GFM can open (emphasis, code, links, images, autolinks,
 * raw HTML, entities, tables, strikethrough, and the block markers a line may start with), and
 * leave the rest of the text as written, for people reading the raw file; GFM's bare-address
 * links need another means (see `BARE_AUTOLINK`).
 */
import { isWebUrl } from "../url";

/** Characters that open or close an inline construct wherever they stand. */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~]/g;

/**
 * GFM readers link bare web and e-mail addresses found in a paragraph's text ("https://…",
 * "www.…", "someone@host.example"), and remark does so in the text after escapes are undone, so
 * no escape can stop it. An invisible word joiner after the scheme's colon, after "www" and after
 * an "@" breaks the pattern and keeps what shows.
 */
export const WORD_JOINER = "\u2060";
const BARE_AUTOLINK = /(https?:)(?=\/\/)|(www)(?=\.)|(@)/gi;

/**
 * A line that starts with one of these opens a block (heading, quote, list, thematic break,
 * setext underline, fence); ordered lists open with digits and "." or ")".
 */
const BLOCK_START = /^(?:[#>+\-=]|\d{1,9}[.)])/;

/**
 * `text` as one line of Markdown that reads as exactly that text (with word joiners where it
 * holds a bare address, which show as nothing): runs of whitespace (newlines included) become
 * one space, syntax characters are escaped, and so is a block marker at its start, since a
 * hand-out puts text at the start of lines and list items.
 */
export function escapeText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  let escaped = line
    .replace(INLINE_SYNTAX, "\\$&")
    .replace(BARE_AUTOLINK, `$&${WORD_JOINER}`)
    // An ATX heading's closing sequence ("Title ##") is a run of "#" after a space.
    .replace(/(^|\s)#/g, "$1\\#");
  const start = BLOCK_START.exec(escaped);
  if (start && !escaped.startsWith("\\")) {
    const marker = start[0];
    // "1." stays "1" + "\.": the digits alone open nothing.
    escaped = /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${escaped.slice(marker.length - 1)}` : `\\${escaped}`;
  }
  return escaped;
}

/**
 * The destination to write for a link to `raw`, or undefined when it is not an absolute http(s)
 * URL of a page with a host. It is the URL parser's serialisation (spaces, quotes, `<`, `>` and
 * controls percent-encoded), with parentheses and backslashes encoded too, since they end or
 * escape a Markdown destination, and `&` escaped, since Markdown would decode an entity there.
 */
export function linkTarget(raw: string | undefined): string | undefined {
  if (!isWebUrl(raw)) return undefined;
  return new URL(raw!).href
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29")
    .replace(/\\/g, "%5C")
    .replace(/&/g, "\\&");
}

/** What a Markdown reader takes the destination written by `linkTarget` to be (its backslash escapes undone). */
export function linkTargetAsRead(raw: string | undefined): string | undefined {
  return linkTarget(raw)?.replace(/\\&/g, "&");
}

/** `[text](target)` for a web URL, else the text alone (escaped). */
export function linkOrText(text: string, url: string | undefined): string {
  const target = linkTarget(url);
  const label = escapeText(text);
  return target === undefined || label === "" ? label : `[${label}](${target})`;
}
