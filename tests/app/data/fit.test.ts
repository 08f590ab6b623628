import { describe, expect, it } from "vitest";
import { fitItems, type FitItem } from "../../../src/app/data/fit";

const screen = { width: 1000, height: 800, padding: 20, minRatio: 0.01, maxRatio: 10 };
const node = (x: number, y: number, label?: number, side: "left" | "right" = "right"): FitItem => ({
  x,
  y,
  radius: () => 5,
  ...(label === undefined ? {} : { label: { width: label, height: 20, side, gap: 5 } }),
});

/** Where an item's drawing lies on screen under a fit. */
function onScreen(item: FitItem, fit: { ratio: number; x: number; y: number }) {
  const x = screen.width / 2 + (item.x - fit.x) / fit.ratio;
  const y = screen.height / 2 + (item.y - fit.y) / fit.ratio;
  const reach = item.label ? 5 + item.label.gap + item.label.width : 5;
  return {
    left: item.label?.side === "left" ? x - reach : x - 5,
    right: item.label?.side === "right" ? x + reach : x + 5,
    top: y - 10,
    bottom: y + 10,
  };
}

describe("fitItems", () => {
  it("keeps every node and its whole label inside the padded screen, filling it", () => {
    const items = [node(0, 0, 300), node(400, 100, 400), node(100, 300)];
    const fit = fitItems(items, screen)!;
    const boxes = items.map((item) => onScreen(item, fit));
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    expect(left).toBeGreaterThanOrEqual(20 - 0.5);
    expect(right).toBeLessThanOrEqual(980 + 0.5);
    // As close as it can be: the widest side touches the padding.
    expect(Math.max(right - left - 960, Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)) - 760)).toBeGreaterThan(-2);
  });

  it("zooms out further for long labels than for the nodes alone", () => {
    const bare = fitItems([node(0, 0), node(600, 0)], screen)!;
    const labelled = fitItems([node(0, 0), node(600, 0, 500)], screen)!;
    expect(labelled.ratio).toBeGreaterThan(bare.ratio);
  });

  it("centres on the drawing, labels included, not on the nodes alone", () => {
    const fit = fitItems([node(0, 0), node(600, 0, 500)], screen)!;
    expect(fit.x).toBeGreaterThan(300);
    const leftLabel = fitItems([node(0, 0, 500, "left"), node(600, 0)], screen)!;
    expect(leftLabel.x).toBeLessThan(300);
  });

  it("stops at the closest ratio allowed for a single node", () => {
    expect(fitItems([node(50, 50, 80)], { ...screen, minRatio: 0.2 })!.ratio).toBe(0.2);
  });

  it("frames the nodes alone, centred on them, when their labels can never fit (a narrow screen)", () => {
    // Two nodes 600 px apart whose labels (5,000 px) no ratio up to 1 can hold: centring on the
    // labels would push the nodes off the screen; the nodes are framed instead.
    const items = [node(0, 0, 5000), node(600, 0, 5000)];
    const fit = fitItems(items, { ...screen, maxRatio: 1 })!;
    expect(fit.x).toBeCloseTo(300, 5);
    for (const item of items) {
      const x = screen.width / 2 + (item.x - fit.x) / fit.ratio;
      expect(x).toBeGreaterThanOrEqual(20);
      expect(x).toBeLessThanOrEqual(980);
    }
  });

  it("stops at the farthest ratio allowed when even the nodes cannot fit, still centred", () => {
    const fit = fitItems([node(0, 0), node(50_000, 0)], { ...screen, maxRatio: 1 })!;
    expect(fit.ratio).toBe(1);
    expect(fit.x).toBeCloseTo(25_000, 5);
  });

  it("has nothing to fit without items", () => {
    expect(fitItems([], screen)).toBeNull();
  });
});
