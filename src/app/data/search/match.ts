/**
 * Runs a query over a MiniSearch index word by word, every word required, forgiving typos:
 * MiniSearch's own prefix and Levenshtein matching, plus a swap of two neighbouring letters
 * counted as one edit ("kafak" → "kafka", "epbf" → "ebpf").
 *
 * Quick while typing: each word only scores the documents the earlier words left, and the work
 * done for finished words is kept for the next keystroke.
 */
import type MiniSearch from "minisearch";

export interface TermRules {
  /** Minimum length of a last word for it to match as a prefix. */
  minPrefix: number;
  /** Levenshtein distance a word may be off by (MiniSearch's `fuzzy`). */
  fuzzy: (term: string) => number | false;
  /** Whether a swap of two neighbouring letters also matches (see `transpositions`). */
  swaps: boolean;
}

/** The documents that match every term of a query. */
export interface QueryMatches {
  /** `typo`: some query word matched this document only with a typo. */
  forEach(visit: (id: string, score: number, typo: boolean) => void): void;
  /** The words of a matching document that the query matched, for quoting it. */
  words(id: string): string[];
}

/** Swaps are tried from this length on: in shorter words they mostly make other words. */
const MIN_SWAP_LENGTH = 4;

/**
 * A swap weighs what MiniSearch gives a one-letter typo (its default fuzzy weight, 0.45, for a
 * word of this length), so a transposed word ranks with the other typos, not as an exact word.
 */
const SWAP_WEIGHT = 0.45;

/**
 * Every word one swap of neighbouring letters away from `term`: "kafak" → "akfak", "kfaak",
 * "kaafk", "kafka".
 *
 * Why expand the query rather than filter MiniSearch's fuzzy candidates by Damerau distance: a
 * swap is two edits to Levenshtein, so the filter would need MiniSearch's fuzzy search at one
 * more edit than the word is allowed, the costliest step of a keystroke, growing steeply with
 * the distance, and two edits over a whole vocabulary are mostly noise to throw away. The
 * expansion adds at most length − 1 exact look-ups in MiniSearch's radix tree, each as cheap
 * as the word is long, and only swaps of real letters are tried.
 */
export function transpositions(term: string): string[] {
  const letters = [...term];
  if (letters.length < MIN_SWAP_LENGTH) return [];
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const copy = [...letters];
    [copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!];
    swapped.add(copy.join(""));
  }
  return [...swapped];
}

/** Finished-word results kept per index: a few queries' worth of typing and deleting. */
const FINISHED_CACHE_SIZE = 32;

/** A document that matched every query term so far. */
interface Match {
  score: number;
  /** The document's words that matched (exactly, by prefix or with a typo). */
  words: string[];
  typo: boolean;
}

type Matches = ReadonlyMap<string, Match>;

const NO_MATCHES: QueryMatches = { forEach: () => {}, words: () => [] };

interface TermResult {
  id: string;
  score: number;
  /** The document's words that matched. */
  terms: string[];
}

/** Whether a document matched `term` only through a typo: none of its matched words is the term (or, typing, starts with it). */
function byTypo(term: string, prefix: boolean, result: TermResult): boolean {
  // Called for every matching document on every keystroke: a plain loop, no closure.
  for (const word of result.terms) if (word === term || (prefix && word.startsWith(term))) return false;
  return true;
}

/**
 * Each term only scores the documents the earlier ones left (the others get a document boost of
 * 0, which MiniSearch skips in its scoring loop, before any allocation), and the matches of the
 * finished words are kept: as a person types, the query grows by its last word, so a keystroke
 * scores only that word, against what the finished ones left.
 *
 * Ranking is MiniSearch's own: a document's score is the sum of its terms' scores, as with
 * `combineWith: "AND"` (which scales every score of a query by the same term count).
 */
export function termByTermSearch(index: MiniSearch, rules: TermRules): (terms: readonly string[]) => QueryMatches {
  const finished = new Map<string, Matches>();

  function searchTerm(before: Matches | undefined, term: string, prefix: boolean): TermResult[] {
    const boostDocument = before ? (id: string) => (before.has(id) ? 1 : 0) : undefined;
    const options = { prefix, fuzzy: rules.fuzzy(term), boostDocument };
    const swaps = rules.swaps ? transpositions(term) : [];
    if (swaps.length === 0) return index.search(term, options) as TermResult[];
    const swapped = { queries: swaps, fuzzy: false, boostTerm: () => SWAP_WEIGHT };
    return index.search({ combineWith: "OR", queries: [term, swapped] }, options) as TermResult[];
  }

  function afterFinished(terms: readonly string[]): Matches | undefined {
    if (terms.length === 0) return undefined;
    const key = terms.join(" ");
    let matches = finished.get(key);
    if (matches) {
      finished.delete(key); // most recently used goes last
    } else {
      const before = afterFinished(terms.slice(0, -1));
      const term = terms.at(-1)!;
      const narrowed = new Map<string, Match>();
      if (before?.size !== 0) {
        for (const result of searchTerm(before, term, false)) {
          const earlier = before?.get(result.id);
          narrowed.set(result.id, {
            score: result.score + (earlier?.score ?? 0),
            words: earlier ? [...earlier.words, ...result.terms] : result.terms,
            typo: (earlier?.typo ?? false) || byTypo(term, false, result),
          });
        }
      }
      matches = narrowed;
      if (finished.size >= FINISHED_CACHE_SIZE) finished.delete(finished.keys().next().value!);
    }
    finished.set(key, matches);
    return matches;
  }

  return (terms) => {
    const last = terms.at(-1);
    const before = afterFinished(terms.slice(0, -1));
    if (last === undefined || before?.size === 0) return NO_MATCHES;
    // The word being typed is scored on every keystroke and read once: no map, no copies.
    const prefix = last.length >= rules.minPrefix;
    const results = searchTerm(before, last, prefix);
    return {
      forEach(visit) {
        for (const result of results) {
          const earlier = before?.get(result.id);
          visit(result.id, result.score + (earlier?.score ?? 0), (earlier?.typo ?? false) || byTypo(last, prefix, result));
        }
      },
      words(id) {
        const result = results.find((r) => r.id === id);
        return result ? [...(before?.get(id)?.words ?? []), ...result.terms] : [];
      },
    };
  };
}
