import { describe, expect, it } from "vitest";
import { countOverlaps } from "../../../src/core/graph/overlap";
import { groupIterations, regionLayout } from "../../../src/core/layout/regions";
import { neighbourhoodShare, regionShare } from "../../../src/core/layout/quality";
import { plantedView, withNodes } from "./planted";

const distance = (p: { x: Float64Array; y: Float64Array }, a: number, b: number) => Math.hypot(p.x[a]! - p.x[b]!, p.y[a]! - p.y[b]!);

describe("regionLayout", () => {
  it("separates planted communities into regions of their own (5-NN community share above 0.9), keeping graph neighbours near", () => {
    const view = plantedView(8, 30);
    const places = regionLayout(view, { seed: 1 });
    expect(regionShare(places.x, places.y, view.community).share).toBeGreaterThan(0.9);
    expect(neighbourhoodShare(places.x, places.y, view)).toBeGreaterThan(0.5);
  });

  it("separates them too when communities are larger than a group ForceAtlas2 lays out whole (split and packed)", () => {
    const view = plantedView(4, 50);
    const places = regionLayout(view, { seed: 1, maxGroup: 12, maxSmoothed: 30 });
    expect(regionShare(places.x, places.y, view.community).share).toBeGreaterThan(0.9);
    expect(countOverlaps(places.x, places.y, view.size)).toBe(0);
  });

  it("leaves no two discs overlapping", () => {
    const view = plantedView(6, 25, 0.5);
    const places = regionLayout(view, { seed: 2 });
    expect(countOverlaps(places.x, places.y, Float64Array.from(view.size, (s) => s * 1.1), 1)).toBe(0);
  });

  it("gives the same places, bit for bit, for the same view and seed, and others for another seed", () => {
    const view = plantedView(5, 20);
    const a = regionLayout(view, { seed: 3 });
    const b = regionLayout(view, { seed: 3 });
    expect([...a.x, ...a.y]).toEqual([...b.x, ...b.y]);
    expect([...regionLayout(view, { seed: 4 }).x]).not.toEqual([...a.x]);
  });

  it("puts a node of a one-node (grey) community next to the node it links to, inside that region", () => {
    const planted = plantedView(4, 20);
    const neighbour = 25; // in community 1
    const view = withNodes(planted, [{ community: 99, size: 3, links: [neighbour] }]);
    const lone = view.nodes.length - 1;
    const places = regionLayout(view, { seed: 5 });
    const others = [...view.nodes.keys()].filter((i) => i !== lone);
    const nearest = others.sort((a, b) => distance(places, lone, a) - distance(places, lone, b)).slice(0, 5);
    expect(nearest.filter((i) => view.community[i] === 1).length).toBeGreaterThanOrEqual(4);
    // Within a few discs of its neighbour: the two discs, the margin, and room for a disc between.
    expect(distance(places, lone, neighbour)).toBeLessThan(4 * (3 + 6) * 1.1);
  });

  it("gathers isolated nodes, and lays out a view with no edges or a lone node at finite places", () => {
    const planted = plantedView(3, 20);
    const view = withNodes(planted, Array.from({ length: 10 }, () => ({ community: -1, size: 3, links: [] })));
    const places = regionLayout(view, { seed: 6 });
    const isolated = Array.from({ length: 10 }, (_, i) => planted.nodes.length + i);
    // Each isolated node's nearest node is another isolated one: they form one patch, not a ring.
    for (const node of isolated) {
      const nearest = [...view.nodes.keys()].filter((i) => i !== node).sort((a, b) => distance(places, node, a) - distance(places, node, b))[0]!;
      expect(isolated).toContain(nearest);
    }
    for (const lonely of [withNodes(plantedView(0, 1), [{ community: 0, size: 2, links: [] }]), withNodes(plantedView(0, 1), [])]) {
      const result = regionLayout(lonely);
      expect([...result.x, ...result.y].every(Number.isFinite)).toBe(true);
    }
  });
});

describe("groupIterations", () => {
  it("rations passes so that the work per node (passes × (size + fixed cost)) does not grow with the group", () => {
    const work = (size: number) => groupIterations(size) * (size + 24);
    for (const size of [30, 60, 100]) expect(work(size)).toBeLessThanOrEqual(work(10) * 1.05);
    expect(groupIterations(1)).toBeLessThanOrEqual(400);
    expect(groupIterations(10_000)).toBeGreaterThanOrEqual(40);
  });
});
