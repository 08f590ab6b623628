/** Details of a region (src/app/panels/region.ts): which nodes it lists, and in what order. */
import { describe, expect, it } from "vitest";
import { regionMembers } from "../../../src/app/panels/region";
import { communities } from "../../../src/core/communities/index";
import { viewsGraph } from "../data/views-fixture";

const graph = viewsGraph();
communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);

describe("regionMembers", () => {
  it("lists every node of the region once, articles apart from concepts", () => {
    const community = graph.getNodeAttribute("entity:postgresql", "community")!;
    const { articles, concepts } = regionMembers({ graph }, community);
    const expected = graph.filterNodes((_node, attributes) => attributes.community === community);
    expect([...articles, ...concepts].sort()).toEqual(expected.sort());
    expect(articles.every((node) => graph.getNodeAttribute(node, "kind") === "article")).toBe(true);
    expect(concepts.every((node) => graph.getNodeAttribute(node, "kind") === "entity")).toBe(true);
  });

  it("puts the most important first, then orders by label", () => {
    const community = graph.getNodeAttribute("entity:postgresql", "community")!;
    graph.forEachNode((node, attributes) => {
      if (attributes.community === community) graph.setNodeAttribute(node, "importance", attributes.kind === "entity" && attributes.label === "PostgreSQL" ? 1 : 0);
    });
    const { concepts } = regionMembers({ graph }, community);
    expect(concepts[0]).toBe("entity:postgresql");
    const rest = concepts.slice(1).map((node) => graph.getNodeAttribute(node, "label"));
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
  });

  it("has nothing for a number the graph does not use", () => {
    expect(regionMembers({ graph }, 999)).toEqual({ articles: [], concepts: [] });
  });
});
