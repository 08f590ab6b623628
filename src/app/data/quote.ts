/**
 * Quoting evidence: from a mention's offsets to the sentence a reader sees, with the
 * mentioned words marked. Offsets come from the graph contract (UTF-16, end exclusive).
 */
import type { Evidence } from "../../core/types";
import type { ArticleNodeAttributes } from "../../core/graph/types";

export interface Quote {
  field: Evidence["field"];
  index: number;
  /** The sentence (possibly shortened with "…"), as plain text. */
  text: string;
  /** The mention inside `text`: `text.slice(markStart, markEnd)` is the mentioned words. */
  markStart: number;
  markEnd: number;
}

/** Sentences longer than this are cut around the mention, so lists stay scannable. */
const MAX_QUOTE = 220;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** The text of an evidence field, read from article attributes. */
export function evidenceText(article: ArticleNodeAttributes, evidence: Evidence): string {
  switch (evidence.field) {
    case "title":
      return article.label;
    case "description":
      return article.description;
    case "insight":
      return article.insights[evidence.index] ?? "";
  }
}

/**
 * The sentence of `text` that holds `[start, end)`, with the span's position inside it.
 * A mention that straddles a sentence boundary (an abbreviation the segmenter split on)
 * widens the quote to both sentences instead of losing words.
 */
export function quoteSpan(text: string, start: number, end: number): Omit<Quote, "field" | "index"> {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let sentenceStart = 0;
  let sentenceEnd = text.length;
  for (const segment of sentences.segment(text)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segmentEnd <= from) sentenceStart = segmentEnd;
    if (segment.index >= to && segment.index < sentenceEnd) {
      sentenceEnd = segment.index;
      break;
    }
  }
  let quoteStart = sentenceStart;
  let quoteEnd = sentenceEnd;
  // Trim leading/trailing white space the segmenter keeps with each sentence.
  while (quoteStart < from && /\s/.test(text[quoteStart]!)) quoteStart++;
  while (quoteEnd > to && /\s/.test(text[quoteEnd - 1]!)) quoteEnd--;

  let prefix = "";
  let suffix = "";
  if (quoteEnd - quoteStart > MAX_QUOTE) {
    const room = Math.max(0, MAX_QUOTE - (to - from));
    const before = Math.min(from - quoteStart, Math.floor(room / 2));
    const after = Math.min(quoteEnd - to, room - before);
    const cutStart = wordStartAfter(text, from - before, from);
    const cutEnd = wordEndBefore(text, to + after, to);
    if (cutStart > quoteStart) prefix = "…";
    if (cutEnd < quoteEnd) suffix = "…";
    quoteStart = cutStart;
    quoteEnd = cutEnd;
  }
  const body = text.slice(quoteStart, quoteEnd);
  return {
    text: prefix + body + suffix,
    markStart: prefix.length + (from - quoteStart),
    markEnd: prefix.length + (to - quoteStart),
  };
}

/** The first word start at or after `at` (never past `limit`), so a cut never halves a word. */
function wordStartAfter(text: string, at: number, limit: number): number {
  if (at <= 0 || /\s/.test(text[at - 1]!)) return at;
  let i = at;
  while (i < limit && !/\s/.test(text[i]!)) i++;
  while (i < limit && /\s/.test(text[i]!)) i++;
  return i;
}

/** The last word end at or before `at` (never before `limit`). */
function wordEndBefore(text: string, at: number, limit: number): number {
  if (at >= text.length || /\s/.test(text[at]!)) return at;
  let i = at;
  while (i > limit && !/\s/.test(text[i - 1]!)) i--;
  while (i > limit && /\s/.test(text[i - 1]!)) i--;
  return i;
}

export function quoteEvidence(article: ArticleNodeAttributes, evidence: Evidence): Quote {
  const text = evidenceText(article, evidence);
  return { field: evidence.field, index: evidence.index, ...quoteSpan(text, evidence.start, evidence.end) };
}
