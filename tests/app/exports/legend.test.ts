/** The legend an exported image carries says what the Legend panel says of the view drawn. */
import { describe, expect, it } from "vitest";
import { communities } from "../../../src/core/communities/index";
import { imageLegend } from "../../../src/app/exports/legend";
import { namedRegions, regionsOf } from "../../../src/app/data/regions";
import { fixtureGraph } from "../fixtures/graph";
import { viewsGraph } from "../data/views-fixture";

describe("imageLegend", () => {
  it("by concept type: the view's marks, each with the colour the graph draws it in, articles as squares", () => {
    const graph = fixtureGraph();
    const legend = imageLegend(graph, "map", "type");
    expect(legend.title).toBe("Map · fixture.txt");
    expect(legend.rows.map((row) => row.text)).toEqual(["Articles", "Organizations", "Technologies", "Techniques", "People"]);
    expect(legend.rows[0]).toMatchObject({ shape: "square", colour: graph.getNodeAttribute("article:kafka-at-netflix-scale", "color") });
    expect(legend.rows[2]).toMatchObject({ shape: "circle", colour: graph.getNodeAttribute("entity:postgresql", "color") });
    expect(legend.more).toBeUndefined();
  });

  it("speaks of the view drawn: no article among concepts, no concept type among articles", () => {
    const graph = viewsGraph();
    expect(imageLegend(graph, "concepts", "type").rows.map((row) => row.text)).not.toContain("Articles");
    expect(imageLegend(graph, "articles", "type").rows.map((row) => row.text)).toEqual(["Articles"]);
    expect(imageLegend(graph, "articles", "type").title).toMatch(/^Articles · /);
  });

  it("by region: the regions the panel names, in its order and colours, and how many it leaves out", () => {
    const graph = viewsGraph();
    communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
    const { shown, others } = namedRegions(regionsOf(graph));
    const legend = imageLegend(graph, "map", "region");
    expect(legend.rows).toEqual(shown.map((region) => ({ shape: "circle", colour: region.color, text: region.name })));
    if (others > 0) expect(legend.more).toBe(`and ${others} smaller ${others === 1 ? "region" : "regions"}`);
    else expect(legend.more).toBeUndefined();
  });

  it("by type when the graph has no regions to colour by", () => {
    const graph = fixtureGraph();
    expect(imageLegend(graph, "map", "region")).toEqual(imageLegend(graph, "map", "type"));
  });
});
