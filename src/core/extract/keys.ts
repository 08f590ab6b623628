/**
 * Keys under which surface forms are compared. Both the lexicon and the text are cut into the
 * same word pieces and each piece is reduced the way the gold scorer reduces names (NFKD, lower
 * case, trailing possessive dropped, only `a-z 0-9 + #` kept), then the pieces are concatenated.
 * That makes "LSM-tree", "LSM tree" and "lsmtree" one key without caring how compromise split
 * the words, while a match can still only start and end on word boundaries.
 */

import { allMatches } from "./matches";

/** A word piece of a text, with UTF-16 offsets relative to the string it was cut from. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

// Letters, digits, underscores and inner apostrophes; "++" or "#" glued to the end belong to
// the name (C++, C#, F#, B+ tree). Slashes, hyphens, dots and plus signs between words separate pieces,
// so "Kafka/Kinesis", "Node.js" and "cron+ClickLoad" are seen word by word.
const PIECE = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)*(?:(?:\+\+|\+|#)(?![\p{L}\p{N}]))?/gu;

export function pieces(text: string): Piece[] {
  return allMatches(text, PIECE).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const POSSESSIVE = /['’]s$/i;

/** The case-preserving reduction of one piece: possessive dropped, punctuation dropped. */
export function caseKey(piece: string): string {
  return piece
    .normalize("NFKD")
    .replace(POSSESSIVE, "")
    .replace(/[^A-Za-z0-9+#]/g, "");
}

/** The reduction of one piece used for lookups. */
export function pieceKey(piece: string): string {
  return caseKey(piece).toLowerCase();
}

/** The lookup key of a whole name: its pieces reduced and concatenated. */
export function nameKey(name: string): string {
  return pieces(name)
    .map((p) => pieceKey(p.text))
    .join("");
}

/** The case-preserving key of a whole name, for names that must match with their case. */
export function nameCaseKey(name: string): string {
  return pieces(name)
    .map((p) => caseKey(p.text))
    .join("");
}

/**
 * Singular candidates of a key whose last word may be plural: "bloomfilters" → "bloomfilter",
 * "proxies" → "proxy", "caches" → "cache"/"cach". Callers look the candidates up and keep the
 * first that exists, so a wrong candidate costs nothing.
 */
export function singularKeys(key: string): string[] {
  const out: string[] = [];
  if (key.length < 4) return out;
  if (key.endsWith("ies")) out.push(`${key.slice(0, -3)}y`);
  if (key.endsWith("es")) out.push(key.slice(0, -2));
  if (key.endsWith("s") && !key.endsWith("ss")) out.push(key.slice(0, -1));
  return out;
}

/** The normalisation of the gold scorer, applied to a whole name. */
export function scoreKey(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^a-z0-9+#]/g, "");
}
