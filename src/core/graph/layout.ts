/**
 * Build-time layout: ForceAtlas2 from a seeded start, then noverlap so labels and discs do not
 * sit on each other. Deterministic for a given graph and seed, so rebuilding the same document
 * gives the same picture.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { InsightGraph } from "./build";
import { seededRandom } from "../random";

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; by default fewer for larger graphs so the build stays quick. */
  iterations?: number;
}

const DEFAULTS: LayoutOptions = { seed: 42 };

export function defaultIterations(order: number): number {
  if (order <= 500) return 800;
  if (order <= 5000) return 500;
  return 150;
}

export function assignLayout(graph: InsightGraph, options: Partial<LayoutOptions> = {}): void {
  const { seed, iterations = defaultIterations(graph.order) } = { ...DEFAULTS, ...options };
  const random = seededRandom(seed);
  const radius = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node) => {
    const angle = random() * 2 * Math.PI;
    const r = radius * Math.sqrt(random());
    graph.mergeNodeAttributes(node, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });

  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: null,
      settings: {
        ...forceAtlas2.inferSettings(graph),
        // Hubs such as "PostgreSQL" would otherwise pull every article into one knot.
        outboundAttractionDistribution: true,
        // Strong, weak gravity keeps small disconnected pieces near the map instead of flung to
        // its edges, and lets the topical clusters (languages, databases, kernels) spread apart.
        strongGravityMode: true,
        gravity: 0.05,
        scalingRatio: 5,
        barnesHutOptimize: graph.order > 400,
      },
    });
  }
  noverlap.assign(graph, { maxIterations: 150, settings: { margin: 1, ratio: 1.1 } });

  graph.forEachNode((node, attr) => {
    graph.mergeNodeAttributes(node, { x: round(attr.x), y: round(attr.y) });
  });
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
