/**
 * What the tour editor's buttons do to a tour: a new tour, a step added, moved, edited and
 * deleted, each giving a new tour and leaving the old one as it was; and the file it exports.
 */
import { describe, expect, it } from "vitest";
import type { Tour, TourStep } from "../../../src/core/tours/types";
import { addStep, editStep, exportFileName, importErrorLines, moveStep, newTour, removeStep, tourFileText } from "../../../src/app/tours/editor";

const A: TourStep = { show: { node: "entity:postgresql" }, note: "First" };
const B: TourStep = { show: { concepts: ["entity:postgresql", "entity:mvcc"] } };
const C: TourStep = { title: "The path", show: { path: { from: "entity:kafka", to: "entity:rust" } } };

const tourOf = (...steps: TourStep[]): Tour => ({ id: "local:t", title: "T", steps });

describe("a new tour", () => {
  it("has the title given, no steps, and a local id from its title not yet taken", () => {
    expect(newTour("  Postgres in production ", [])).toEqual({ id: "local:postgres-in-production", title: "Postgres in production", steps: [] });
    expect(newTour("Postgres", ["local:postgres"]).id).toBe("local:postgres-2");
  });
});

describe("adding, moving and deleting steps", () => {
  it("adds a step at the end", () => {
    expect(addStep(tourOf(A), B).steps).toEqual([A, B]);
  });

  it("moves a step up or down by one place", () => {
    const tour = tourOf(A, B, C);
    expect(moveStep(tour, 2, -1).steps).toEqual([A, C, B]);
    expect(moveStep(tour, 0, 1).steps).toEqual([B, A, C]);
  });

  it("does not move a step past either end (the same tour back)", () => {
    const tour = tourOf(A, B, C);
    expect(moveStep(tour, 0, -1)).toBe(tour);
    expect(moveStep(tour, 2, 1)).toBe(tour);
    expect(moveStep(tour, 7, 1)).toBe(tour);
  });

  it("deletes a step, and nothing for a step that is not there", () => {
    const tour = tourOf(A, B, C);
    expect(removeStep(tour, 1).steps).toEqual([A, C]);
    expect(removeStep(tour, 3)).toBe(tour);
  });

  it("leaves the tour it was given as it was", () => {
    const tour = tourOf(A, B, C);
    const before = structuredClone(tour);
    addStep(tour, A);
    moveStep(tour, 0, 1);
    removeStep(tour, 0);
    editStep(tour, 0, { title: "New", note: "" });
    expect(tour).toEqual(before);
  });
});

describe("editing a step", () => {
  it("sets its title and note, trimmed", () => {
    const edited = editStep(tourOf(A, B), 1, { title: "  Both  ", note: "  Look at **both**.\n\nThen compare.  " });
    expect(edited.steps[1]).toEqual({ ...B, title: "Both", note: "Look at **both**.\n\nThen compare." });
  });

  it("takes a blank title or note away: the step is named by what it shows again", () => {
    const edited = editStep(tourOf(C, A), 0, { title: "   " });
    expect(edited.steps[0]).toEqual({ show: C.show });
    expect(editStep(tourOf(A), 0, { note: "" }).steps[0]).toEqual({ show: A.show });
  });

  it("keeps what the change does not name", () => {
    expect(editStep(tourOf(A), 0, { title: "Start" }).steps[0]).toEqual({ ...A, title: "Start" });
  });
});

describe("the exported file", () => {
  const tour: Tour = { id: "local:load-management", title: "Load management: Uber → CoDel", description: "Why queues.", steps: [A, C] };

  it("is the tour as data/tours/ holds one: its schema named, no app id, two-space JSON and a final newline", () => {
    const text = tourFileText(tour);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "title": ');
    expect(JSON.parse(text)).toEqual({ $schema: "./tour.schema.json", title: tour.title, description: tour.description, steps: [A, C] });
  });

  it("is named after the tour's title", () => {
    expect(exportFileName(tour)).toBe("load-management-uber-codel.json");
    expect(exportFileName({ ...tour, title: "!!!" })).toBe("tour.json");
  });
});

describe("an import that failed", () => {
  it("names the file, then each problem where it is, at most five and a count of the rest", () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ file: "mine.json", step: i + 1, field: "show.node", message: `no node "entity:n${i}" in this graph` }));
    expect(importErrorLines("mine.json", errors)).toEqual([
      "mine.json is not a tour this map can show:",
      'mine.json: step 1: show.node: no node "entity:n0" in this graph',
      'mine.json: step 2: show.node: no node "entity:n1" in this graph',
      'mine.json: step 3: show.node: no node "entity:n2" in this graph',
      'mine.json: step 4: show.node: no node "entity:n3" in this graph',
      'mine.json: step 5: show.node: no node "entity:n4" in this graph',
      "and 2 more",
    ]);
  });
});
