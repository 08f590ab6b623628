/**
 * V.E.R.A., the Virtual Entity of Relevant Acronyms: acronyms of computing with their
 * expansions. It is used only to give an acronym to a term the lexicon already has under its
 * expansion ("MVCC" for "multi-version concurrency control"), never to add bare acronyms:
 * short capitals are words too often ("CAT", "ACE"), and most acronyms have several expansions.
 *
 * An article is the acronym on one line and its expansion on the next, indented, with words
 * the dictionary also defines in brackets and its topics in a trailing parenthesis:
 * "Multi Version Concurrency Control (DB)".
 */
import { nameKey } from "../../src/core/extract/keys";
import type { DictArticle } from "./dictd";

export interface Acronym {
  acronym: string;
  /** The expansion as plain text: brackets, quotes and the trailing topics removed. */
  expansion: string;
}

export function parseVeraArticle(article: DictArticle): Acronym | undefined {
  const [acronym, ...rest] = article.text.replace(/\r/g, "").split("\n");
  const line = rest.map((l) => l.trim()).find((l) => l !== "");
  if (!acronym?.trim() || !line) return undefined;
  const expansion = line
    // Cross-references and equivalents after the topics: `[= Triple A]`, `, "8B/10B"`.
    .replace(/\s*\[=[^\]]*\]/g, "")
    .replace(/,\s*"[^"]*"\s*$/, "")
    .replace(/\s*\([^()]*\)\s*$/, "")
    // A bracketed word at the end qualifies the expansion ("... Control [system]"); inside, it is a word.
    .replace(/\s*\[[^\]]*\]$/, "")
    .replace(/[[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return expansion === "" ? undefined : { acronym: acronym.trim(), expansion };
}

/**
 * Whether an acronym is made of its expansion's initials, in order: of the first letter of each
 * word and of the capitals inside words ("RSVP" of "Resource ReSerVation Protocol"). The
 * dictionary holds loose pairs ("WMF" for "Wikipedia") that this leaves out.
 */
export function abbreviates(acronym: string, expansion: string): boolean {
  const initials = expansion
    .split(/[\s\-/]+/)
    .flatMap((word) => [...word].filter((c, i) => /\p{L}/u.test(c) && (i === 0 || /\p{Lu}/u.test(c))))
    .map((c) => c.toLowerCase());
  const letters = [...acronym.toLowerCase()].filter((c) => /\p{L}/u.test(c));
  if (letters[0] !== initials[0]) return false;
  let at = 0;
  for (const letter of letters) {
    at = initials.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Acronyms each lexicon key may take. An acronym is offered only when it is distinctive: three
 * letters or more, one expansion in the whole dictionary (or all its expansions are one term),
 * made of capitals and digits only, made of the expansion's initials, and not already a name or
 * alias in the lexicon.
 */
export function acronymsFor(acronyms: readonly Acronym[], taken: ReadonlySet<string>): Map<string, string[]> {
  const expansions = new Map<string, Set<string>>();
  const spelling = new Map<string, string>();
  const loose = new Set<string>();
  for (const { acronym, expansion } of acronyms) {
    const key = nameKey(acronym);
    if (!abbreviates(acronym, expansion)) loose.add(key);
    const set = expansions.get(key) ?? new Set<string>();
    set.add(nameKey(expansion));
    expansions.set(key, set);
    spelling.set(key, acronym);
  }
  const out = new Map<string, string[]>();
  for (const [key, targets] of expansions) {
    const acronym = spelling.get(key) as string;
    const letters = acronym.replace(/[^A-Za-z]/g, "");
    if (targets.size !== 1 || loose.has(key) || letters.length < 3 || !/^[A-Z][A-Z0-9]+$/.test(acronym) || taken.has(key)) continue;
    const [target] = targets as Set<string> & Iterable<string>;
    const list = out.get(target as string) ?? [];
    list.push(acronym);
    out.set(target as string, list);
  }
  return out;
}

/** Keys of the acronyms the dictionary expands in more than one way. */
export function ambiguousAcronyms(acronyms: readonly Acronym[]): Set<string> {
  const expansions = new Map<string, Set<string>>();
  for (const { acronym, expansion } of acronyms) {
    const set = expansions.get(nameKey(acronym)) ?? new Set<string>();
    set.add(nameKey(expansion));
    expansions.set(nameKey(acronym), set);
  }
  return new Set([...expansions].filter(([, set]) => set.size > 1).map(([key]) => key));
}
