/**
 * Communities of the article–concept graph: the regions of the map. Louvain (graphology's) runs
 * on the mention edges alone, seeded, so the same graph always gives the same communities; they
 * are then numbered by size, named by their most characteristic concepts (`./naming`) and
 * coloured by number (`./colors`).
 *
 * Only mentions count: they are what articles wrote. A broader edge ("Raft" → "consensus
 * algorithm") is the lexicon's opinion, and would pull a concept towards its broader one's region
 * rather than towards the articles that discuss it. Each article–concept pair counts once,
 * whatever the number of mentions: how often an article repeats a name says more about its
 * length than about its topic. A grouping concept (no article names it) joins the community most
 * of its narrower concepts are in, where the map draws it among them; any other node with no
 * mention edge (an article that names no concept) is a community of its own.
 *
 * graphology standard-library style: `communities(graph, options)` returns plain data and leaves
 * the graph alone; `communities.assign(graph, options)` writes each node's `community` and the
 * graph's `communities`. Defaults are merged in one place.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import type { InsightGraph } from "../graph/build";
import { isBroaderEdge, isMentionEdge, type CommunitySummary } from "../graph/types";
import { seededRandom } from "../random";
import { communityColors, DEFAULT_COLOR_OPTIONS, type CommunityColorOptions, type CommunityLink } from "./colors";
import { communityNames, DEFAULT_NAMING_OPTIONS, rankConcepts, type ConceptCounts, type NamingOptions } from "./naming";

export interface CommunityOptions extends CommunityColorOptions {
  /** Seed of Louvain's random node order (default 42, the layout's). */
  seed: number;
  /**
   * Louvain's resolution: above 1 more, smaller communities; below 1 fewer, larger (default 0.5:
   * at 1 the bundled 250 articles split into 22 regions of 18–104 nodes, too many to name and
   * colour apart on one screen; at 0.5, 13 of 43–126 nodes, which read as topics).
   */
  resolution: number;
  /** Concept keys listed per community, most characteristic first (default 5). */
  topConcepts: number;
  /** How names are made of concept labels. */
  naming: NamingOptions;
}

export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = {
  seed: 42,
  resolution: 0.5,
  topConcepts: 5,
  naming: DEFAULT_NAMING_OPTIONS,
  ...DEFAULT_COLOR_OPTIONS,
};

/** Options as callers give them: any field, and any field of the naming options. */
export type CommunityOptionsInput = Partial<Omit<CommunityOptions, "naming">> & { naming?: Partial<NamingOptions> };

export interface CommunityResult {
  /** Every node's community number. */
  membership: Record<string, number>;
  /** The communities by number (`communities[i].id === i`), largest first. */
  communities: CommunitySummary[];
  /** Modularity of the partition over the mention edges, at the resolution used (0 when there are none). */
  modularity: number;
}

function settings(options: CommunityOptionsInput): CommunityOptions {
  return { ...DEFAULT_COMMUNITY_OPTIONS, ...options, naming: { ...DEFAULT_NAMING_OPTIONS, ...options.naming } };
}

/** The undirected graph of mentions: every node, and one edge per article–concept pair. */
function mentionGraph(graph: InsightGraph): Graph {
  const mentions = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  graph.forEachNode((node) => mentions.addNode(node));
  // A mention always runs article → concept, and one edge holds all of a pair's mentions: no
  // pair comes twice. Its own key spares graphology generating one (15% of the step on 240,000 mentions).
  graph.forEachEdge((edge, attributes, source, target) => {
    if (isMentionEdge(attributes)) mentions.addEdgeWithKey(edge, source, target);
  });
  return mentions;
}

/** Louvain's groups as lists of node keys, in graph order. */
function louvainGroups(graph: InsightGraph, { seed, resolution }: CommunityOptions): { groups: string[][]; modularity: number } {
  const mentions = mentionGraph(graph);
  const detailed = louvain.detailed(mentions, { rng: seededRandom(seed), resolution, getEdgeWeight: null });
  const groups = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const label = detailed.communities[node]!;
    const group = groups.get(label);
    if (group) group.push(node);
    else groups.set(label, [node]);
  });
  return { groups: joinGroupingConcepts(graph, [...groups.values()]), modularity: Number.isFinite(detailed.modularity) ? detailed.modularity : 0 };
}

/**
 * Moves each grouping concept (a node with no mention edge but narrower concepts) from its
 * one-node group into the group most of its narrower concepts belong to (ties: the group holding
 * the smallest key). Groups of groups settle in a few passes: a grouping concept whose narrower
 * ones are grouping concepts too joins once they have.
 */
function joinGroupingConcepts(graph: InsightGraph, groups: string[][]): string[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => group.forEach((node) => groupOf.set(node, i)));
  const pending = groups.filter((group) => group.length === 1 && hasNoMention(graph, group[0]!)).map((group) => group[0]!);
  for (let pass = 0, moved = true; moved && pass < 8; pass++) {
    moved = false;
    for (const node of pending) {
      const own = groupOf.get(node)!;
      if (groups[own]!.length > 1) continue;
      const votes = new Map<number, number>();
      graph.forEachInEdge(node, (_edge, attributes, source) => {
        if (!isBroaderEdge(attributes)) return;
        const group = groupOf.get(source)!;
        if (group !== own) votes.set(group, (votes.get(group) ?? 0) + 1);
      });
      let best: number | undefined;
      for (const [group, count] of votes) {
        const better =
          best === undefined || count > votes.get(best)! || (count === votes.get(best)! && smallest(groups[group]!) < smallest(groups[best]!));
        if (better) best = group;
      }
      if (best === undefined) continue;
      groups[best]!.push(node);
      groups[own] = [];
      groupOf.set(node, best);
      moved = true;
    }
  }
  return groups.filter((group) => group.length > 0);
}

function hasNoMention(graph: InsightGraph, node: string): boolean {
  return graph.someEdge(node, (_edge, attributes) => isMentionEdge(attributes)) === false;
}

function smallest(group: readonly string[]): string {
  return group.reduce((min, key) => (key < min ? key : min));
}

/** Largest first; between equal sizes, the one holding the smallest node key first. */
export function bySize(groups: readonly (readonly string[])[]): string[][] {
  const keyed = groups.map((group) => ({ group: [...group], first: group.reduce((min, key) => (key < min ? key : min)) }));
  keyed.sort((a, b) => b.group.length - a.group.length || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return keyed.map(({ group }) => group);
}

/**
 * The communities of `graph`: Louvain's partition of its mention edges, numbered by size, each
 * with its name, colour and most characteristic concepts. The graph is left as it was.
 */
export function communities(graph: InsightGraph, options: CommunityOptionsInput = {}): CommunityResult {
  const config = settings(options);
  const { groups, modularity } = louvainGroups(graph, config);
  const ordered = bySize(groups);
  const membership: Record<string, number> = {};
  ordered.forEach((group, id) => {
    for (const node of group) membership[node] = id;
  });

  let articleTotal = 0;
  graph.forEachNode((_node, attributes) => {
    if (attributes.kind === "article") articleTotal++;
  });

  const ranked = ordered.map((group, id) => {
    const articles = group.filter((node) => graph.getNodeAttribute(node, "kind") === "article");
    const concepts: ConceptCounts[] = [];
    for (const node of group) {
      const attributes = graph.getNodeAttributes(node);
      if (attributes.kind !== "entity") continue;
      let inCommunity = 0;
      let inGraph = 0;
      graph.forEachInEdge(node, (_edge, edge, source) => {
        if (!isMentionEdge(edge)) return;
        inGraph++;
        if (membership[source] === id) inCommunity++;
      });
      // A grouping concept no article names characterises nothing: it sits in the region, unnamed by it.
      if (inGraph > 0) concepts.push({ key: node, label: attributes.label, inCommunity, inGraph });
    }
    return { group, articles, concepts: rankConcepts(concepts, articles.length, articleTotal) };
  });

  const names = communityNames(
    ranked.map(({ articles, concepts }) => {
      const places: [string, string][] = [];
      const titles: string[] = [];
      for (const article of articles) {
        const attributes = graph.getNodeAttributes(article);
        if (attributes.kind !== "article") continue;
        places.push([attributes.section, attributes.subsection]);
        titles.push(attributes.label);
      }
      return { concepts: concepts.map((concept) => concept.label), places, titles };
    }),
    config.naming,
  );

  const colors = communityColors(
    ordered.map((group) => group.length),
    communityLinks(graph, membership),
    config,
  );
  const summaries = ranked.map(({ group, concepts }, id): CommunitySummary => ({
    id,
    name: names[id]!,
    size: group.length,
    color: colors[id]!,
    concepts: concepts.slice(0, config.topConcepts).map((concept) => concept.key),
  }));
  return { membership, communities: summaries, modularity };
}

/** The mention edges between communities, one link per pair of communities, in a stable order. */
function communityLinks(graph: InsightGraph, membership: Record<string, number>): CommunityLink[] {
  const weights = new Map<string, CommunityLink>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!isMentionEdge(attributes)) return;
    const [a, b] = [membership[source]!, membership[target]!].sort((x, y) => x - y) as [number, number];
    if (a === b) return;
    const key = `${a}|${b}`;
    const link = weights.get(key);
    if (link) link.weight++;
    else weights.set(key, { a, b, weight: 1 });
  });
  return [...weights.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Writes each node's `community` and the graph's `communities`; returns the result too. */
communities.assign = function assign(graph: InsightGraph, options: CommunityOptionsInput = {}): CommunityResult {
  const result = communities(graph, options);
  graph.forEachNode((node) => graph.setNodeAttribute(node, "community", result.membership[node]!));
  graph.setAttribute("communities", result.communities);
  return result;
};
