/**
 * Which sigma states a change of what the map shows asks for: a node is hidden unless it is
 * visible (filters, view) or lit (hover, a selection, a path), lit nodes are highlighted, the
 * chosen ones focused; an edge is hidden when either end is, highlighted when lit. Pure: the
 * renderer sets the states (see `applyStates`).
 *
 * Only what may have changed is listed, so that sigma restyles those items alone and a change of
 * emphasis costs what was lit and what is lit now, not the size of the graph.
 */
import type { AppGraph } from "./graph";
import { NO_EMPHASIS, type Emphasis } from "./scene";

/** What the map shows: the nodes the filters and the view let through, and what is lit. */
export interface ShownNodes {
  visible: ReadonlySet<string>;
  lit: Emphasis;
}

export interface NodeStates {
  isHidden: boolean;
  isHighlighted: boolean;
  isFocus: boolean;
}

export interface EdgeStates {
  isHidden: boolean;
  isHighlighted: boolean;
}

export interface StateUpdates {
  nodes: Map<string, NodeStates>;
  edges: Map<string, EdgeStates>;
}

/** The members of `a` not in `b`, then those of `b` not in `a`. */
function* changedMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Generator<T> {
  for (const item of a) if (!b.has(item)) yield item;
  for (const item of b) if (!a.has(item)) yield item;
}

/**
 * The nodes and edges whose states may differ between `before` and `after`, each with its
 * states under `after`. `before` null: sigma's start, every node shown and nothing lit.
 *
 * With the same `visible` set (the same object), only the nodes lit or focused before or after
 * are looked at, the edges lit before or after, and the edges of the nodes that appear or
 * disappear (a node no filter lets through shows while it is lit). A new `visible` set compares
 * each node's membership (any node may appear or disappear then), still listing only the nodes
 * whose states change and the edges of those that appear or disappear.
 */
export function stateUpdates(graph: AppGraph, before: ShownNodes | null, after: ShownNodes): StateUpdates {
  const was = before?.lit ?? NO_EMPHASIS;
  const { visible, lit } = after;
  const shown = (node: string) => visible.has(node) || lit.nodes.has(node);
  const wasShown = before ? (node: string) => before.visible.has(node) || was.nodes.has(node) : () => true;

  const candidates = new Set([...changedMembers(was.nodes, lit.nodes), ...changedMembers(was.focus, lit.focus)]);
  if (before?.visible !== visible) {
    graph.forEachNode((node) => {
      if (shown(node) !== wasShown(node)) candidates.add(node);
    });
  }
  const nodes = new Map<string, NodeStates>();
  const edges = new Map<string, EdgeStates>();
  const edgeCandidates = new Set(changedMembers(was.edges, lit.edges));
  for (const node of candidates) {
    if (!graph.hasNode(node)) continue;
    nodes.set(node, { isHidden: !shown(node), isHighlighted: lit.nodes.has(node), isFocus: lit.focus.has(node) });
    if (shown(node) !== wasShown(node)) graph.forEachEdge(node, (edge) => void edgeCandidates.add(edge));
  }
  for (const edge of edgeCandidates) {
    if (!graph.hasEdge(edge)) continue;
    edges.set(edge, { isHidden: !(shown(graph.source(edge)) && shown(graph.target(edge))), isHighlighted: lit.edges.has(edge) });
  }
  return { nodes, edges };
}
