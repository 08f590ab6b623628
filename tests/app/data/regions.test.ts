import { describe, expect, it } from "vitest";
import type { CommunitySummary } from "../../../src/core/graph/types";
import { namedRegions, nodeColour, regionCentres } from "../../../src/app/data/regions";
import { communities } from "../../../src/core/communities/index";
import { fixtureGraph } from "../fixtures/graph";

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
    const centres = regionCentres(graph, 12, 1);
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
});
