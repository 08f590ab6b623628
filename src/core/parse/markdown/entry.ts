/**
 * What an entry is made of: a list item's or a table row's main link, its other links and words.
 */
import type { Link as DocumentLink } from "../../types";
import { isWebUrl } from "../../url";
import { normalizeSpace, textOfPieces, type Piece } from "./text";

type LinkPiece = Extract<Piece, { kind: "link" }>;

/** Words that introduce a person rather than the work: `… thanks to [Its Lecturer](url)`. */
const PERSON_CUE = /(?:^|[\s,(])(?:by|thanks to|with|courtesy of|authors?:?)\s*$/iu;
/** Hosts whose one-segment paths are people's or organisations' profiles. */
const PROFILE_HOSTS = new Set(["github.com", "gitlab.com", "twitter.com", "x.com", "linkedin.com", "medium.com", "mastodon.social"]);

/**
 * The item's main link, by this rule: the first link to a web page that is not a pointer to a
 * person, else the first link to a web page. A link points to a person when the words before it
 * introduce one ("by", "thanks to", "with", "courtesy of", "author:") or when it leads to a home
 * page rather than a work: a bare domain (`https://janedoe.example/`), a `~user` directory, or a
 * profile on a code or social host (`github.com/janedoe`, `linkedin.com/in/janedoe`).
 * Returns the index of the main link in `pieces`, or -1 when no link goes to a web page.
 */
export function mainLinkIndex(pieces: readonly Piece[]): number {
  let first = -1;
  let textBefore = "";
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (piece.kind === "link" && isWebUrl(piece.url)) {
      if (first < 0) first = index;
      if (!PERSON_CUE.test(textBefore) && !isHomePage(piece.url)) return index;
    }
    textBefore = piece.kind === "text" ? textBefore + piece.text : "";
  }
  return first;
}

export function isHomePage(url: string): boolean {
  const { hostname, pathname, search } = new URL(url);
  if (search !== "") return false;
  const segments = pathname.split("/").filter((segment) => segment !== "");
  if (segments.length === 0) return true;
  if (segments.length === 1 && segments[0]!.startsWith("~")) return true;
  const host = hostname.replace(/^www\./, "");
  if (!PROFILE_HOSTS.has(host)) return false;
  return segments.length === 1 || (host === "linkedin.com" && segments.length === 2 && segments[0] === "in");
}

/** Link text that only spells an address (`youtube.com`, `https://stripe.com/blog/`) names no work. */
export function isBareAddress(text: string): boolean {
  return text === "" || (!/\s/.test(text) && (isWebUrl(text) || /^[\p{L}\d-]+(\.[\p{L}\d-]+)+(\/\S*)?$/u.test(text)));
}

/** Further links of an item, in reading order: all but the main one and in-page anchors. */
export function furtherLinks(pieces: readonly Piece[], main: LinkPiece): DocumentLink[] {
  return pieces
    .filter((piece): piece is LinkPiece => piece.kind === "link" && piece !== main && piece.url !== "" && !piece.url.startsWith("#"))
    .map((piece) => ({ text: normalizeSpace(piece.text), url: piece.url }));
}

const YEAR = "(1[5-9]\\d\\d|20\\d\\d)";
/** Text before the title that is only a year: `1979,` `(1979)` `1979:`. */
const LEADING_YEAR = new RegExp(`^\\(?${YEAR}\\)?[\\s,.:;–—-]*$`, "u");
/** A part of the text after the title that is only a year: `(1979)`, `1979.` */
const YEAR_PART = new RegExp(`^\\(?${YEAR}\\)?\\.?$`, "u");
/** One separator between the link and the words after it: ` - `, ` — `, `: `, `, `. */
const OPENING_SEPARATOR = /^\s*(?:[-–—:,;.]\s+|[:,;]\s*)?/u;
const SEPARATORS = new Set([..." \t\n,;:–—-"]);

/** `text` without separators at its end (a loop: a `[…]+$` pattern is quadratic on long runs). */
function trimClosingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && SEPARATORS.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * The words around the main link of a list item: `description` and `year`.
 * - A year stated on its own is the year: the whole text before the link (`1979, [Paper](url)`)
 *   or the last comma-separated part after it (`[Paper](url), SIGMOD, 1979`, `[Paper](url) (1979)`).
 *   A venue is not a source (the source names who made the work): it stays in the description.
 * - Separators between the link and the words (` - `, ` — `, `: `, `, `) are dropped.
 * - Words on one side only are the description (`[Title](url) - what it is`, `Some words: [Title](url)`).
 *   Words on both sides read as one sentence with the link (`CMU [A Course](url), thanks to
 *   [Its Lecturer](url)`), so the description is the whole sentence, the title's words included.
 */
export function wordsAround(pieces: readonly Piece[], mainIndex: number): { description: string; year?: number } {
  let before = textOfPieces(pieces.slice(0, mainIndex));
  let after = textOfPieces(pieces.slice(mainIndex + 1));
  let year: number | undefined;
  const leading = LEADING_YEAR.exec(before);
  if (leading) {
    year = Number(leading[1]);
    before = "";
  } else {
    const parts = after.replace(OPENING_SEPARATOR, "").split(",");
    const last = YEAR_PART.exec(parts[parts.length - 1]!.trim());
    if (last) {
      year = Number(last[1]);
      after = trimClosingSeparators(parts.slice(0, -1).join(","));
    }
  }
  before = trimClosingSeparators(before);
  after = after.replace(OPENING_SEPARATOR, "").trim();
  if (before === "") return { description: after, year };
  if (after === "") return { description: before, year };
  return { description: textOfPieces(pieces), year };
}
