import { describe, expect, it } from "vitest";
import { toursOf } from "../../../src/app/tours/load";
import { communities } from "../../../src/core/communities/index";
import { viewsGraph } from "../data/views-fixture";

function graphWith(tours: unknown) {
  const graph = viewsGraph();
  communities.assign(graph as unknown as Parameters<typeof communities.assign>[0]);
  if (tours !== undefined) graph.setAttribute("tours", tours as never);
  return graph;
}

const good = { id: "kafka", title: "Kafka", steps: [{ show: { node: "entity:kafka" } }, { show: { regionOf: "entity:kafka" } }] };

describe("toursOf", () => {
  it("has no tours, and nothing to say, for a graph that carries none", () => {
    expect(toursOf(graphWith(undefined))).toEqual({ tours: [], problems: [] });
  });

  it("keeps the tours that pass, in order", () => {
    const other = { id: "mvcc", title: "MVCC", steps: [{ show: { concepts: ["entity:mvcc", "entity:postgresql"], match: "any" } }] };
    expect(toursOf(graphWith([good, other]))).toEqual({ tours: [good, other], problems: [] });
  });

  it("drops a tour that fails a check, saying which and why, and keeps the rest", () => {
    const missing = { id: "broken", title: "Broken", steps: [{ show: { node: "entity:kafka" } }, { show: { node: "entity:gone" } }] };
    expect(toursOf(graphWith([missing, good]))).toEqual({
      tours: [good],
      problems: ['graph.json: tours[0]: tour "broken": step 2: show.node: no node "entity:gone" in this graph; the tour is dropped'],
    });
  });

  it("drops what is not a tour: no id, a repeated id, not an object, fields no tour has", () => {
    const { problems, tours } = toursOf(graphWith([good, "a tour", { title: "x", steps: [] }, good, { ...good, id: "extra", colour: "red" }]));
    expect(tours).toEqual([good]);
    expect(problems).toEqual([
      "graph.json: tours[1]: not a tour; the tour is dropped",
      "graph.json: tours[2]: no id; the tour is dropped",
      'graph.json: tours[3]: a second tour with the id "kafka"; the tour is dropped',
      'graph.json: tours[4]: tour "extra": colour: not a field of a tour; the tour is dropped',
    ]);
  });

  it("shows none when the attribute is not a list", () => {
    expect(toursOf(graphWith({ kafka: good }))).toEqual({ tours: [], problems: ["graph.json: tours: expected a list of tours; none shown"] });
  });

  it("says a few problems and counts the rest", () => {
    const { problems } = toursOf(graphWith(Array.from({ length: 25 }, () => 1)));
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)).toBe("and 15 more tours dropped");
  });
});
