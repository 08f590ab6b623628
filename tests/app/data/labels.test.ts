import { describe, expect, it } from "vitest";
import { labelWidth, placeLabels, type LabelCandidate } from "../../../src/app/data/labels";

const bounds = { width: 800, height: 600 };
const at = (key: string, left: number, top: number, width: number, priority: number): LabelCandidate => ({
  key,
  box: [left, top, left + width, top + 18],
  priority,
});

describe("placeLabels", () => {
  it("keeps labels that do not touch", () => {
    const placed = placeLabels([at("a", 10, 10, 100, 1), at("b", 200, 10, 100, 1), at("c", 10, 40, 100, 1)], bounds);
    expect([...placed].sort()).toEqual(["a", "b", "c"]);
  });

  it("gives an overlap to the more important label", () => {
    const placed = placeLabels([at("small", 50, 12, 100, 1), at("big", 10, 10, 100, 5)], bounds);
    expect([...placed]).toEqual(["big"]);
  });

  it("settles ties the same way every time", () => {
    const candidates = [at("b", 50, 12, 100, 1), at("a", 10, 10, 100, 1)];
    expect([...placeLabels(candidates, bounds)]).toEqual(["a"]);
    expect([...placeLabels([...candidates].reverse(), bounds)]).toEqual(["a"]);
  });

  it("finds collisions across hash cells, even for long labels", () => {
    const placed = placeLabels([at("long", 0, 100, 700, 2), at("under", 600, 105, 50, 1)], bounds);
    expect([...placed]).toEqual(["long"]);
  });

  it("refuses labels that would be cut by the edge", () => {
    expect(placeLabels([at("edge", 750, 10, 100, 1), at("top", 10, -5, 50, 1)], bounds).size).toBe(0);
  });
});

describe("labelWidth", () => {
  it("grows with the text and the font size", () => {
    expect(labelWidth("PostgreSQL", 15)).toBeGreaterThan(labelWidth("Go", 15));
    expect(labelWidth("Go", 20)).toBeGreaterThan(labelWidth("Go", 15));
  });
});
