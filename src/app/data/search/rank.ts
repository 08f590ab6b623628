/**
 * What comes first: a name typed exactly, then names that begin with what was typed, then
 * concepts found through the name of a narrower concept, then names reached through a typo;
 * within each, the more relevant (MiniSearch's score, which for a concept also weighs how many
 * articles mention it).
 */

/** How a name matched a query, best first. */
export type MatchKind = "exact" | "prefix" | "narrower" | "fuzzy";

const TIER: Record<MatchKind, number> = { exact: 0, prefix: 1, narrower: 2, fuzzy: 3 };

/**
 * exact: the whole name (label, alias or title) is the query, case, accents and separators
 * aside; prefix: every word of the query is a word of the name or, for the word being typed,
 * the start of one; narrower: so, but of the names of a concept below it (`ownNames` false:
 * its own names do not hold the query); fuzzy: some word matched only with a typo.
 */
export function matchKind(namedExactly: boolean, typo: boolean, ownNames = true): MatchKind {
  if (namedExactly) return "exact";
  if (typo) return "fuzzy";
  return ownNames ? "prefix" : "narrower";
}

export interface Ranked {
  match: MatchKind;
  score: number;
}

/** Orders hits best first: by match kind, then by score. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return TIER[a.match] - TIER[b.match] || b.score - a.score;
}

/**
 * Counts what it is offered and keeps the `limit` best, best first (the first offered wins a
 * tie), without sorting everything: a three-letter query can match thousands of documents, of
 * which a few are shown.
 */
export class TopHits<T> {
  total = 0;
  readonly best: (Ranked & { value: T })[] = [];

  constructor(private readonly limit: number) {}

  offer(value: T, score: number, match: MatchKind = "prefix"): void {
    this.total++;
    const { best, limit } = this;
    // Most offers lose to the last kept hit: decide that before allocating anything.
    const tier = TIER[match];
    const last = best[limit - 1];
    if (best.length >= limit && !(last && ranksBefore(tier, score, last))) return;
    let at = best.length;
    while (at > 0 && ranksBefore(tier, score, best[at - 1]!)) at--;
    best.splice(at, 0, { value, score, match });
    if (best.length > limit) best.pop();
  }
}

function ranksBefore(tier: number, score: number, other: Ranked): boolean {
  const otherTier = TIER[other.match];
  return tier < otherTier || (tier === otherTier && score > other.score);
}

/**
 * Orders groups of hits (each already best first) by their best hit, so the single best match
 * heads the first group; `sort` is stable, so groups whose best hits rank alike keep the order
 * they came in.
 */
export function bestGroupFirst<G extends { hits: readonly Ranked[] }>(groups: readonly G[]): G[] {
  return groups
    .filter((group) => group.hits.length > 0)
    .sort((a, b) => compareRanked(a.hits[0]!, b.hits[0]!))
    .concat(groups.filter((group) => group.hits.length === 0));
}
