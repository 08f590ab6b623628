import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/core/random";
import type { AppGraph } from "../../../src/app/data/graph";
import { emphasis, NO_EMPHASIS, type Emphasis } from "../../../src/app/data/scene";
import { stateUpdates, type EdgeStates, type NodeStates, type ShownNodes } from "../../../src/app/data/states";
import { fixtureGraph } from "../fixtures/graph";
import { KAFKA_AT_NETFLIX, POSTGRES_MVCC } from "./views-fixture";

/** Sigma's states as a renderer would hold them: every node and edge shown, nothing lit, until set. */
class States {
  readonly nodes = new Map<string, NodeStates>();
  readonly edges = new Map<string, EdgeStates>();
  constructor(private readonly graph: AppGraph) {
    graph.forEachNode((node) => this.nodes.set(node, { isHidden: false, isHighlighted: false, isFocus: false }));
    graph.forEachEdge((edge) => this.edges.set(edge, { isHidden: false, isHighlighted: false }));
  }
  /** Applies the updates; returns how many items they listed. */
  apply(before: ShownNodes | null, after: ShownNodes): number {
    const { nodes, edges } = stateUpdates(this.graph, before, after);
    for (const [node, states] of nodes) this.nodes.set(node, states);
    for (const [edge, states] of edges) this.edges.set(edge, states);
    return nodes.size + edges.size;
  }
}

/** The states `shown` asks for, worked out for every node and edge from nothing. */
function expected(graph: AppGraph, { visible, lit }: ShownNodes): { nodes: Map<string, NodeStates>; edges: Map<string, EdgeStates> } {
  const shown = (node: string) => visible.has(node) || lit.nodes.has(node);
  const nodes = new Map<string, NodeStates>();
  const edges = new Map<string, EdgeStates>();
  graph.forEachNode((node) => nodes.set(node, { isHidden: !shown(node), isHighlighted: lit.nodes.has(node), isFocus: lit.focus.has(node) }));
  graph.forEachEdge((edge, _attributes, source, target) => edges.set(edge, { isHidden: !(shown(source) && shown(target)), isHighlighted: lit.edges.has(edge) }));
  return { nodes, edges };
}

function expectStates(states: States, wanted: ReturnType<typeof expected>): void {
  expect(states.nodes).toEqual(wanted.nodes);
  expect(states.edges).toEqual(wanted.edges);
}

describe("stateUpdates", () => {
  const graph = fixtureGraph();
  const everyNode = new Set(graph.nodes());
  const concept = (name: string) => graph.findNode((_node, attributes) => attributes.kind === "entity" && attributes.label === name)!;

  it("from sigma's start, hides what is not visible and the edges of hidden nodes, and shows the rest", () => {
    const visible = new Set(graph.filterNodes((_node, attributes) => attributes.kind === "article"));
    const states = new States(graph);
    states.apply(null, { visible, lit: NO_EMPHASIS });
    expectStates(states, expected(graph, { visible, lit: NO_EMPHASIS }));
    // Only articles are visible: their related edges show, every edge to a concept is hidden.
    graph.forEachEdge((edge, attributes) => expect(states.edges.get(edge)!.isHidden).toBe(attributes.kind !== "related"));
  });

  it("lists nothing when nothing changed", () => {
    const shown = { visible: everyNode, lit: emphasis(graph, { kind: "article", id: POSTGRES_MVCC }, null) };
    expect(stateUpdates(graph, shown, { ...shown, lit: { ...shown.lit } }).nodes.size).toBe(0);
    expect(stateUpdates(graph, shown, { ...shown, lit: { ...shown.lit } }).edges.size).toBe(0);
  });

  it("for a new selection with the same visible nodes, lists only the nodes and edges lit before or now", () => {
    const first = emphasis(graph, { kind: "article", id: POSTGRES_MVCC }, null);
    const second = emphasis(graph, { kind: "article", id: KAFKA_AT_NETFLIX }, null);
    const { nodes, edges } = stateUpdates(graph, { visible: everyNode, lit: first }, { visible: everyNode, lit: second });
    const litEither = new Set([...first.nodes, ...second.nodes]);
    expect([...nodes.keys()].every((node) => litEither.has(node))).toBe(true);
    expect([...edges.keys()].every((edge) => first.edges.has(edge) || second.edges.has(edge))).toBe(true);
    // Nodes lit by both stay as they are, and are not listed.
    for (const node of first.nodes) if (second.nodes.has(node) && !first.focus.has(node) && !second.focus.has(node)) expect(nodes.has(node)).toBe(false);
  });

  it("shows a node no filter lets through while it is lit, with its edges to shown nodes, and hides them again after", () => {
    const hiddenConcept = concept("PostgreSQL");
    const visible = new Set([...everyNode].filter((node) => node !== hiddenConcept));
    const lit: Emphasis = emphasis(graph, { kind: "concepts", ids: [hiddenConcept], match: "all" }, null);
    const states = new States(graph);
    states.apply(null, { visible, lit: NO_EMPHASIS });
    expect(states.nodes.get(hiddenConcept)!.isHidden).toBe(true);
    states.apply({ visible, lit: NO_EMPHASIS }, { visible, lit });
    expectStates(states, expected(graph, { visible, lit }));
    expect(states.nodes.get(hiddenConcept)).toEqual({ isHidden: false, isHighlighted: true, isFocus: true });
    states.apply({ visible, lit }, { visible, lit: NO_EMPHASIS });
    expectStates(states, expected(graph, { visible, lit: NO_EMPHASIS }));
  });

  it("after any sequence of filters and emphases, leaves the states the last one asks for", () => {
    const random = seededRandom(7);
    const nodes = graph.nodes();
    const edges = graph.edges();
    const pick = <T>(items: readonly T[], share: number) => new Set(items.filter(() => random() < share));
    const states = new States(graph);
    let before: ShownNodes | null = null;
    let visible: ReadonlySet<string> = everyNode;
    for (let step = 0; step < 200; step++) {
      // Filters change now and then; emphasis at every step (hover, selection, path).
      if (random() < 0.2) visible = pick(nodes, 0.7);
      const litNodes = pick(nodes, random() * 0.3);
      const lit: Emphasis = { nodes: litNodes, edges: pick(edges, random() * 0.3), focus: new Set([...litNodes].filter(() => random() < 0.2)) };
      const after = { visible, lit };
      states.apply(before, after);
      expectStates(states, expected(graph, after));
      before = after;
    }
  });
});
