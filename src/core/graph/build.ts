/**
 * Turns a parsed document and its extraction into the graph of the contract
 * (`./types`): articles and entities as nodes, each mention an edge that keeps its evidence.
 */
import Graph from "graphology";
import { OutlineBuilder } from "../parse/outline";
import { slug } from "../slug";
import type { Entry, Extraction, ParsedDocument } from "../types";
import {
  ARTICLE_COLOR,
  articleSizeScale,
  entityColor,
  entitySizeScale,
} from "./appearance";
import {
  ARTICLE_PREFIX,
  ENTITY_PREFIX,
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
  const graph: InsightGraph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
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
  for (const entity of extraction.entities) {
    if (!mentioned.has(entity.id)) continue;
    const attributes: EntityNodeAttributes = {
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
    graph.addNode(ENTITY_PREFIX + entity.id, attributes);
  }

  for (const mention of extraction.mentions) {
    const source = keys[mention.entry];
    const target = ENTITY_PREFIX + mention.entity;
    if (source === undefined) throw new RangeError(`mention of unknown entry ${mention.entry}`);
    if (!graph.hasNode(target)) continue;
    if (graph.hasEdge(source, target)) {
      // One edge per (article, entity): a second mention record adds its evidence.
      graph.updateEdgeAttribute(source, target, "evidence", (ev) => [...(ev ?? []), ...mention.evidence]);
    } else {
      graph.addEdgeWithKey(`${source}->${target}`, source, target, {
        kind: "mentions",
        weight: 0,
        evidence: [...mention.evidence],
      });
    }
  }
  graph.forEachEdge((edge, attr) => graph.setEdgeAttribute(edge, "weight", attr.evidence.length));

  applySizes(graph);
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

/** Entities grow with the articles that mention them, articles with the concepts they name. */
export function applySizes(graph: InsightGraph): void {
  let maxArticles = 1;
  let maxConcepts = 0;
  graph.forEachNode((node, attr) => {
    if (attr.kind === "entity") {
      const count = graph.inDegree(node);
      graph.mergeNodeAttributes(node, { articleCount: count });
      maxArticles = Math.max(maxArticles, count);
    } else {
      maxConcepts = Math.max(maxConcepts, graph.outDegree(node));
    }
  });
  const entitySize = entitySizeScale(maxArticles);
  const articleSize = articleSizeScale(maxConcepts);
  graph.forEachNode((node, attr) => {
    const size = attr.kind === "entity" ? entitySize(attr.articleCount) : articleSize(graph.outDegree(node));
    graph.setNodeAttribute(node, "size", Math.round(size * 100) / 100);
  });
}
