/**
 * Importing a tour file in the browser: read with the build's rules, given a local id, and a
 * file that is not a tour (broken JSON, not a tour, nodes this graph lacks, too large,
 * unreadable) refused with what is wrong and where, never a throw.
 */
import { describe, expect, it } from "vitest";
import { formatTourError, type TourFile } from "../../../src/core/tours";
import { tourFileText } from "../../../src/app/tours/editor";
import { importTourFile, MAX_TOUR_FILE_BYTES, type ChosenFile } from "../../../src/app/tours/import";
import { fixtureGraph } from "../fixtures/graph";

const graph = fixtureGraph();
const file = (name: string, text: string): ChosenFile => ({ name, size: new TextEncoder().encode(text).length, text: async () => text });
const lines = (result: Awaited<ReturnType<typeof importTourFile>>) => ("errors" in result ? result.errors.map(formatTourError) : []);

const TOUR: TourFile = {
  title: "Postgres, briefly",
  steps: [
    { show: { node: "entity:postgresql" }, note: "Start *here*." },
    { title: "Both", show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "any" } },
  ],
};

describe("importing a tour file", () => {
  it("gives the tour with a local id from its title", async () => {
    const result = await importTourFile(file("anything.json", JSON.stringify(TOUR)), graph, []);
    expect(result).toEqual({ tour: { id: "local:postgres-briefly", ...TOUR } });
  });

  it("numbers the id past the tours this browser has", async () => {
    const result = await importTourFile(file("t.json", JSON.stringify(TOUR)), graph, ["local:postgres-briefly"]);
    expect("tour" in result && result.tour.id).toBe("local:postgres-briefly-2");
  });

  it("reads back what the editor exports, with the same steps", async () => {
    const exported = tourFileText({ id: "local:x", ...TOUR });
    const result = await importTourFile(file("postgres-briefly.json", exported), graph, []);
    expect("tour" in result && result.tour.steps).toEqual(TOUR.steps);
  });
});

describe("a file that is not a tour", () => {
  it("broken JSON: the file, line and column", async () => {
    const result = await importTourFile(file("broken.json", '{\n  "title": "T",\n  "steps": [\n    { "show": { "node": "entity:postgresql" } },\n  ]\n}'), graph, []);
    expect(lines(result)).toEqual([expect.stringMatching(/^broken\.json:5:\d+: /)]);
  });

  it("not a tour: the field", async () => {
    const result = await importTourFile(file("list.json", JSON.stringify({ title: "T", steps: [] })), graph, []);
    expect(lines(result)[0]).toMatch(/^list\.json: steps: /);
  });

  it("a node this graph lacks: the step and the field", async () => {
    const tour: TourFile = { ...TOUR, steps: [...TOUR.steps, { show: { node: "entity:not-in-this-graph" } }] };
    const result = await importTourFile(file("elsewhere.json", JSON.stringify(tour)), graph, []);
    expect(lines(result)).toEqual(['elsewhere.json: step 3: show.node: no node "entity:not-in-this-graph" in this graph']);
  });

  it("too large: refused unread", async () => {
    let read = false;
    const huge: ChosenFile = { name: "video.mp4", size: MAX_TOUR_FILE_BYTES + 1, text: async () => ((read = true), "") };
    expect(lines(await importTourFile(huge, graph, []))).toEqual([expect.stringMatching(/^video\.mp4: too large for a tour/)]);
    expect(read).toBe(false);
  });

  it("unreadable: said, not thrown", async () => {
    const failing: ChosenFile = { name: "gone.json", size: 10, text: () => Promise.reject(new Error("NotReadableError")) };
    expect(lines(await importTourFile(failing, graph, []))).toEqual(["gone.json: the file could not be read"]);
  });

  it("binary or empty: a message, not a throw", async () => {
    expect(lines(await importTourFile(file("empty.json", ""), graph, []))).toHaveLength(1);
    expect(lines(await importTourFile(file("png.json", "\u0089PNG\r\n\u001a\n\u0000\u0000"), graph, []))).toHaveLength(1);
  });
});
