/**
 * Build-time layout of the three views (`VIEW_NAMES`): the map into the nodes' `x`, `y`, the
 * concepts and articles views into their `positions`. Each is community-aware (`core/layout`):
 * regions laid out on their own and packed side by side, so that the map shows regions rather
 * than one round hairball; the communities are the graph's, shared by the three views, so a
 * region keeps its colour and name from view to view.
 *
 * Deterministic for a given graph and seed, so rebuilding the same document gives the same
 * pictures, byte for byte; and linear in the graph's size, so a 10 MB reading list lays out in
 * seconds (ForceAtlas2 over the whole graph cost 42% of the bundled build and grew faster than
 * the input).
 */
import type { InsightGraph } from "./build";
import { VIEW_NAMES } from "./types";
import { viewLayout } from "../layout/index";

export interface LayoutOptions {
  seed: number;
  /**
   * ForceAtlas2 passes for every group of nodes laid out; by default rationed by the group's size
   * (`groupIterations` in core/layout/regions), which keeps the cost linear. Few passes make a
   * rough picture fast (tests that only need places).
   */
  iterations?: number;
}

const DEFAULTS: LayoutOptions = { seed: 42 };

/** Lays out the map and the other views of `graph`, in place. */
export function assignLayout(graph: InsightGraph, options: Partial<LayoutOptions> = {}): void {
  const { seed, iterations } = { ...DEFAULTS, ...options };
  for (const view of VIEW_NAMES) {
    viewLayout.assign(graph, { view, seed, ...(iterations === undefined ? {} : { iterations: () => iterations }) });
  }
}
