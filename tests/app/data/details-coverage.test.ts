/**
 * The promise of the Details panel: for every concept, every article the graph links to it is
 * listed, once, and no other; each quote marks exactly the words the evidence points at.
 * Walked over the fixture and over the graph the build writes from the bundled document.
 */
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { articlesForEntity, articlesMatching, quotableEvidence } from "../../../src/app/data/articles";
import { articleAttributes, evidenceOf, isEntity, mentioningArticles, parseGraph, type AppGraph } from "../../../src/app/data/graph";
import { evidenceText } from "../../../src/app/data/quote";
import { ensureGraph } from "../../../scripts/ensure-graph";
import { fixtureGraph } from "../fixtures/graph";

function checkEveryEntity(graph: AppGraph): number {
  let checked = 0;
  graph.forEachNode((entity, attributes) => {
    if (!isEntity(attributes)) return;
    const linked = mentioningArticles(graph, entity).sort();
    const listed = articlesForEntity(graph, entity);
    expect(listed.map((a) => a.id).sort(), attributes.label).toEqual(linked);
    expect(articlesMatching(graph, [entity], "all").map((a) => a.id).sort(), attributes.label).toEqual(linked);
    for (const item of listed) {
      const evidence = quotableEvidence(evidenceOf(graph, item.id, entity));
      if (!evidence) continue;
      const words = evidenceText(articleAttributes(graph, item.id), evidence).slice(evidence.start, evidence.end);
      expect(item.quote.text.slice(item.quote.markStart, item.quote.markEnd), `${attributes.label} in ${item.label}`).toBe(
        words,
      );
    }
    checked++;
  });
  return checked;
}

describe("Details lists exactly the linked articles", () => {
  it("for every entity of the fixture", () => {
    expect(checkEveryEntity(fixtureGraph())).toBeGreaterThan(0);
  });

  describe("for every entity of the built graph", () => {
    let graph: AppGraph;
    beforeAll(async () => {
      graph = parseGraph(await readFile(await ensureGraph(), "utf8"));
    }, 600_000);

    it("walks them all", () => {
      const entities = graph.filterNodes((_n, a) => a.kind === "entity").length;
      expect(entities).toBeGreaterThan(0);
      expect(checkEveryEntity(graph)).toBe(entities);
    });
  });
});
