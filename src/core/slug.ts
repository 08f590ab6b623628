/**
 * The graph's key slug: NFKD without combining marks (accents), lower case, apostrophes dropped,
 * `+` → `plus`, `#` → `sharp`, every other run of characters outside `a-z0-9` → `-`, trimmed of `-`.
 * `C++` → `cplusplus`, `io_uring` → `io-uring`, `Little's Law` → `littles-law`.
 */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    // NFKD splits "è" into "e" and a combining accent; the accent goes, the letter stays.
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/\+/g, "plus")
    .replace(/#/g, "sharp")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
