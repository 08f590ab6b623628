/**
 * Who a title credits, read from its trailing parentheses: `(Netflix)` → "Netflix".
 *
 * Rules, in order (documented because the parentheses also hold other things):
 * - only the last parenthesised group, and only when it ends the title;
 * - a comma-separated list names the source first and then a venue or qualifier:
 *   `(Google, NSDI'18)` → "Google", `(Marc Brooker, CMU)` → "Marc Brooker" (the person who wrote
 *   or gave it, not the affiliation), `(Cornell, Self-Guided)` → "Cornell";
 * - a possessive names the owner: `(Paul McKenney's perfbook)` → "Paul McKenney";
 * - a candidate carrying a digit is a venue, year, version or chapter, not a source:
 *   `(SPAA 2023)`, `(RFC 9000)`, `(MySQL 8.1)`, `(LC-3)` → "";
 * - a candidate that starts in lower case is a subject (`(io_uring, eBPF, networking)`), unless
 *   it is a domain name (`(interdb.jp)`);
 * - a generic descriptor is not a source: `(Book)`, `(Interactive)`, `(Red Book)`;
 * - a trailing "docs" or "blog" qualifies the publisher: `(Linux Kernel docs)` → "Linux Kernel".
 */
export function sourceOf(title: string): string {
  const group = /\(([^()]*)\)\s*$/.exec(title);
  if (!group?.[1]) return "";
  const first = group[1].split(",")[0]?.trim() ?? "";
  const owner = /^(.+?)['’]s\s+\S/u.exec(first)?.[1] ?? withoutPublisherSuffix(first);
  return isSourceName(owner) ? owner : "";
}

const PUBLISHER_SUFFIXES = new Set(["blog", "docs", "documentation", "engineering"]);

/**
 * `name` without a last word that qualifies the publisher. Found by words, not by a pattern
 * such as `/\s+(?:blog|…)$/`: unanchored, that one scans every run of spaces from each of its
 * positions, quadratic in a long run.
 */
function withoutPublisherSuffix(name: string): string {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  if (words.length < 2 || !PUBLISHER_SUFFIXES.has(last.toLowerCase())) return name;
  return name.slice(0, name.length - last.length).trimEnd();
}

const DESCRIPTORS = new Set([
  "book", "books", "chapter", "course", "draft", "edition", "guide", "interactive", "notes", "paper",
  "part", "pdf", "podcast", "preprint", "self-guided", "series", "slides", "talk", "thread",
  "tutorial", "video", "wiki",
]);

function isSourceName(name: string): boolean {
  if (name === "" || /\d/.test(name)) return false;
  const words = name.split(/\s+/);
  if (DESCRIPTORS.has(words[words.length - 1]!.toLowerCase())) return false;
  if (/^\p{Ll}/u.test(name)) return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name);
  return /^\p{L}/u.test(name);
}
