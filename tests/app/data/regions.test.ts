import { describe, expect, it } from "vitest";
import type { CommunitySummary } from "../../../src/core/graph/types";
import { namedRegions, nodeColour, regionCentres } from "../../../src/app/data/regions";
import { communities } from "../../../src/core/communities/index";
import { fixtureGraph } from "../fixtures/graph";
import { viewsGraph } from "./views-fixture";

const region = (id: number, size: number, color: string): CommunitySummary => ({ id, name: `Region ${id}`, size, color, concepts: [] });
const REGIONS = [region(0, 40, "#4e79a7"), region(1, 12, "#f28e2b"), region(2, 3, "#e15759"), region(3, 2, "#bab0ab"), region(4, 1, "#bab0ab")];

describe("regions", () => {
  it("colour a node by its region, or by the build's colour when asked for types or when it has none", () => {
    expect(nodeColour(REGIONS, "region", { color: "#000000", community: 1 })).toBe("#f28e2b");
    expect(nodeColour(REGIONS, "type", { color: "#000000", community: 1 })).toBe("#000000");
    // A file built before communities: no number, the build's colour.
    expect(nodeColour(REGIONS, "region", { color: "#000000" })).toBe("#000000");
    expect(nodeColour([], "region", { color: "#000000", community: 0 })).toBe("#000000");
  });

  it("name the largest regions of at least three nodes, and count the rest", () => {
    expect(namedRegions(REGIONS)).toEqual({ shown: REGIONS.slice(0, 3), others: 2 });
    expect(namedRegions(REGIONS, 1)).toEqual({ shown: [REGIONS[0]], others: 4 });
    expect(namedRegions([])).toEqual({ shown: [], others: 0 });
  });

  it("put a region's name at the mean position of its nodes, largest regions first", () => {
    const graph = fixtureGraph();
    expect(regionCentres(graph)).toEqual([]);
    communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
    const centres = regionCentres(graph, "map", 12, 1);
    const listed = graph.getAttribute("communities") ?? [];
    expect(centres.map((c) => c.id)).toEqual(listed.map((r) => r.id));
    for (const centre of centres) {
      const members = graph.filterNodes((_node, attributes) => attributes.community === centre.id);
      const mean = (axis: "x" | "y") => members.reduce((sum, node) => sum + graph.getNodeAttribute(node, axis), 0) / members.length;
      expect(centre.x).toBeCloseTo(mean("x"));
      expect(centre.y).toBeCloseTo(mean("y"));
      expect(centre.name).toBe(listed[centre.id]!.name);
    }
  });

  it("put a region's name among its nodes in every view: the mean of their places there", () => {
    const graph = viewsGraph();
    communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
    const listed = graph.getAttribute("communities") ?? [];
    for (const view of ["concepts", "articles"] as const) {
      const centres = regionCentres(graph, view, 12, 1);
      expect(centres.length).toBeGreaterThan(0);
      for (const centre of centres) {
        const places = graph
          .filterNodes((_node, attributes) => attributes.community === centre.id)
          .flatMap((node) => {
            const at = graph.getNodeAttribute(node, "positions")?.[view];
            return at ? [at] : [];
          });
        expect(places.length, `${view}: ${centre.name} has nodes there`).toBeGreaterThan(0);
        expect(centre.x).toBeCloseTo(places.reduce((sum, [x]) => sum + x, 0) / places.length);
        expect(centre.y).toBeCloseTo(places.reduce((sum, [, y]) => sum + y, 0) / places.length);
      }
      // A region none of whose nodes the view shows has no centre there.
      const shownThere = new Set(
        graph.filterNodes((_node, attributes) => attributes.positions?.[view] !== undefined).map((node) => graph.getNodeAttribute(node, "community")),
      );
      expect(centres.map((c) => c.id)).toEqual(listed.filter((r) => shownThere.has(r.id)).map((r) => r.id));
    }
  });

  it("leave a region out of a view that shows none of its nodes", () => {
    const graph = viewsGraph();
    communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
    const [largest] = graph.getAttribute("communities") ?? [];
    graph.forEachNode((node, attributes) => {
      if (attributes.community === largest!.id) graph.setNodeAttribute(node, "positions", {});
    });
    expect(regionCentres(graph, "map", 12, 1).map((c) => c.id)).toContain(largest!.id);
    expect(regionCentres(graph, "concepts", 12, 1).map((c) => c.id)).not.toContain(largest!.id);
    expect(regionCentres(graph, "articles", 12, 1).map((c) => c.id)).not.toContain(largest!.id);
  });
});
