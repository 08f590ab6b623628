import { caseKey, pieces } from "./keys";
import type { LexiconIndex } from "./lexicon";

/** A word piece of a field, with what compromise said about the word it belongs to. */
export interface Token {
  text: string;
  /** UTF-16 offsets into the field text, end exclusive. */
  start: number;
  end: number;
  key: string;
  caseKey: string;
  /** compromise's tags for the whole word (a piece of "Kafka/Kinesis" shares them). */
  tags: ReadonlySet<string>;
  /** Index of the compromise term this piece came from, so rules can tell words apart. */
  word: number;
  /** First word of its sentence: capitals there prove nothing. */
  sentenceStart: boolean;
  /** Written with a possessive ('s). */
  possessive: boolean;
  /** Cut out of a word the export glued to its neighbours ("ranVACUUM" → "VACUUM"). */
  glued: boolean;
}

/** The part of a compromise term the tokenizer reads (compromise does not export this type). */
export interface TermLike {
  text: string;
  post: string;
  tags: Set<string>;
  index?: [number, number];
  offset?: { start: number; length: number };
}

const EMPTY_TAGS: ReadonlySet<string> = new Set();

/**
 * Turns compromise's terms (after `compute('offset')`) into word pieces, repairing words the
 * export glued together when the glued parts are a known name and a short English word.
 */
export function tokensOf(terms: readonly TermLike[], index: LexiconIndex): Token[] {
  const out: Token[] = [];
  terms.forEach((term, word) => {
    if (!term.offset || term.text === "") return;
    // compromise moves "++" and "#" after a letter into the whitespace that follows it.
    const suffix = /^(\+\+|\+|#)(?![\p{L}\p{N}])/u.exec(term.post)?.[1] ?? "";
    const text = term.text + suffix;
    const base = term.offset.start;
    const sentenceStart = (term.index?.[1] ?? 1) === 0;
    for (const piece of pieces(text)) {
      for (const part of unglue(piece.text, index)) {
        const raw = piece.text.slice(part.start, part.end);
        const ck = caseKey(raw);
        if (ck === "") continue;
        out.push({
          text: raw,
          start: base + piece.start + part.start,
          end: base + piece.start + part.end,
          key: ck.toLowerCase(),
          caseKey: ck,
          tags: term.tags ?? EMPTY_TAGS,
          word,
          sentenceStart: sentenceStart && piece.start === 0 && part.start === 0,
          possessive: /['’]s$/i.test(raw),
          glued: part.glued,
        });
      }
    }
  });
  return out;
}

interface Part {
  start: number;
  end: number;
  glued: boolean;
}

/**
 * Splits a word such as "ranVACUUM", "FULLat" or "pg_partmanfor" into its glued parts. A split
 * is made only where one side is a glue word (a short English function word) and the other is
 * a known name or a run of capitals, so real names such as "PostgreSQL" or "NVMe" stay whole.
 */
export function unglue(word: string, index: LexiconIndex): Part[] {
  const whole: Part[] = [{ start: 0, end: word.length, glued: false }];
  // Only a change of case or an underscore can hide a seam; most words have neither.
  if (word.length < 4 || !/[a-z][A-Z]|[A-Z]{2}[a-z]|_/.test(word)) return whole;
  if (index.forms.has(caseKey(word).toLowerCase())) return whole;
  const known = (s: string) => index.forms.has(caseKey(s).toLowerCase());
  const capitals = (s: string) => /^[A-Z][A-Z0-9_]+$/.test(s);

  // Glue word in front of a name: "ranVACUUM", "withAutomaticFlush".
  const front = /^([a-z]{2,})([A-Z].*)$/.exec(word);
  if (front?.[1] && front[2] && index.glueWords.has(front[1])) {
    const rest = unglue(front[2], index);
    const offset = front[1].length;
    return [
      { start: 0, end: offset, glued: true },
      ...rest.map((p) => ({ start: p.start + offset, end: p.end + offset, glued: true })),
    ];
  }
  // Name followed by a glue word: "FULLat", "pg_partmanfor". The longest glue word wins, so
  // "pg_partmanfor" is cut before "for", not before "or". Only tails as short as a glue word are
  // tried, so a word thousands of letters long costs no more than a short one.
  for (let cut = Math.max(2, word.length - longestGlueWord(index)); cut <= word.length - 2; cut += 1) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (!index.glueWords.has(tail.toLowerCase()) || tail !== tail.toLowerCase()) continue;
    if (known(head) || capitals(head)) {
      return [
        { start: 0, end: cut, glued: true },
        { start: cut, end: word.length, glued: true },
      ];
    }
  }
  return whole;
}

const glueLengths = new WeakMap<LexiconIndex, number>();

function longestGlueWord(index: LexiconIndex): number {
  let longest = glueLengths.get(index);
  if (longest === undefined) {
    longest = Math.max(0, ...[...index.glueWords].map((w) => w.length));
    glueLengths.set(index, longest);
  }
  return longest;
}

const CODE_LIKE = /^(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z]?[a-z0-9]+(?:[A-Z][a-z0-9]*)+)$/;

/**
 * Code-like words the document writes on their own somewhere: `work_mem`, `created_at`,
 * `ElementsV4`. They are the evidence for repairing the same identifiers where the export
 * glued them to a neighbour (`work_memis`, `cascadecheckpoint_completion_target`).
 */
export function standaloneIdentifiers(fields: ReadonlyArray<readonly Token[]>): Set<string> {
  const known = new Set<string>();
  for (const tokens of fields) for (const t of tokens) if (!t.glued && CODE_LIKE.test(t.text)) known.add(t.text);
  return known;
}

/**
 * Splits a code-like word into a known identifier and the plain word glued to it, at either
 * end: "work_memis" → "work_mem" + "is" when `work_mem` occurs elsewhere and "is" is a word.
 * An identifier that never occurs alone is cut where the document's other identifiers begin or
 * end: "naivelypg_stat_database" → "naively" + "pg_stat_database" when some `pg_…` stands
 * alone, "max_wal_sizetoo" → "max_wal_size" + "too" when some `…_size` does. The identifier
 * that is left is examined again, for words glued to both ends.
 */
export function splitGluedIdentifiers(
  tokens: readonly Token[],
  known: ReadonlySet<string>,
  isWord: (word: string) => boolean,
): Token[] {
  const segments = segmentsFor(known);
  const out: Token[] = [];
  const split = (t: Token): void => {
    const cut = CODE_LIKE.test(t.text) ? gluedCut(t.text, known, segments.longest, isWord) ?? segmentCut(t.text, known, segments, isWord) : undefined;
    if (cut === undefined) {
      out.push(t);
      return;
    }
    for (const [from, to] of [[0, cut], [cut, t.text.length]] as const) {
      const text = t.text.slice(from, to);
      const ck = caseKey(text);
      const part: Token = { ...t, text, start: t.start + from, end: t.start + to, key: ck.toLowerCase(), caseKey: ck, glued: true, sentenceStart: t.sentenceStart && from === 0 };
      if (CODE_LIKE.test(text) && text.includes("_")) split(part);
      else out.push(part);
    }
  };
  for (const t of tokens) split(t);
  return out;
}

interface Segments {
  /** How many of the identifiers written alone begin or end with each segment. */
  first: Map<string, number>;
  last: Map<string, number>;
  /**
   * The longest identifier written alone: no longer part of a word can be one, or one's first
   * or last segment, so cuts that would leave a longer one are not tried. Without this bound a
   * code-like word thousands of characters long would cost the square of its length.
   */
  longest: number;
}

// One document's identifiers serve every field of it: their segments are counted once.
const segmentCache = new WeakMap<ReadonlySet<string>, Segments>();

function segmentsFor(known: ReadonlySet<string>): Segments {
  let segments = segmentCache.get(known);
  if (!segments) {
    segments = segmentsOf(known);
    segmentCache.set(known, segments);
  }
  return segments;
}

/** First and last segments of the snake_case identifiers written alone: "pg", "max"; "mem", "size". */
function segmentsOf(known: ReadonlySet<string>): Segments {
  const segments: Segments = { first: new Map(), last: new Map(), longest: 0 };
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const id of known) {
    segments.longest = Math.max(segments.longest, id.length);
    const parts = id.split("_");
    if (parts.length < 2) continue;
    count(segments.first, parts[0] as string);
    count(segments.last, parts[parts.length - 1] as string);
  }
  return segments;
}

function segmentCut(word: string, known: ReadonlySet<string>, segments: Segments, isWord: (word: string) => boolean): number | undefined {
  if (!word.includes("_")) return undefined;
  const first = word.slice(0, word.indexOf("_"));
  const lastStart = word.lastIndexOf("_") + 1;
  const last = word.slice(lastStart);
  // A glued identifier is written alone too, as far as the document can tell: only the other
  // identifiers' segments count as evidence.
  const own = known.has(word) ? 1 : 0;
  const elsewhere = (map: Map<string, number>, segment: string, self: boolean) => (map.get(segment) ?? 0) - (self ? own : 0) > 0;
  // The longest known segment wins, and the glued-on part must be a word.
  if (!elsewhere(segments.first, first, true)) {
    for (let cut = Math.max(2, first.length - segments.longest); cut <= first.length - 2; cut += 1) {
      if (elsewhere(segments.first, first.slice(cut), false) && isWord(first.slice(0, cut))) return cut;
    }
  }
  if (!elsewhere(segments.last, last, true)) {
    for (let cut = Math.min(last.length - 2, segments.longest); cut >= 2; cut -= 1) {
      if (elsewhere(segments.last, last.slice(0, cut), false) && isWord(last.slice(cut))) return lastStart + cut;
    }
  }
  return undefined;
}

// The glued-on part must be a word the document uses, so "pg_statistic" is not "pg_stat" + "istic".
function gluedCut(word: string, known: ReadonlySet<string>, longest: number, isWord: (word: string) => boolean): number | undefined {
  // The longest known identifier wins: "created_atand" is "created_at" + "and".
  for (let cut = Math.min(word.length - 2, longest); cut >= 3; cut -= 1) {
    if (known.has(word.slice(0, cut)) && isWord(word.slice(cut))) return cut;
  }
  for (let cut = Math.max(2, word.length - longest); cut <= word.length - 3; cut += 1) {
    if (known.has(word.slice(cut)) && isWord(word.slice(0, cut))) return cut;
  }
  return undefined;
}

/**
 * The indexes of the pieces of a field that lie inside [start, end). Pieces are in text order, so the first
 * is found by bisection: a field with thousands of names stays linear.
 */
export function piecesWithin(ts: readonly Token[], start: number, end: number): number[] {
  let low = 0;
  let high = ts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ts[middle] as Token).start < start) low = middle + 1;
    else high = middle;
  }
  const out: number[] = [];
  for (let i = low; i < ts.length && (ts[i] as Token).start < end; i += 1) if ((ts[i] as Token).end <= end) out.push(i);
  return out;
}

/**
 * The pieces of a field inside [start, end) when none of them belongs to a lexicon name (a
 * brand's pieces may be read again: its type is the text's to tell); none otherwise, or when
 * the span holds no piece. The rules that read names from patterns ask this before proposing one.
 */
export function openPiecesWithin(
  field: { tokens: readonly Token[]; claimed: readonly boolean[]; brand: readonly boolean[] },
  start: number,
  end: number,
): number[] | undefined {
  const inside = piecesWithin(field.tokens, start, end);
  return inside.length > 0 && inside.every((i) => !field.claimed[i] || field.brand[i]) ? inside : undefined;
}
