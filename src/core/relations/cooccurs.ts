/**
 * Co-occurrence: two concepts are joined when articles name them together significantly more
 * often than chance would. Counting shared articles alone joins every hub to everything: a concept
 * named by a third of the articles shares some with nearly every other concept. So each pair is
 * tested against independence instead.
 *
 * The test is Dunning's log-likelihood ratio G² on the pair's 2×2 table (articles that name both,
 * one, the other, neither). It suits counts this small and this skewed, where the normal
 * approximation behind χ² overstates rare events (Dunning 1993, "Accurate methods for the
 * statistics of surprise and coincidence"), and it costs a few logarithms, where an exact
 * hypergeometric p-value would sum a tail per pair. The test is one-sided: only pairs seen together
 * more often than expected (`df_a · df_b / N`) count, since avoidance is not a tie. A pair is kept
 * when it shares at least `minArticles` articles (one shared article is an anecdote, however rare
 * both concepts are) and G² reaches `minScore`: 6.63, the χ²(1) quantile for p = 0.01. Only pairs
 * seen together at least twice are tested, a few hundred in a list of a few hundred articles, so
 * p = 0.01 lets through a handful of chance pairs, where p = 0.001 (10.83) already rejected genuine
 * ties of the bundled list (MVCC and PostgreSQL, three articles of PostgreSQL's thirty); a hub at
 * chance (Kafka and PostgreSQL, three shared articles, G² 2.4) is rejected by either. Each concept then keeps
 * its `k` highest-scoring partners, and an edge is kept when either end keeps it (as for related
 * articles): a hub thus keeps the partners it is genuinely tied to, and no more.
 *
 * Cost: every pair of concepts within each article, so an article of 40 concepts yields 780 pairs.
 * An article naming more than `maxConcepts` concepts (a glossary, a list of links) is left out of
 * the counts altogether, frequencies included, so that the tables stay consistent: naming
 * everything at once says nothing about which concepts belong together, and it would cost
 * quadratically in its length.
 *
 * graphology standard-library style: `cooccurs(graph, options)` returns plain data and leaves the
 * graph alone; `cooccurs.assign(graph, options)` adds the undirected "cooccurs" edges.
 */
import type { InsightGraph } from "../graph/build";
import { undirectedKey } from "../graph/types";
import { mentionIncidence } from "./incidence";

export interface CooccursOptions {
  /** Partners each concept keeps, highest score first (default 10). */
  k: number;
  /** Least number of articles naming both (default 2). */
  minArticles: number;
  /** Least G² (default 6.63, p < 0.01 with one degree of freedom). */
  minScore: number;
  /** Articles naming more concepts than this are left out of the counts (default 50). */
  maxConcepts: number;
}

export const DEFAULT_COOCCURS_OPTIONS: CooccursOptions = { k: 10, minArticles: 2, minScore: 6.63, maxConcepts: 50 };

/** An undirected co-occurrence edge: `source` < `target` by key. */
export interface CooccursEdge {
  source: string;
  target: string;
  /** Articles that name both. */
  weight: number;
  /** G², rounded to 3 decimals. */
  score: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Dunning's G² = 2 Σ O ln(O / E) of a 2×2 table given by the count of both (`both`), the margins
 * (`first`, `second`) and the total (`total`); 0 for a degenerate table.
 */
export function logLikelihoodRatio(both: number, first: number, second: number, total: number): number {
  const cells = [both, first - both, second - both, total - first - second + both];
  const rows = [first, total - first];
  const columns = [second, total - second];
  let sum = 0;
  cells.forEach((observed, i) => {
    if (observed <= 0) return;
    const expected = (rows[i >> 1]! * columns[i & 1]!) / total;
    sum += observed * Math.log(observed / expected);
  });
  return Math.max(0, 2 * sum);
}

/** The co-occurrence edges of `graph`, ordered by source then target. */
export function cooccurs(graph: InsightGraph, options: Partial<CooccursOptions> = {}): CooccursEdge[] {
  const { k, minArticles, minScore, maxConcepts } = { ...DEFAULT_COOCCURS_OPTIONS, ...options };
  const { concepts, conceptsOf } = mentionIncidence(graph);
  const counted = conceptsOf.filter((list) => list.length <= maxConcepts);
  const total = counted.length;
  const m = concepts.length;
  const frequency = new Int32Array(m);
  for (const list of counted) for (const c of list) frequency[c]!++;

  // For each concept, its partners of higher number and how many counted articles name both,
  // in a typed-array accumulator reset after each concept: no map of pairs, nothing allocated
  // per pair seen.
  const postings: number[][] = concepts.map(() => []);
  counted.forEach((list, article) => {
    for (const c of list) postings[c]!.push(article);
  });
  const together = new Int32Array(m);
  const touched = new Int32Array(m);
  const partners: { other: number; score: number; pair: number }[][] = concepts.map(() => []);
  const counts = new Map<number, { weight: number; score: number }>();
  for (let a = 0; a < m; a++) {
    let found = 0;
    for (const article of postings[a]!) {
      for (const b of counted[article]!) {
        if (b <= a) continue;
        if (together[b] === 0) touched[found++] = b;
        together[b]!++;
      }
    }
    for (let i = 0; i < found; i++) {
      const b = touched[i]!;
      const both = together[b]!;
      together[b] = 0;
      if (both < minArticles) continue;
      if (both * total <= frequency[a]! * frequency[b]!) continue; // not above chance
      const score = logLikelihoodRatio(both, frequency[a]!, frequency[b]!, total);
      if (score < minScore) continue;
      const pair = a * m + b;
      counts.set(pair, { weight: both, score });
      partners[a]!.push({ other: b, score, pair });
      partners[b]!.push({ other: a, score, pair });
    }
  }

  const kept = new Set<number>();
  for (const list of partners) {
    // Highest score first; between equals, the partner with the smaller key.
    list.sort((x, y) => y.score - x.score || x.other - y.other);
    for (const { pair } of list.slice(0, k)) kept.add(pair);
  }
  return [...kept]
    .sort((x, y) => x - y)
    .map((pair) => {
      const { weight, score } = counts.get(pair)!;
      return { source: concepts[Math.floor(pair / m)]!, target: concepts[pair % m]!, weight, score: round3(score) };
    });
}

/** Adds the co-occurrence edges to `graph` (undirected, keyed by `undirectedKey`); returns them too. */
cooccurs.assign = function assign(graph: InsightGraph, options: Partial<CooccursOptions> = {}): CooccursEdge[] {
  const edges = cooccurs(graph, options);
  for (const { source, target, weight, score } of edges) {
    graph.addUndirectedEdgeWithKey(undirectedKey("cooccurs", source, target), source, target, { kind: "cooccurs", weight, score });
  }
  return edges;
};
