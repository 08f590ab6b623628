/**
 * A tour checked against the graph it is shown on: every node a step names exists, concepts
 * are concepts, a region is a region, a path has a route, and what a step shows lights
 * something in its view.
 * The graph is seen through a small interface (`TourGraph`), so the build, the app and a test
 * each hand in what they have; `tourGraphOf` makes one of a graph in the graph contract.
 */
import type Graph from "graphology";
import { isMentionEdge, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type ViewName } from "../graph/types";
import { located, quoted, type TourError } from "./errors";
import type { TourFile, TourStep } from "./types";

/** What tour checks ask of a graph. The optional questions are skipped when absent. */
export interface TourGraph {
  hasNode(key: string): boolean;
  /** Whether the node is a concept (an entity), not an article. */
  isConcept(key: string): boolean;
  /** Whether "Section" or "Section › Subsection" names a section of this graph's articles. */
  hasSection?(key: string): boolean;
  /** Whether the node belongs to a region (graphs built before communities have none). */
  inRegion?(key: string): boolean;
  /**
   * Whether focusing the node lights anything in the view: the node itself, or the articles or
   * concepts it is joined to by mentions (a concept chosen in the articles view lights its
   * articles there). The map shows every node.
   */
  litIn?(key: string, view: ViewName): boolean;
  /** Whether a chain of mentions joins the two nodes, as the app's path search follows them. */
  connected?(from: string, to: string): boolean;
}

/**
 * The problems of a tour that passed the schema, on `graph`, each naming the step and field.
 * A missing node is reported once per place it is named, and nothing more is asked of it.
 */
export function graphErrors(tour: TourFile, file: string, graph: TourGraph): TourError[] {
  return tour.steps.flatMap((step, i) => stepErrors(step, graph).map(([field, message]) => located(file, ["steps", i, ...field], message)));
}

type Problem = [field: (string | number)[], message: string];

function stepErrors(step: TourStep, graph: TourGraph): Problem[] {
  const problems: Problem[] = [];
  const view = step.view ?? "map";
  const show = step.show;
  const node = (field: (string | number)[], key: string, want: "node" | "concept"): boolean => {
    if (!graph.hasNode(key)) problems.push([field, `no node ${quoted(key)} in this graph`]);
    else if (want === "concept" && !graph.isConcept(key)) problems.push([field, `${quoted(key)} is an article, not a concept`]);
    else if (graph.litIn && !graph.litIn(key, view)) problems.push([field, `${quoted(key)} lights nothing in the ${view} view`]);
    else return true;
    return false;
  };
  if ("node" in show) {
    node(["show", "node"], show.node, "node");
  } else if ("concepts" in show) {
    show.concepts.forEach((key, i) => node(["show", "concepts", i], key, "concept"));
  } else if ("path" in show) {
    // A path's steps include articles: the ends need only exist, whatever the view.
    const { from, to } = show.path;
    let known = true;
    for (const end of ["from", "to"] as const) {
      if (graph.hasNode(show.path[end])) continue;
      problems.push([["show", "path", end], `no node ${quoted(show.path[end])} in this graph`]);
      known = false;
    }
    if (known && graph.connected && !graph.connected(from, to)) {
      problems.push([["show", "path"], `no path joins ${quoted(from)} and ${quoted(to)} in this graph`]);
    }
  } else {
    const key = show.regionOf;
    if (!graph.hasNode(key)) problems.push([["show", "regionOf"], `no node ${quoted(key)} in this graph`]);
    else if (graph.inRegion && !graph.inRegion(key)) problems.push([["show", "regionOf"], `${quoted(key)} is in no region (this graph has no regions)`]);
  }
  (step.filters?.hide ?? []).forEach((hidden, i) => {
    if (hidden.startsWith("section:") && graph.hasSection && !graph.hasSection(hidden.slice("section:".length))) {
      problems.push([["filters", "hide", i], `no section ${quoted(hidden.slice("section:".length))} in this graph`]);
    }
  });
  return problems;
}

type ContractGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * The tour checks' view of a graph in the graph contract (the build's, or the app's once
 * loaded). Sections and connected components are computed on first use, once.
 */
export function tourGraphOf(graph: ContractGraph): TourGraph {
  let sections: Set<string> | undefined;
  let components: Map<string, number> | undefined;
  return {
    hasNode: (key) => graph.hasNode(key),
    isConcept: (key) => graph.hasNode(key) && graph.getNodeAttribute(key, "kind") === "entity",
    hasSection(key) {
      sections ??= sectionKeys(graph);
      return sections.has(key);
    },
    inRegion: (key) => graph.hasNode(key) && graph.getNodeAttribute(key, "community") !== undefined,
    litIn(key, view) {
      if (view === "map") return true;
      const placed = (node: string) => graph.getNodeAttribute(node, "positions")?.[view] !== undefined;
      if (!graph.hasNode(key) || placed(key)) return graph.hasNode(key);
      return graph.someEdge(key, (_edge, attributes, source, target) => isMentionEdge(attributes) && placed(source === key ? target : source));
    },
    connected(from, to) {
      components ??= mentionComponents(graph);
      return from === to || (components.get(from) !== undefined && components.get(from) === components.get(to));
    },
  };
}

/** Section keys as the filters name them: "Section", and "Section › Subsection". */
function sectionKeys(graph: ContractGraph): Set<string> {
  const keys = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    if (attributes.kind !== "article" || !attributes.section) return;
    keys.add(attributes.section);
    if (attributes.subsection) keys.add(`${attributes.section} › ${attributes.subsection}`);
  });
  return keys;
}

/**
 * Each node's connected component through mention edges read both ways (the edges a path
 * follows; see src/app/data/path.ts), by union–find.
 */
function mentionComponents(graph: ContractGraph): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Every node on the way is pointed at the root, so later finds are short.
    for (let at = node; parent.get(at) !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  graph.forEachNode((node) => parent.set(node, node));
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (isMentionEdge(attributes)) parent.set(find(source), find(target));
  });
  const ids = new Map<string, number>();
  const components = new Map<string, number>();
  for (const node of parent.keys()) {
    const root = find(node);
    if (!ids.has(root)) ids.set(root, ids.size);
    components.set(node, ids.get(root)!);
  }
  return components;
}
