/**
 * CSV export: two tables, nodes and edges, for pandas, R, a spreadsheet or Gephi's spreadsheet
 * import (which takes `id`, `label`, `source`, `target`, `type` and `weight` by those names).
 * RFC 4180: a header row, records ended by CRLF, and a field quoted (its quotes doubled) when it
 * holds a comma, a quote or a line break, by d3-dsv's `csvFormatRow`; so any text, newlines and
 * all, reads back as it was. No byte-order mark (pandas would take it into the first column's
 * name). The fields are data: text beginning with `=`, `+`, `-` or `@` is written as it is, so a
 * spreadsheet that evaluates such cells as formulas should open the files as text.
 *
 * Nodes, one row each, every column present on every row (empty when a node has no value):
 * - `id`: the graph key (`article:…`, `entity:…`); `label`: the title or the concept's name;
 * - `kind`: `article` or `entity`; `type`: a concept's type (technology, technique,
 *   organization, person), empty for articles;
 * - `community`: its region's number, `community_name`: that region's name;
 * - `x`, `y`, `size`, `color`: its place, size and colour on the map; `concepts_x`, `concepts_y`,
 *   `articles_x`, `articles_y`: its place in the concepts or articles view, when that view shows it;
 * - `importance` (0–1, label priority); `articleCount` (a concept's articles);
 * - an article's `entryKind` (bookmark, reference), `url`, `section`, `subsection`, `source`,
 *   `year`, `addedAt`, `inputs`, `description`, `insights`, `note`, `links`; a concept's `aliases`.
 *   Lists are joined with " | " (see ./flatten.ts).
 *
 * Edges, one row each: `id` (the graph key), `source`, `target`, `type` (`directed` for mentions
 * and broader edges, `undirected` for related and co-occurrence edges), `kind`, `weight`; a
 * broader edge's `origin` (lexicon, head), a co-occurrence's `score`, a related edge's `shared`
 * concepts (node ids, " | "-joined), and a mention's `evidence`: the words of the article each
 * mention was found in, in order, " | "-joined.
 */
import { csvFormatRow } from "d3-dsv";
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../graph/types";
import type { Evidence } from "../types";
import { flatValue, POSITIONED_VIEWS } from "./flatten";

export const NODE_COLUMNS = [
  "id",
  "label",
  "kind",
  "type",
  "community",
  "community_name",
  "x",
  "y",
  "size",
  "color",
  ...POSITIONED_VIEWS.flatMap((view) => [`${view}_x`, `${view}_y`]),
  "importance",
  "articleCount",
  "entryKind",
  "url",
  "section",
  "subsection",
  "source",
  "year",
  "addedAt",
  "inputs",
  "aliases",
  "description",
  "insights",
  "note",
  "links",
] as const;

export const EDGE_COLUMNS = ["id", "source", "target", "type", "kind", "weight", "origin", "score", "shared", "evidence"] as const;

/** The two tables' text. */
export interface CsvTables {
  nodes: string;
  edges: string;
}

export function toCsv(graph: Graph<NodeAttributes, EdgeAttributes, Attributes>): CsvTables {
  const communityNames = new Map<number, string>();
  const communities: unknown = graph.getAttribute("communities");
  if (Array.isArray(communities)) for (const { id, name } of communities as { id: number; name: string }[]) communityNames.set(id, name);

  const nodeRows: string[] = [csvFormatRow([...NODE_COLUMNS])];
  graph.forEachNode((node, attributes) => {
    const record: Record<string, unknown> = { ...attributes, id: node };
    record.type = attributes.kind === "entity" ? attributes.type : undefined;
    if (attributes.community !== undefined) record.community_name = communityNames.get(attributes.community);
    for (const view of POSITIONED_VIEWS) {
      const place = attributes.positions?.[view];
      record[`${view}_x`] = place?.[0];
      record[`${view}_y`] = place?.[1];
    }
    nodeRows.push(csvFormatRow(NODE_COLUMNS.map((column) => cell(record[column]))));
  });

  const edgeRows: string[] = [csvFormatRow([...EDGE_COLUMNS])];
  graph.forEachEdge((edge, attributes, source, target, sourceAttributes, _t, undirected) => {
    const record: Record<string, unknown> = { ...attributes, id: edge, source, target, type: undirected ? "undirected" : "directed" };
    if (attributes.kind === "mentions") record.evidence = evidenceWords(sourceAttributes, attributes.evidence);
    edgeRows.push(csvFormatRow(EDGE_COLUMNS.map((column) => cell(record[column]))));
  });

  return { nodes: lines(nodeRows), edges: lines(edgeRows) };
}

/** A value as a CSV field: "" when absent (or a list of records), numbers in their shortest round-trip form. */
function cell(value: unknown): string {
  const scalar = flatValue(value);
  return scalar === undefined ? "" : String(scalar);
}

/** The words each mention was found as, in the article's title, description or insights. */
function evidenceWords(article: NodeAttributes, evidence: readonly Evidence[]): string[] {
  if (article.kind !== "article") return [];
  return evidence.map(({ field, index, start, end }) => {
    const text = field === "title" ? article.label : field === "description" ? article.description : (article.insights[index] ?? "");
    return text.slice(start, end);
  });
}

/** Records ended by CRLF, as RFC 4180 has them (a field's own line breaks are inside its quotes). */
function lines(rows: readonly string[]): string {
  return rows.map((row) => `${row}\r\n`).join("");
}
