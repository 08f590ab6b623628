import { describe, expect, it } from "vitest";
import { labelBoxes, placeLabels, type LabelCandidate } from "../../../src/app/data/labels";

const bounds = { width: 800, height: 600 };
const at = (key: string, left: number, top: number, width: number, priority: number): LabelCandidate => ({
  key,
  boxes: [[left, top, left + width, top + 18]],
  priority,
});
const keys = (placed: Map<string, number>) => [...placed.keys()].sort();

describe("placeLabels", () => {
  it("keeps labels that do not touch", () => {
    const placed = placeLabels([at("a", 10, 10, 100, 1), at("b", 200, 10, 100, 1), at("c", 10, 40, 100, 1)], bounds);
    expect(keys(placed)).toEqual(["a", "b", "c"]);
  });

  it("gives an overlap to the more important label", () => {
    const placed = placeLabels([at("small", 50, 12, 100, 1), at("big", 10, 10, 100, 5)], bounds);
    expect(keys(placed)).toEqual(["big"]);
  });

  it("settles ties the same way every time", () => {
    const candidates = [at("b", 50, 12, 100, 1), at("a", 10, 10, 100, 1)];
    expect(keys(placeLabels(candidates, bounds))).toEqual(["a"]);
    expect(keys(placeLabels([...candidates].reverse(), bounds))).toEqual(["a"]);
  });

  it("finds collisions across hash cells, even for long labels", () => {
    const placed = placeLabels([at("long", 0, 100, 700, 2), at("under", 600, 105, 50, 1)], bounds);
    expect(keys(placed)).toEqual(["long"]);
  });

  it("refuses labels that would be cut by the edge", () => {
    expect(placeLabels([at("edge", 750, 10, 100, 1), at("top", 10, -5, 50, 1)], bounds).size).toBe(0);
  });

  it("puts a label on the left of its node when the right would be cut by the edge", () => {
    const nearEdge = { key: "edge", boxes: labelBoxes(760, 100, 6, 5, 120, 18), priority: 1 };
    expect(placeLabels([nearEdge], bounds).get("edge")).toBe(1);
  });

  it("puts a label on the left of its node when the right is taken", () => {
    const [right, left] = labelBoxes(300, 100, 6, 5, 120, 18);
    const placed = placeLabels(
      [{ key: "first", boxes: [right], priority: 2 }, { key: "second", boxes: [right, left], priority: 1 }],
      bounds,
    );
    expect(placed.get("first")).toBe(0);
    expect(placed.get("second")).toBe(1);
  });

  it("always places a label that must show, on screen when it can, and keeps others off it", () => {
    const [right, left] = labelBoxes(760, 100, 6, 5, 120, 18);
    const placed = placeLabels(
      [
        { key: "chosen", boxes: [right, left], priority: 5, mustShow: true },
        { key: "other", boxes: [[left[0] + 10, 95, left[2], 113]], priority: 1 },
        { key: "squeezed", boxes: [[700, 300, 900, 318]], priority: 9, mustShow: true },
      ],
      bounds,
    );
    expect(placed.get("chosen")).toBe(1);
    expect(placed.has("other")).toBe(false);
    expect(placed.get("squeezed")).toBe(0);
  });

  it("keeps labels off other nodes, not off their own", () => {
    const [right, left] = labelBoxes(300, 100, 6, 5, 120, 18);
    const placed = placeLabels(
      [
        { key: "labelled", boxes: [right, left], priority: 2, node: [294, 94, 306, 106] },
        { key: "in the way", boxes: [[500, 300, 540, 318]], priority: 1, node: [350, 95, 360, 105] },
      ],
      bounds,
    );
    expect(placed.get("labelled")).toBe(1);
    expect(placed.get("in the way")).toBe(0);
  });
});

describe("labelBoxes", () => {
  it("offers the right of the node first, then the left, both centred on it", () => {
    const [right, left] = labelBoxes(100, 50, 4, 5, 60, 20);
    expect(right).toEqual([109, 40, 169, 60]);
    expect(left).toEqual([31, 40, 91, 60]);
  });
});
