/**
 * Turns a parsed document and its extraction into the graph of the contract
 * (`./types`): articles and entities as nodes, each mention an edge that keeps its evidence,
 * each broader relation between two concepts an edge from the narrower to the broader, every
 * node in a named community (`core/communities`), articles that share specific vocabulary joined
 * by related edges and concepts named together by co-occurrence edges (`core/relations`), and
 * every node's label priority (`./importance`).
 *
 * The graph is mixed: mentions and broader relations are directed, related and co-occurrence
 * edges undirected (a concept pair can hold both a broader edge and a co-occurrence).
 */
import Graph from "graphology";
import { communities, type CommunityOptionsInput } from "../communities/index";
import { broaderRelations, type BroaderOptions } from "../concepts/index";
import type { LexiconTerm } from "../extract/lexicon";
import { OutlineBuilder } from "../parse/outline";
import { cooccurs, related, type CooccursOptions, type RelatedOptions } from "../relations/index";
import { slug } from "../slug";
import type { Entity, Entry, Extraction, ParsedDocument } from "../types";
import {
  ARTICLE_COLOR,
  articleSizeScale,
  entityColor,
  entitySizeScale,
} from "./appearance";
import { importance, type ImportanceOptions } from "./importance";
import {
  ARTICLE_PREFIX,
  broaderKey,
  ENTITY_PREFIX,
  isMentionEdge,
  mentionKey,
  type ArticleNodeAttributes,
  type EdgeAttributes,
  type EntityNodeAttributes,
  type GraphAttributes,
  type NodeAttributes,
} from "./types";

export type InsightGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface BuildOptions {
  /** Display name of the graph: its input's file name, or a name joined from several. */
  name: string;
  /**
   * The inputs (file base names) in the order given; `[name]` by default. An entry that does
   * not say which inputs it came from (`Entry.inputs`, set by `parse/merge`) came from all of them.
   */
  inputs?: readonly string[];
  /** Build time, recorded only when given (from SOURCE_DATE_EPOCH), so that builds are reproducible. */
  builtAt?: Date;
  /** Lexicon terms whose `broader` fields relate concepts (see `core/concepts`); none by default. */
  terms?: readonly LexiconTerm[];
  /** How broader relations are found; `{ heads: false }` keeps only the lexicon's. */
  broader?: Partial<BroaderOptions>;
  /** How communities are found, named and coloured (seeded: the same graph, the same communities). */
  communities?: CommunityOptionsInput;
  /** Related articles: neighbours kept per article, least similarity, … (see `core/relations`). */
  related?: Partial<RelatedOptions>;
  /** Co-occurring concepts: partners kept per concept, significance threshold, … (see `core/relations`). */
  cooccurs?: Partial<CooccursOptions>;
  /** Label priority (see `./importance`). */
  importance?: Partial<ImportanceOptions>;
  /**
   * Told when each part of the build ends: "graph" (nodes, mentions, broader relations, sizes),
   * then "metrics" (communities, relations, importance). For timing; it changes nothing built.
   */
  onStage?: (stage: "graph" | "metrics") => void;
}

/**
 * Article keys are `article:<slug of title>`; two entries whose titles slug alike (or a title
 * with no letters at all) get a numeric suffix, in document order, so every entry keeps a node.
 */
export function articleKeys(entries: readonly Entry[]): string[] {
  const used = new Map<string, number>();
  return entries.map((entry) => {
    const base = slug(entry.title) || "untitled";
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return ARTICLE_PREFIX + (seen === 0 ? base : `${base}-${seen + 1}`);
  });
}

export function buildGraph(
  doc: ParsedDocument,
  extraction: Extraction,
  options: BuildOptions,
): InsightGraph {
  const graph: InsightGraph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  const inputs = options.inputs ?? [options.name];
  graph.replaceAttributes({ name: options.name, inputs: [...inputs], sections: sectionOutline(doc) });
  if (options.builtAt) graph.setAttribute("builtAt", options.builtAt.toISOString());

  const keys = articleKeys(doc.entries);
  doc.entries.forEach((entry, i) => {
    const attributes: ArticleNodeAttributes = {
      kind: "article",
      label: entry.title,
      description: entry.description,
      section: entry.section,
      subsection: entry.subsection,
      insights: [...entry.insights],
      note: entry.note,
      source: entry.source,
      entryKind: entry.kind,
      inputs: [...(entry.inputs ?? inputs)],
      x: 0,
      y: 0,
      size: 0,
      color: ARTICLE_COLOR,
    };
    if (entry.url) attributes.url = entry.url;
    if (entry.links && entry.links.length > 0) attributes.links = entry.links.map((link) => ({ ...link }));
    if (entry.year !== undefined) attributes.year = entry.year;
    if (entry.addedAt !== undefined) attributes.addedAt = entry.addedAt;
    graph.addNode(keys[i]!, attributes);
  });

  const mentioned = new Set(extraction.mentions.filter((m) => m.evidence.length > 0).map((m) => m.entity));
  const entities = extraction.entities.filter((entity) => mentioned.has(entity.id));
  for (const entity of entities) graph.addNode(ENTITY_PREFIX + entity.id, entityNode(entity));

  for (const mention of extraction.mentions) {
    const source = keys[mention.entry];
    const target = ENTITY_PREFIX + mention.entity;
    if (source === undefined) throw new RangeError(`mention of unknown entry ${mention.entry}`);
    if (!graph.hasNode(target)) continue;
    const edge = graph.edge(source, target);
    const existing = edge === undefined ? undefined : graph.getEdgeAttributes(edge);
    if (existing !== undefined && isMentionEdge(existing)) {
      // One edge per (article, entity): a second mention record adds its evidence.
      existing.evidence = [...existing.evidence, ...mention.evidence];
    } else {
      graph.addEdgeWithKey(mentionKey(source, target), source, target, {
        kind: "mentions",
        weight: 0,
        evidence: [...mention.evidence],
      });
    }
  }
  graph.forEachEdge((edge, attr) => {
    if (isMentionEdge(attr)) graph.setEdgeAttribute(edge, "weight", attr.evidence.length);
  });

  // Broader relations among the concepts the graph holds (not among all the extractor knows),
  // with the grouping concepts the lexicon's unmentioned broader terms become.
  const hierarchy = broaderRelations(entities, options.terms, options.broader);
  for (const group of hierarchy.groups) graph.addNode(ENTITY_PREFIX + group.id, entityNode(group));
  for (const { narrower, broader, origin } of hierarchy.relations) {
    const source = ENTITY_PREFIX + narrower;
    const target = ENTITY_PREFIX + broader;
    graph.addEdgeWithKey(broaderKey(source, target), source, target, { kind: "broader", weight: 1, origin });
  }

  applySizes(graph);
  options.onStage?.("graph");
  // From the mentions alone; the layout (run after) draws each community as a region.
  communities.assign(graph, options.communities);
  // Both read the mentions alone, so they may come in either order; importance reads the related edges.
  related.assign(graph, options.related);
  cooccurs.assign(graph, options.cooccurs);
  importance.assign(graph, options.importance);
  options.onStage?.("metrics");
  return graph;
}

/**
 * The document's outline, completed with any section or subsection that only its entries name
 * (the See Also references sit outside the outline), so filters can offer every entry's place.
 */
export function sectionOutline(doc: ParsedDocument): GraphAttributes["sections"] {
  const outline = new OutlineBuilder().addAll(doc.sections);
  for (const { section, subsection } of doc.entries) if (section !== "") outline.add(section, subsection);
  return outline.toSections();
}

function entityNode(entity: Entity): EntityNodeAttributes {
  return {
    kind: "entity",
    type: entity.type,
    label: entity.name,
    aliases: [...entity.aliases],
    articleCount: 0,
    x: 0,
    y: 0,
    size: 0,
    color: entityColor(entity.type),
  };
}

/** Mention edges into (or out of) a node: other kinds of edge are not articles or concepts named. */
export function mentionDegree(graph: InsightGraph, node: string, direction: "in" | "out"): number {
  let count = 0;
  const tally = (_edge: string, attributes: EdgeAttributes) => {
    if (isMentionEdge(attributes)) count++;
  };
  if (direction === "in") graph.forEachInEdge(node, tally);
  else graph.forEachOutEdge(node, tally);
  return count;
}

/** Entities grow with the articles that mention them, articles with the concepts they name. */
export function applySizes(graph: InsightGraph): void {
  let maxArticles = 1;
  let maxConcepts = 0;
  const concepts = new Map<string, number>();
  graph.forEachNode((node, attr) => {
    if (attr.kind === "entity") {
      const count = mentionDegree(graph, node, "in");
      graph.mergeNodeAttributes(node, { articleCount: count });
      maxArticles = Math.max(maxArticles, count);
    } else {
      const count = mentionDegree(graph, node, "out");
      concepts.set(node, count);
      maxConcepts = Math.max(maxConcepts, count);
    }
  });
  const entitySize = entitySizeScale(maxArticles);
  const articleSize = articleSizeScale(maxConcepts);
  graph.forEachNode((node, attr) => {
    const size = attr.kind === "entity" ? entitySize(attr.articleCount) : articleSize(concepts.get(node)!);
    graph.setNodeAttribute(node, "size", Math.round(size * 100) / 100);
  });
}
