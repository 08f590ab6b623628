import { describe, expect, it } from "vitest";
import type { CommunitySummary } from "../../../src/core/graph/types";
import { namedRegions, nodeColour } from "../../../src/app/data/regions";

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
});
