/**
 * How search reads text: folded words, with compounds ("io_uring", "pg-repack", "Node.js")
 * written any way a person might type them. Shared by the indexes and the queries, so that both
 * sides of a match are read alike.
 */

/** Case and accent folding: "Café" and "cafe" are one word. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

// Words are runs of letters and digits, keeping + and # so "C++" and "C#" stay themselves.
const WORD = /[\p{L}\p{N}+#]+(?:[-_./'][\p{L}\p{N}+#]+)*/gu;
const JOINER = /[-_./']/;

/** The folded words of a text, each as its parts: "io_uring rings" → [["io", "uring"], ["rings"]]. */
function words(text: string): string[][] {
  return [...fold(text).matchAll(WORD)].map((match) => match[0].split(JOINER).filter(Boolean));
}

/**
 * Splits text into folded words; a compound such as "io_uring", "pg-repack" or "Node.js" gives
 * its parts and the joined form, so each way of writing it finds it. This is how insight text
 * is indexed.
 */
export function tokenize(text: string): string[] {
  return words(text).flatMap((parts) => (parts.length > 1 ? [...parts, parts.join("")] : parts));
}

/**
 * How a query is read: every part of a compound is a word of its own, so a hyphen, an
 * underscore and a space say the same thing ("lsm-tree" is "lsm tree", "io_uring" is "io
 * uring"). The written-together form ("iouring") is a word of the index instead (see
 * `tokenizeName`), which is why the query need not carry it: every query word is required, and
 * a joined form required too would miss every name written with a space ("LSM tree").
 */
export function queryTerms(query: string): string[] {
  return words(query).flat();
}

/**
 * A name as one key, for telling an exact match: folded, with spaces, hyphens, underscores and
 * dots left out, so "lsm-tree", "LSM tree" and "LSMTree" are one name, and so are "io uring"
 * and "io_uring".
 */
export function nameKey(text: string): string {
  return words(text).flat().join("");
}

/**
 * Names (a concept's label and aliases, one a line; an article's title) are indexed in two
 * fields. "names": whole words, a compound joined ("iouring"). "parts": the parts of compounds
 * ("io", "uring"), weighing less, so that "pg" finds the concept whose alias is PG before every
 * pg_* identifier that merely starts with it.
 *
 * A name of several words is not indexed run together ("lsmtree"): that token would be unique
 * to its name, and each such token a prefix reaches costs MiniSearch a look-up of its own
 * (2.4× the time of a three-letter keystroke on the benchmark's graph). A name typed run
 * together is found by its `nameKey` instead.
 */
export function tokenizeName(text: string, field?: string): string[] {
  return words(text).flatMap((parts) => (field === "parts" ? (parts.length > 1 ? parts : []) : [parts.join("")]));
}
