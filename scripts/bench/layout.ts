/**
 * The layout benchmark: how well each view's layout separates regions, and what it costs.
 *  - Quality, per view (map, concepts, articles), on the bundled list and the two lists in
 *    ../shared/corpora: the 5-NN community share (target ≥ 0.7; see src/core/layout/quality.ts
 *    for its exact definition), the share of map neighbours within two hops in the view's graph,
 *    overlapping node discs (target 0), the nodes and edges laid out, and the layout's time.
 *  - Growth: the three views' layout time on synthetic lists of 1,000 and 10,000 articles
 *    (scripts/lib/synthetic.ts, seeded), against the ×10 a linear layout would show; target:
 *    well under 20 s at 10,000 articles.
 * Each graph is built as `npm run graph` builds it (`buildGraphFromFiles`), then each view is laid
 * out again here, alone, timed in wall-clock and CPU time (steadier on a shared machine).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGraphFromFiles } from "../lib/build";
import { DEFAULT_INPUT, PROJECT_ROOT } from "../lib/paths";
import { loadSyntheticVocabulary, syntheticReadingList } from "../lib/synthetic";
import { VIEW_NAMES, type ViewName } from "../../src/core/graph/types";
import type { InsightGraph } from "../../src/core/graph/build";
import { layoutQuality, viewLayout, type ViewQuality } from "../../src/core/layout/index";

const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");
const DATASETS: [name: string, file: string][] = [
  ["bundled", DEFAULT_INPUT],
  ["scalability", join(CORPORA, "awesome-scalability.md")],
  ["primer", join(CORPORA, "system-design-primer.md")],
];
const GROWTH_SIZES = [1_000, 10_000] as const;
const TARGET_SHARE = 0.7;

interface ViewFigures extends ViewQuality {
  ms: number;
  cpuMs: number;
}

/** Lays out `view` of `graph` again (the same places the build gave it), timed, then measures it. */
function measureView(graph: InsightGraph, view: ViewName): ViewFigures {
  const cpu = process.cpuUsage();
  const started = performance.now();
  viewLayout.assign(graph, { view });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ...layoutQuality(graph, view), ms, cpuMs: (used.user + used.system) / 1000 };
}

function row(name: string, f: ViewFigures): string {
  const share = Number.isNaN(f.regionShare) ? "   n/a" : f.regionShare.toFixed(3);
  return (
    `  ${name.padEnd(12)} ${f.view.padEnd(9)} ${String(f.nodes).padStart(6)} ${String(f.edges).padStart(6)}   ` +
    `${share} (${String(f.measured).padStart(5)})  ${f.regionShareOfAll.toFixed(3)}   ${f.neighbourhood.toFixed(3)}  ` +
    `${String(f.overlaps).padStart(8)}  ${f.ms.toFixed(0).padStart(7)} ${f.cpuMs.toFixed(0).padStart(7)}`
  );
}

export async function benchLayout(): Promise<void> {
  console.log(
    "layout quality per view (5-NN share: mean share of a node's 5 nearest on the map in its community, over nodes of communities of more than 5 in the view, target ≥ 0.7; " +
      "all: the same over every node; near: share of the 5 nearest within two hops in the view's graph; overlaps: pairs of node discs, target 0; ms: wall, cpu)",
  );
  console.log(`  ${"dataset".padEnd(12)} ${"view".padEnd(9)}  nodes  edges   5-NN share (nodes)   all     near   overlaps  wall ms  cpu ms`);
  let warmed = false;
  const misses: string[] = [];
  for (const [name, file] of DATASETS) {
    const graph = await buildGraphFromFiles([file]);
    if (!warmed) {
      // The first layout pays for compiling the code: lay the map out once untimed.
      viewLayout(graph, { view: "map" });
      warmed = true;
    }
    for (const view of VIEW_NAMES) {
      const figures = measureView(graph, view);
      console.log(row(name, figures));
      if (figures.regionShare < TARGET_SHARE || figures.overlaps > 0) misses.push(`${name} ${view}`);
    }
  }
  console.log(misses.length === 0 ? "  every view meets both targets" : `  targets missed: ${misses.join(", ")}`);

  const vocabulary = await loadSyntheticVocabulary();
  const folder = await mkdtemp(join(tmpdir(), "insight-graph-layout-"));
  try {
    const totals: { articles: number; nodes: number; ms: number; cpuMs: number }[] = [];
    console.log("layout growth: synthetic lists (scripts/lib/synthetic.ts), the three views laid out one after the other");
    for (const articles of GROWTH_SIZES) {
      const file = join(folder, `synthetic-${articles}.md`);
      await writeFile(file, syntheticReadingList(vocabulary, { articles, format: "markdown" }));
      const graph = await buildGraphFromFiles([file]);
      const views = VIEW_NAMES.map((view) => measureView(graph, view));
      for (const figures of views) console.log(row(`${articles} art.`, figures));
      totals.push({
        articles,
        nodes: graph.order,
        ms: views.reduce((sum, v) => sum + v.ms, 0),
        cpuMs: views.reduce((sum, v) => sum + v.cpuMs, 0),
      });
    }
    for (const t of totals) {
      console.log(`  ${t.articles} articles, ${t.nodes} nodes: three views in ${(t.ms / 1000).toFixed(1)} s wall, ${(t.cpuMs / 1000).toFixed(1)} s CPU`);
    }
    const [small, large] = [totals[0]!, totals.at(-1)!];
    console.log(
      `  growth ${small.articles} → ${large.articles} articles: nodes ×${(large.nodes / small.nodes).toFixed(1)}, ` +
        `layout ×${(large.ms / small.ms).toFixed(1)} wall, ×${(large.cpuMs / small.cpuMs).toFixed(1)} CPU (linear: the nodes' ratio); ` +
        `${(large.ms / 1000).toFixed(1)} s at ${large.articles} articles (target: well under 20 s)`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
