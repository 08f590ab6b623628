/**
 * Which articles mention which concepts, as integer lists: the input of both relations. Only
 * mention edges count (a broader edge is the lexicon's opinion, not something an article wrote),
 * and each article–concept pair counts once, however often the article repeats the name, as for
 * communities: repetition says more about an article's length than about its topic.
 *
 * Articles and concepts are numbered in the order of their keys, so every loop over them runs in
 * key order and results never depend on the order in which the graph was built.
 */
import type { InsightGraph } from "../graph/build";
import { isMentionEdge } from "../graph/types";

export interface MentionIncidence {
  /** Every article's key, sorted. */
  articles: string[];
  /** The key of every concept at least one article mentions, sorted (grouping concepts have none). */
  concepts: string[];
  /** For each article (by number), the numbers of the concepts it mentions, ascending. */
  conceptsOf: Int32Array[];
  /** For each concept (by number), the number of articles that mention it. */
  articleCounts: Int32Array;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function mentionIncidence(graph: InsightGraph): MentionIncidence {
  const articles: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.kind === "article") articles.push(node);
  });
  articles.sort(byKey);
  const articleIndex = new Map(articles.map((key, i) => [key, i]));

  const pairs: [article: number, concept: string][] = [];
  const conceptSet = new Set<string>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!isMentionEdge(attributes)) return;
    pairs.push([articleIndex.get(source)!, target]);
    conceptSet.add(target);
  });
  const concepts = [...conceptSet].sort(byKey);
  const conceptIndex = new Map(concepts.map((key, i) => [key, i]));

  const lists: number[][] = articles.map(() => []);
  const articleCounts = new Int32Array(concepts.length);
  // The graph holds one mention edge per pair, so no pair comes twice.
  for (const [article, concept] of pairs) {
    const index = conceptIndex.get(concept)!;
    lists[article]!.push(index);
    articleCounts[index]!++;
  }
  const conceptsOf = lists.map((list) => Int32Array.from(list).sort());
  return { articles, concepts, conceptsOf, articleCounts };
}
