/**
 * Reads a dictionary in the dictd format (RFC 2229 servers' files, as Debian's dict-* packages
 * install them): an `.index` of `headword TAB offset TAB length` lines, offsets and lengths in
 * dictd's base-64 digits, into a `.dict.dz`, which is gzip with a random-access extension that
 * plain gunzip ignores.
 */
import { gunzipSync } from "node:zlib";
import { InputError } from "../../src/core/types";

/** One article of a dictionary, under every headword that points at it. */
export interface DictArticle {
  /** Headwords as the index lists them (dictd indexes fold case: "mvcc"). */
  headwords: string[];
  /** The article as stored, its headword lines included. */
  text: string;
}

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeNumber(digits: string, line: number): number {
  let n = 0;
  for (const digit of digits) {
    const value = DIGITS.indexOf(digit);
    if (value < 0) throw new InputError(`"${digits}" is not a dictd number`, line);
    n = n * 64 + value;
  }
  return n;
}

/**
 * The articles of a dictionary, in index order, each once. The server's own entries
 * (`00-database-info`, `00-database-url`...) describe the dictionary, not a word, and are left out.
 */
export function readDictd(index: string, data: Buffer): DictArticle[] {
  const byPlace = new Map<string, DictArticle>();
  index.split("\n").forEach((row, i) => {
    if (row.trim() === "") return;
    const [headword, offset, length] = row.split("\t");
    if (headword === undefined || offset === undefined || length === undefined) {
      throw new InputError("expected: headword, offset and length separated by tabs", i + 1);
    }
    if (headword.startsWith("00-database-") || headword.startsWith("00database")) return;
    const place = `${offset}\t${length}`;
    const known = byPlace.get(place);
    if (known) {
      known.headwords.push(headword);
      return;
    }
    const start = decodeNumber(offset, i + 1);
    const end = start + decodeNumber(length, i + 1);
    if (end > data.length) throw new InputError(`"${headword}" points past the end of the dictionary`, i + 1);
    byPlace.set(place, { headwords: [headword], text: data.subarray(start, end).toString("utf8") });
  });
  return [...byPlace.values()];
}

/** The uncompressed text of a `.dict.dz` (or of a plain `.dict`). */
export function inflateDict(bytes: Buffer): Buffer {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
