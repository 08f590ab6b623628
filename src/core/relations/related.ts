/**
 * Related articles: two articles are related when they share specific vocabulary. Each article
 * is a TF-IDF vector over the concepts it mentions (each concept once, so the term frequency is
 * 1 and a concept weighs its inverse document frequency, `log(1 + N / df)`); two articles relate
 * by the cosine of their vectors. A concept few articles name (pg_repack) therefore counts for
 * far more than a hub (PostgreSQL), and an article that names many concepts needs more of them in
 * common. The smoothed idf never reaches 0, so even a concept every article names still counts a
 * little, and two articles of a tiny list can still relate.
 *
 * Each article keeps its `k` strongest neighbours at or above `minSimilarity`; an edge is kept when
 * either end keeps it, so no article is left out because its neighbours have stronger ties elsewhere.
 *
 * Cost. Comparing every pair is quadratic. Candidates come from an inverted index instead (concept
 * → the articles that mention it), and only concepts named by at most `maxPostings` articles
 * propose candidates: a hub named by thousands of articles would propose millions of pairs whose
 * similarity its low weight barely moves. The work is then at most `maxPostings` × the number of
 * mentions, linear in the input. A candidate's cosine still counts every shared concept, hubs
 * included; what the cap gives up is only the pairs that share hubs and nothing rarer, which are
 * the weakest pairs anyway.
 *
 * graphology standard-library style: `related(graph, options)` returns the edges as plain data and
 * leaves the graph alone; `related.assign(graph, options)` adds them as undirected "related" edges.
 */
import type { InsightGraph } from "../graph/build";
import { undirectedKey } from "../graph/types";
import { mentionIncidence } from "./incidence";

export interface RelatedOptions {
  /** Neighbours each article keeps, strongest first (default 5). */
  k: number;
  /** Least cosine similarity for an edge, 0–1 (default 0.1): below it articles are not related. */
  minSimilarity: number;
  /** Shared concepts listed on an edge, those that weigh most first (default 5). */
  maxShared: number;
  /** Concepts named by more articles than this propose no candidates (default 250; see above). */
  maxPostings: number;
}

export const DEFAULT_RELATED_OPTIONS: RelatedOptions = { k: 5, minSimilarity: 0.1, maxShared: 5, maxPostings: 250 };

/** An undirected related edge: `source` < `target` by key. */
export interface RelatedEdge {
  source: string;
  target: string;
  /** Cosine similarity, rounded to 3 decimals. */
  weight: number;
  /** Keys of the concepts both mention, the rarest (heaviest) first, ties by key. */
  shared: string[];
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The related edges of `graph`, ordered by source then target. */
export function related(graph: InsightGraph, options: Partial<RelatedOptions> = {}): RelatedEdge[] {
  const { k, minSimilarity, maxShared, maxPostings } = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const { articles, concepts, conceptsOf, articleCounts } = mentionIncidence(graph);
  const n = articles.length;

  const idf = Float64Array.from(articleCounts, (df) => Math.log(1 + n / df));
  const norm = conceptsOf.map((list) => Math.sqrt(list.reduce((sum, c) => sum + idf[c]! * idf[c]!, 0)));
  // A concept proposes candidates when it is shared at all and is not a hub.
  const proposes = (c: number): boolean => articleCounts[c]! >= 2 && articleCounts[c]! <= maxPostings;
  // Each article's concepts split in two: those that propose candidates, and the shared hubs,
  // whose part of a candidate's dot product is added afterwards.
  const postings: number[][] = concepts.map(() => []);
  const hubsOf: Int32Array[] = conceptsOf.map((list, a) => {
    for (const c of list) if (proposes(c)) postings[c]!.push(a);
    return list.filter((c) => articleCounts[c]! > maxPostings);
  });

  // Sparse accumulators, reset after each article: dot products by candidate, and the weights
  // of the current article's concepts by concept. Typed arrays allocated once: the loop below
  // runs once per posting scanned, and allocates nothing.
  const dot = new Float64Array(n);
  const seen = new Uint8Array(n);
  const own = new Float64Array(concepts.length);
  const candidates = new Int32Array(n);
  const best = new TopK(k);
  const kept = new Set<number>();
  for (let a = 0; a < n; a++) {
    const list = conceptsOf[a]!;
    if (norm[a] === 0) continue;
    let found = 0;
    for (const c of list) {
      own[c] = idf[c]!;
      if (!proposes(c)) continue;
      const weight = idf[c]! * idf[c]!;
      for (const b of postings[c]!) {
        if (b === a) continue;
        if (seen[b] === 0) {
          seen[b] = 1;
          candidates[found++] = b;
        }
        dot[b]! += weight;
      }
    }
    best.clear();
    for (let i = 0; i < found; i++) {
      const b = candidates[i]!;
      let product = dot[b]!;
      for (const c of hubsOf[b]!) product += own[c]! * idf[c]!;
      const cosine = product / (norm[a]! * norm[b]!);
      if (cosine >= minSimilarity) best.offer(b, cosine, Math.abs(b - a));
      dot[b] = 0;
      seen[b] = 0;
    }
    for (const c of list) own[c] = 0;
    for (let i = 0; i < best.size; i++) {
      const b = best.items[i]!;
      kept.add(a < b ? a * n + b : b * n + a);
    }
  }

  return [...kept]
    .sort((x, y) => x - y)
    .map((pair) => {
      const a = Math.floor(pair / n);
      const b = pair % n;
      // Recomputed from the pair itself, in concept order, so the weight is the same whichever end found it.
      const shared = intersection(conceptsOf[a]!, conceptsOf[b]!);
      const product = shared.reduce((sum, c) => sum + idf[c]! * idf[c]!, 0);
      shared.sort((x, y) => articleCounts[x]! - articleCounts[y]! || x - y);
      return {
        source: articles[a]!,
        target: articles[b]!,
        weight: round3(product / (norm[a]! * norm[b]!)),
        shared: shared.slice(0, maxShared).map((c) => concepts[c]!),
      };
    });
}

/** Adds the related edges to `graph` (undirected, keyed by `undirectedKey`); returns them too. */
related.assign = function assign(graph: InsightGraph, options: Partial<RelatedOptions> = {}): RelatedEdge[] {
  const edges = related(graph, options);
  for (const { source, target, weight, shared } of edges) {
    graph.addUndirectedEdgeWithKey(undirectedKey("related", source, target), source, target, { kind: "related", weight, shared });
  }
  return edges;
};

/** The values two ascending lists share, ascending. */
function intersection(first: Int32Array, second: Int32Array): number[] {
  const common: number[] = [];
  for (let i = 0, j = 0; i < first.length && j < second.length; ) {
    if (first[i]! < second[j]!) i++;
    else if (first[i]! > second[j]!) j++;
    else {
      common.push(first[i]!);
      i++;
      j++;
    }
  }
  return common;
}

/**
 * The k best items offered, by score, highest first; between equal scores the one nearer in key
 * order (the smaller `distance`), then the smaller item. The distance is an arbitrary but stable
 * spread: without it, the articles that name only one concept ("Rust"), all at cosine 1 with one
 * another, would each keep the same first k of them, which would become hubs of dozens of
 * related edges (33 on the bundled list); with it, each keeps its own neighbours in key order. Insertion into a sorted array of k: most offers fall below the
 * k-th and cost one comparison.
 */
class TopK {
  readonly items: Int32Array;
  readonly scores: Float64Array;
  readonly distances: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.items = new Int32Array(k);
    this.scores = new Float64Array(k);
    this.distances = new Int32Array(k);
  }

  clear(): void {
    this.size = 0;
  }

  offer(item: number, score: number, distance: number): void {
    const { items, scores, distances, k } = this;
    const beats = (at: number) =>
      score > scores[at]! || (score === scores[at]! && (distance < distances[at]! || (distance === distances[at]! && item < items[at]!)));
    if (this.size === k && (k === 0 || !beats(k - 1))) return;
    let at = this.size < k ? this.size++ : k - 1;
    for (; at > 0 && beats(at - 1); at--) {
      items[at] = items[at - 1]!;
      scores[at] = scores[at - 1]!;
      distances[at] = distances[at - 1]!;
    }
    items[at] = item;
    scores[at] = score;
    distances[at] = distance;
  }
}
