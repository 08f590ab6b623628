import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/core/random";
import {
  countOverlaps,
  createLabelIndex,
  labelBoxes,
  placeLabels,
  waitsForZoom,
  shiftInside,
  ARTICLE_TITLES_FROM_ZOOM,
  type Box,
  type LabelCandidate,
  type LabelPoint,
} from "../../../src/app/data/labels";

/** `count` nodes spread over a 1000 × 1000 layout (two of them at its corners), with importances in 0–1. */
function layout(count: number, seed = 1): LabelPoint[] {
  const random = seededRandom(seed);
  const points = Array.from({ length: count }, (_, i) => ({ key: `n${i}`, x: random() * 1000, y: random() * 1000, priority: random() }));
  Object.assign(points[0]!, { x: 0, y: 0 });
  Object.assign(points[1]!, { x: 1000, y: 1000 });
  return points;
}

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

  it("never lets two labels overlap, however crowded the screen", () => {
    const random = seededRandom(7);
    const candidates: LabelCandidate[] = Array.from({ length: 600 }, (_, i) => {
      const [x, y] = [random() * 800, random() * 600];
      return { key: `n${i}`, boxes: labelBoxes(x, y, 4, 5, 40 + random() * 160, 18), priority: random() };
    });
    const placed = placeLabels(candidates, bounds);
    const drawn = candidates.filter((c) => placed.has(c.key)).map((c) => c.boxes[placed.get(c.key)!]!);
    expect(drawn.length).toBeGreaterThan(40);
    expect(countOverlaps(drawn)).toBe(0);
  });

  it("keeps labels off what is already drawn there", () => {
    const [right, left] = labelBoxes(300, 100, 6, 5, 120, 18);
    const placed = placeLabels([{ key: "beside a name", boxes: [right, left], priority: 1 }], bounds, [[300, 80, 460, 120]]);
    expect(placed.get("beside a name")).toBe(1);
    expect(placeLabels([{ key: "under a name", boxes: [right], priority: 1 }], bounds, [[300, 80, 460, 120]]).size).toBe(0);
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

describe("shiftInside", () => {
  const screen = { width: 800, height: 600 };

  it("leaves a box inside alone, and moves one that sticks out by just enough", () => {
    expect(shiftInside([10, 10, 200, 40], screen)).toEqual([0, 0]);
    expect(shiftInside([-30, 10, 170, 40], screen)).toEqual([30, 0]);
    expect(shiftInside([700, 580, 900, 610], screen)).toEqual([-100, -10]);
    expect(shiftInside([700, -5, 800, 25], screen)).toEqual([0, 5]);
  });

  it("keeps the start of a box wider than the screen on it", () => {
    expect(shiftInside([-50, 10, 850, 40], screen)).toEqual([50, 0]);
    expect(shiftInside([100, 10, 1000, 40], screen)).toEqual([-100, 0]);
  });
});

describe("countOverlaps", () => {
  it("counts each overlapping pair once, not boxes that only touch", () => {
    const boxes: Box[] = [
      [0, 0, 100, 20],
      [50, 10, 150, 30],
      [90, 15, 120, 40],
      [100, 0, 200, 10],
      [0, 20, 100, 40],
    ];
    // 1–2, 1–3, 2–3, 2–5 and 3–5 overlap; the fourth only touches the first and the second, the
    // fifth only touches the first.
    expect(countOverlaps(boxes)).toBe(5);
    expect(countOverlaps([])).toBe(0);
  });
});

describe("createLabelIndex", () => {
  const whole: Box = [0, 0, 1000, 1000];

  it("offers the most important nodes of the whole layout first when zoomed out", () => {
    const points = layout(500);
    const index = createLabelIndex(points, { perCell: 8 });
    const offered = index.query(whole, 1000);
    const mostImportant = [...points].sort((a, b) => b.priority - a.priority).slice(0, 8).map((p) => p.key);
    expect(offered).toEqual(mostImportant);
  });

  it("reveals more nodes as one zooms in, still the most important of each part first", () => {
    const points = layout(2000);
    const index = createLabelIndex(points, { perCell: 4 });
    const far = new Set(index.query(whole, 500));
    const near = index.query(whole, 125);
    expect(near.length).toBeGreaterThan(far.size);
    for (const key of far) expect(near).toContain(key);
    // Each cell of 125 units gives its four most important nodes.
    const cell = points.filter((p) => p.x < 125 && p.y < 125).sort((a, b) => b.priority - a.priority);
    expect(index.query([0, 0, 124, 124], 125)).toEqual(cell.slice(0, 4).map((p) => p.key));
  });

  it("gives every node of a small area once zoomed in far enough", () => {
    const points = layout(3000);
    const index = createLabelIndex(points, { perCell: 8 });
    const area: Box = [400, 400, 430, 430];
    const inside = points.filter((p) => p.x >= 400 && p.x <= 430 && p.y >= 400 && p.y <= 430).map((p) => p.key);
    expect(inside.length).toBeGreaterThan(0);
    const offered = index.query(area, 0.5);
    for (const key of inside) expect(offered).toContain(key);
  });

  it("bounds the work of a query by the cells on screen, not by the size of the graph", () => {
    const perCell = 8;
    // A screen 10 cells wide meets at most 12 × 12 cells of the level it reads (edges included).
    const bound = 12 * 12 * perCell;
    for (const count of [1_000, 50_000]) {
      const index = createLabelIndex(layout(count, count), { perCell });
      expect(index.query(whole, 100).length).toBeLessThanOrEqual(bound);
      expect(index.query([250, 250, 350, 350], 10).length).toBeLessThanOrEqual(bound);
    }
  });

  it("keeps every node of a crowded spot, even where the levels run out", () => {
    const points: LabelPoint[] = Array.from({ length: 40 }, (_, i) => ({ key: `same${i}`, x: 5, y: 5, priority: i / 40 }));
    points.push({ key: "far", x: 900, y: 900, priority: 0 });
    const index = createLabelIndex(points, { perCell: 4, maxDepth: 6 });
    expect(index.levels).toBe(7);
    expect(index.query([4, 4, 6, 6], 0.001)).toHaveLength(40);
  });

  it("answers nothing for an empty part of the layout, and a sparse part's few nodes at any zoom", () => {
    const crowded: LabelPoint[] = Array.from({ length: 200 }, (_, i) => ({ key: `c${i}`, x: (i % 20) / 2, y: Math.floor(i / 20) / 2, priority: i }));
    const sparse: LabelPoint[] = [{ key: "lone", x: 1000, y: 1000, priority: 0 }, { key: "pair", x: 990, y: 995, priority: 0 }];
    const index = createLabelIndex([...crowded, ...sparse], { perCell: 4 });
    // Beside the crowd, where cells were cut finer and hold nothing.
    expect(index.query([100, 100, 300, 300], 1)).toEqual([]);
    expect(new Set(index.query([980, 980, 1000, 1000], 1))).toEqual(new Set(["lone", "pair"]));
  });

  it("remembers where each node was indexed and answers nothing outside the layout", () => {
    const index = createLabelIndex(layout(10));
    expect(index.position("n0")).toEqual([expect.any(Number), expect.any(Number)]);
    expect(index.position("unknown")).toBeUndefined();
    expect(index.query([2000, 2000, 3000, 3000], 10)).toEqual([]);
    expect(createLabelIndex([]).query(whole, 10)).toEqual([]);
  });

  it("never offers a node the view does not show, nor lets it crowd out those it shows, yet remembers its place", () => {
    const shown = layout(300);
    // The nodes another view shows are parked at this one's middle, hidden, and matter more.
    const parked: LabelPoint[] = Array.from({ length: 50 }, (_, i) => ({ key: `parked${i}`, x: 500, y: 500, priority: 2 + i, absent: true }));
    const index = createLabelIndex([...shown, ...parked], { perCell: 4 });
    const alone = createLabelIndex(shown, { perCell: 4 });
    expect(index.size).toBe(shown.length);
    for (const [area, cell] of [[whole, 1000], [whole, 250], [[450, 450, 550, 550], 25]] as const) {
      expect(index.query(area, cell)).toEqual(alone.query(area, cell));
    }
    expect(index.position("parked7")).toEqual([500, 500]);
  });
});

describe("waitsForZoom", () => {
  it("holds article titles back where concepts share the screen, until zoomed in far enough", () => {
    expect(waitsForZoom("article", "map", 1)).toBe(true);
    expect(waitsForZoom("article", "map", ARTICLE_TITLES_FROM_ZOOM)).toBe(false);
    expect(waitsForZoom("article", "map", 3)).toBe(false);
  });

  it("lets article titles compete from the first frame in the articles view, where there is no concept", () => {
    expect(waitsForZoom("article", "articles", 1)).toBe(false);
    expect(waitsForZoom("article", "articles", 0.5)).toBe(false);
  });

  it("never holds a concept back", () => {
    for (const view of ["map", "concepts", "articles"] as const) expect(waitsForZoom("entity", view, 0.5)).toBe(false);
  });
});
