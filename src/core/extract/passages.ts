/**
 * Passages: the stretches of a field that compromise reads one at a time. compromise's tagging
 * of one long run of words with no sentence break grows far faster than the run (a 100 KB
 * insight of heading-like lines took minutes, nearly all of it in its matcher), so a field
 * longer than `MAX_PASSAGE` is cut into passages no longer than that, and each costs a bounded
 * time: extraction stays linear in the field's length.
 *
 * A cut is made at the best boundary in the second half of the allowed length: a sentence end,
 * else a line break, semicolon or comma, else whitespace, else (a single word thousands of
 * characters long) anywhere but inside a surrogate pair. Real fields are a few hundred characters
 * at most and are never cut. In a field that is, a name that spans a cut made at a comma or
 * whitespace is read as two pieces: the accepted loss for text far beyond any real sentence.
 */

/** The longest stretch compromise reads at once, in UTF-16 code units: ten times the longest real field. */
export const MAX_PASSAGE = 4_000;

export interface Passage {
  /** UTF-16 offsets into the field text, end exclusive. */
  start: number;
  end: number;
  /** The passage opens a sentence: the field's start, or a cut made at a sentence end. */
  opensSentence: boolean;
}

/** Kinds of boundary, best first. */
const SENTENCE = 0;
const CLAUSE = 1;
const SPACE = 2;
const NONE = 3;
type Boundary = typeof SENTENCE | typeof CLAUSE | typeof SPACE | typeof NONE;

function isSpace(code: number): boolean {
  // The ASCII blanks and every other character JavaScript's \s knows.
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
}

/** What kind of boundary lies just before `at`, where the previous passage would end. */
function boundaryBefore(text: string, at: number): Boundary {
  const before = text.charCodeAt(at - 1);
  if (!isSpace(before)) return NONE;
  // Skip a few closing quotes and brackets after a full stop: `He said "no." Then...`. A few
  // only, so that a long run of them costs no more than any other character.
  let k = at - 2;
  while (k >= Math.max(0, at - 5) && `"'’”)]`.includes(text.charAt(k))) k -= 1;
  const mark = text.charAt(k);
  if (mark === "." || mark === "!" || mark === "?") return SENTENCE;
  if (before === 0x0a || before === 0x0d || mark === ";" || mark === ",") return CLAUSE;
  return SPACE;
}

/** Where the passage that starts at `start` ends: a boundary in the window's second half, the best kind first. */
function cutAfter(text: string, start: number): { end: number; opensSentence: boolean } {
  const limit = start + MAX_PASSAGE;
  const best: Array<number | undefined> = [undefined, undefined, undefined];
  for (let at = limit; at > start + MAX_PASSAGE / 2; at -= 1) {
    const kind = boundaryBefore(text, at);
    if (kind !== NONE && best[kind] === undefined) best[kind] = at;
    if (kind === SENTENCE) break;
  }
  const sentence = best[SENTENCE];
  if (sentence !== undefined) return { end: sentence, opensSentence: true };
  const end = best[CLAUSE] ?? best[SPACE];
  if (end !== undefined) return { end, opensSentence: false };
  // No boundary at all: cut the word, but never between the halves of a surrogate pair.
  const low = text.charCodeAt(limit);
  return { end: low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit, opensSentence: false };
}

/**
 * The passages of `text`, in order, covering it exactly. A text of at most `MAX_PASSAGE`
 * characters is one passage.
 */
export function passages(text: string): Passage[] {
  const out: Passage[] = [];
  let start = 0;
  let opensSentence = true;
  while (text.length - start > MAX_PASSAGE) {
    const cut = cutAfter(text, start);
    out.push({ start, end: cut.end, opensSentence });
    start = cut.end;
    opensSentence = cut.opensSentence;
  }
  out.push({ start, end: text.length, opensSentence });
  return out;
}
