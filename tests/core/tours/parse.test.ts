import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTour, formatTourError, parseTour, tourGraphOf, tourId, type TourGraph } from "../../../src/core/tours/index";
import { MAX_TOUR_ERRORS } from "../../../src/core/tours/errors";
import { communities } from "../../../src/core/communities/index";
import { fixtureGraph } from "../../app/fixtures/graph";
import { KAFKA_AT_NETFLIX, POSTGRES_MVCC, viewsGraph } from "../../app/data/views-fixture";

// The fixture reading list as a build gives it: regions and places in every view.
const built = viewsGraph();
communities.assign(built as unknown as Parameters<typeof communities.assign>[0]);
const graph = tourGraphOf(built);
const FILE = "data/tours/kafka.json";

const lines = (text: string, on: TourGraph = graph) => {
  const parsed = parseTour(text, FILE, on);
  return parsed.errors ? parsed.errors.map(formatTourError) : [];
};
const tour = (...steps: unknown[]) => JSON.stringify({ title: "Kafka", steps });

describe("parseTour", () => {
  it("accepts a tour, with the file's base name as its id and without the editors' $schema", () => {
    const text = JSON.stringify({
      $schema: "./tour.schema.json",
      title: "Kafka",
      description: "Where Kafka comes up.",
      steps: [
        { show: { node: "entity:kafka" }, note: "Start *here*." },
        { show: { concepts: ["entity:kafka", "entity:netflix"], match: "any" }, view: "concepts" },
        { show: { path: { from: "entity:kafka", to: POSTGRES_MVCC } }, filters: { hide: ["type:person", "section:Techniques › I/O"], min: 2, rare: true } },
        { title: "Its region", show: { regionOf: "entity:kafka" }, color: "region", camera: { x: 0.5, y: 0.5, ratio: 0.25 } },
      ],
    });
    expect(parseTour(text, FILE, graph)).toEqual({
      tour: {
        id: "kafka",
        title: "Kafka",
        description: "Where Kafka comes up.",
        steps: [
          { show: { node: "entity:kafka" }, note: "Start *here*." },
          { show: { concepts: ["entity:kafka", "entity:netflix"], match: "any" }, view: "concepts" },
          { show: { path: { from: "entity:kafka", to: POSTGRES_MVCC } }, filters: { hide: ["type:person", "section:Techniques › I/O"], min: 2, rare: true } },
          { title: "Its region", show: { regionOf: "entity:kafka" }, color: "region", camera: { x: 0.5, y: 0.5, ratio: 0.25 } },
        ],
      },
    });
  });

  it("reads a file that starts with a byte-order mark", () => {
    expect(parseTour(`\uFEFF${tour({ show: { node: "entity:kafka" } })}`, FILE, graph).tour?.steps).toHaveLength(1);
  });

  it("reports a JSON syntax error by line and column", () => {
    const text = '{\n  "title": "Kafka",\n  "steps": [\n    { "show": { "node": "entity:kafka" } },\n  ]\n}';
    expect(lines(text)).toEqual([`${FILE}:5:3: a comma before "]" (JSON allows no trailing comma)`]);
    expect(parseTour(text, FILE, graph).errors).toEqual([
      { file: FILE, line: 5, column: 3, message: 'a comma before "]" (JSON allows no trailing comma)' },
    ]);
  });

  describe("against the schema", () => {
    it("refuses what is not a tour", () => {
      expect(lines("[]")).toEqual([`${FILE}: expected an object, found a list`]);
      expect(lines("null")).toEqual([`${FILE}: expected an object, found null`]);
      expect(lines("{}")).toEqual([`${FILE}: title: missing`, `${FILE}: steps: missing`]);
      expect(lines('{"title": "Kafka", "steps": []}')).toEqual([`${FILE}: steps: needs at least 1 item`]);
    });

    it("refuses fields it does not know, at every level", () => {
      expect(lines(JSON.stringify({ title: "Kafka", author: "me", steps: [{ show: { node: "entity:kafka" } }] }))).toEqual([
        `${FILE}: author: not a field of a tour`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, zoom: 2 }))).toEqual([`${FILE}: step 1: zoom: not a field of a step`]);
      expect(lines(tour({ show: { node: "entity:kafka", depth: 2 } }))).toEqual([`${FILE}: step 1: show.depth: not a field of "show"`]);
      expect(lines(tour({ show: { path: { from: "entity:kafka", to: "entity:rust", via: "x" } } }))).toEqual([
        `${FILE}: step 1: show.path.via: not a field of "path"`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { hidden: [] } }))).toEqual([`${FILE}: step 1: filters.hidden: not a field of "filters"`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, camera: { x: 0, y: 0, ratio: 1, angle: 0 } }))).toEqual([
        `${FILE}: step 1: camera.angle: not a field of "camera"`,
      ]);
    });

    it("wants exactly one thing shown", () => {
      expect(lines(tour({ show: {} }))).toEqual([`${FILE}: step 1: show: must name exactly one of node, concepts, path, regionOf, not none`]);
      expect(lines(tour({ show: { node: "entity:kafka", regionOf: "entity:kafka" } }))).toEqual([
        `${FILE}: step 1: show: must name exactly one of node, concepts, path, regionOf, not node and regionOf`,
      ]);
      expect(lines(tour({ note: "x" }))).toEqual([`${FILE}: step 1: show: missing`]);
      expect(lines(tour({ show: "entity:kafka" }))).toEqual([`${FILE}: step 1: show: expected an object, found text "entity:kafka"`]);
      expect(lines(tour({ show: { node: "entity:kafka", match: "any" } }))).toEqual([`${FILE}: step 1: show: "match" goes with "concepts" only`]);
    });

    it("bounds concepts to one to three, each once", () => {
      expect(lines(tour({ show: { concepts: [] } }))).toEqual([`${FILE}: step 1: show.concepts: needs at least 1 item`]);
      expect(lines(tour({ show: { concepts: ["entity:kafka", "entity:rust", "entity:mvcc", "entity:netflix"] } }))).toEqual([
        `${FILE}: step 1: show.concepts: has 4 items, at most 3`,
      ]);
      expect(lines(tour({ show: { concepts: ["entity:kafka", "entity:kafka"] } }))).toEqual([`${FILE}: step 1: show.concepts: names the same item twice`]);
    });

    it("says what a field takes", () => {
      expect(lines(tour({ show: { node: 5 } }))).toEqual([`${FILE}: step 1: show.node: expected text, found the whole number 5`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, view: "graph" }))).toEqual([
        `${FILE}: step 1: view: "graph" is not one of "map", "concepts", "articles"`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, color: "size" }))).toEqual([`${FILE}: step 1: color: "size" is not one of "type", "region"`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { min: 0 } }))).toEqual([`${FILE}: step 1: filters.min: must be at least 1`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { min: 1.5 } }))).toEqual([
        `${FILE}: step 1: filters.min: expected a whole number, found the number 1.5`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { rare: "yes" } }))).toEqual([
        `${FILE}: step 1: filters.rare: expected true or false, found text "yes"`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { hide: ["type:robot", "colour:red"] } }))).toEqual([
        `${FILE}: step 1: filters.hide[0]: no concept type "robot" (there are organization, technology, technique, person)`,
        `${FILE}: step 1: filters.hide[1]: "colour:red" names neither "type:" and a concept type nor "section:" and a section`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, camera: { x: 0, y: 0, ratio: 0 } }))).toEqual([`${FILE}: step 1: camera.ratio: must be more than 0`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, camera: { x: 0, ratio: 1 } }))).toEqual([`${FILE}: step 1: camera.y: missing`]);
    });

    it("bounds the lengths of titles and notes", () => {
      expect(lines(JSON.stringify({ title: "", steps: [{ show: { node: "entity:kafka" } }] }))).toEqual([`${FILE}: title: is empty`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, title: "t".repeat(81) }))).toEqual([`${FILE}: step 1: title: is too long (81 characters, at most 80)`]);
      expect(lines(tour({ show: { node: "entity:kafka" }, note: "n".repeat(1201) }))).toEqual([
        `${FILE}: step 1: note: is too long (1201 characters, at most 1200)`,
      ]);
    });

    it("reports every problem, step by step", () => {
      expect(lines(tour({ show: { node: "entity:kafka" } }, { show: { node: 1 } }, { show: { node: "entity:kafka" }, view: "x" }))).toEqual([
        `${FILE}: step 2: show.node: expected text, found the whole number 1`,
        `${FILE}: step 3: view: "x" is not one of "map", "concepts", "articles"`,
      ]);
    });
  });

  describe("against the graph", () => {
    it("names the file, the step and the missing node", () => {
      expect(lines(tour({ show: { node: "entity:kafka" } }, { show: { node: "entity:kafka" } }, { show: { node: "entity:foo" } }))).toEqual([
        `${FILE}: step 3: show.node: no node "entity:foo" in this graph`,
      ]);
      expect(parseTour(tour({ show: { node: "entity:foo" } }), FILE, graph).errors).toEqual([
        { file: FILE, step: 1, field: "show.node", message: 'no node "entity:foo" in this graph' },
      ]);
    });

    it("checks every node a step names", () => {
      expect(lines(tour({ show: { concepts: ["entity:kafka", "entity:foo"] } }, { show: { path: { from: "entity:bar", to: "entity:baz" } } }, { show: { regionOf: "x" } }))).toEqual([
        `${FILE}: step 1: show.concepts[1]: no node "entity:foo" in this graph`,
        `${FILE}: step 2: show.path.from: no node "entity:bar" in this graph`,
        `${FILE}: step 2: show.path.to: no node "entity:baz" in this graph`,
        `${FILE}: step 3: show.regionOf: no node "x" in this graph`,
      ]);
    });

    it("wants concepts to be concepts", () => {
      expect(lines(tour({ show: { concepts: [KAFKA_AT_NETFLIX] } }))).toEqual([
        `${FILE}: step 1: show.concepts[0]: "${KAFKA_AT_NETFLIX}" is an article, not a concept`,
      ]);
    });

    it("wants what a step shows to light something in its view", () => {
      const NOTE = "article:a-note-with-no-concepts";
      expect(lines(tour({ show: { node: NOTE }, view: "concepts" }))).toEqual([`${FILE}: step 1: show.node: "${NOTE}" lights nothing in the concepts view`]);
      // An article chosen among concepts lights its concepts; a concept among articles, its articles.
      expect(lines(tour({ show: { node: KAFKA_AT_NETFLIX }, view: "concepts" }, { show: { concepts: ["entity:kafka"] }, view: "articles" }))).toEqual([]);
      const unplaced = viewsGraph();
      unplaced.forEachNode((node, attributes) => {
        if (attributes.kind === "entity") unplaced.setNodeAttribute(node, "positions", {});
      });
      expect(lines(tour({ show: { node: "entity:kafka" }, view: "concepts" }), tourGraphOf(unplaced))).toEqual([
        `${FILE}: step 1: show.node: "entity:kafka" lights nothing in the concepts view`,
      ]);
    });

    it("wants a path to have a route", () => {
      // The note names no concept: no mention joins it to anything.
      expect(lines(tour({ show: { path: { from: "entity:kafka", to: "article:a-note-with-no-concepts" } } }))).toEqual([
        `${FILE}: step 1: show.path: no path joins "entity:kafka" and "article:a-note-with-no-concepts" in this graph`,
      ]);
      expect(lines(tour({ show: { path: { from: "entity:kafka", to: "entity:mvcc" } } }))).toEqual([]);
    });

    it("wants a region, and sections the graph has", () => {
      expect(lines(tour({ show: { regionOf: "entity:kafka" } }), tourGraphOf(fixtureGraph()))).toEqual([
        `${FILE}: step 1: show.regionOf: "entity:kafka" is in no region (this graph has no regions)`,
      ]);
      expect(lines(tour({ show: { node: "entity:kafka" }, filters: { hide: ["section:Techniques", "section:Techniques › I/O", "section:Cooking"] } }))).toEqual([
        `${FILE}: step 1: filters.hide[2]: no section "Cooking" in this graph`,
      ]);
    });

    it("asks only what the graph can answer", () => {
      const bare: TourGraph = { hasNode: (key) => key.startsWith("entity:"), isConcept: () => true };
      expect(lines(tour({ show: { regionOf: "entity:x" }, view: "concepts", filters: { hide: ["section:Anything"] } }, { show: { path: { from: "entity:a", to: "entity:b" } } }), bare)).toEqual([]);
    });
  });

  it("quotes a long value cut short, and caps a long list of problems", () => {
    const long = `entity:${"x".repeat(400)}`;
    const [line] = lines(tour({ show: { node: long } }));
    expect(line!.length).toBeLessThan(160);
    expect(line).toContain('"entity:xxxx');
    expect(line).toContain('…"');
    const many = lines(tour(...Array.from({ length: 50 }, (_, i) => ({ show: { node: `entity:missing-${i}` } }))));
    expect(many).toHaveLength(MAX_TOUR_ERRORS + 1);
    expect(many.at(-1)).toBe(`${FILE}: and 30 more problems`);
  });

  it("refuses a text far larger than any tour before reading it", () => {
    const huge = tour(...Array.from({ length: 20_000 }, () => ({ show: { node: "entity:kafka" }, note: "n".repeat(100) })));
    expect(lines(huge)).toEqual([`${FILE}: too large for a tour (more than 1,000,000 characters)`]);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ title: "t", steps: [v] }))), (text) => {
        const parsed = parseTour(text, FILE, graph);
        expect(parsed.tour !== undefined || parsed.errors!.length > 0).toBe(true);
      }),
    );
  });
});

describe("checkTour", () => {
  it("checks a value already read, as the tour it names", () => {
    expect(checkTour({ title: "t", steps: [{ show: { node: "entity:kafka" } }] }, 'tour "k"', "k", graph)).toEqual({
      tour: { id: "k", title: "t", steps: [{ show: { node: "entity:kafka" } }] },
    });
    expect(checkTour({ id: "k", title: "t", steps: [{ show: { node: "entity:kafka" } }] }, 'tour "k"', "k", graph).errors?.map(formatTourError)).toEqual([
      'tour "k": id: not a field of a tour',
    ]);
  });
});

describe("tourId", () => {
  it.each([
    ["data/tours/load-management.json", "load-management"],
    ["C:\\tours\\Mine.JSON", "Mine"],
    ["plain", "plain"],
  ])("%s → %s", (file, id) => {
    expect(tourId(file)).toBe(id);
  });
});
