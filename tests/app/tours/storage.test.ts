/**
 * Tours made in the browser are kept in its local storage: read back as they were written, kept
 * apart per site, and never a crash when the storage is full, switched off or damaged.
 */
import { describe, expect, it } from "vitest";
import type { Tour } from "../../../src/core/tours/types";
import {
  loadLocalTours,
  localTourId,
  readLocalTours,
  removeLocalTour,
  saveLocalTour,
  type TourShelf,
} from "../../../src/app/tours/storage";

/** The Web Storage interface over a Map, with an optional limit in characters (keys and values). */
class FakeStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly limit = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.limit) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const shelfOn = (storage: Storage | null, scope = "/insight-graph/"): TourShelf => ({ storage, scope });

const tour = (id: string, title: string, note = "Why it matters"): Tour => ({
  id,
  title,
  steps: [
    { show: { node: "entity:postgresql" }, note },
    { title: "Both", show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "any" }, view: "concepts" },
  ],
});

describe("keeping tours in the browser", () => {
  it("gives back the tours it kept, as they were, by title", () => {
    const shelf = shelfOn(new FakeStorage());
    expect(saveLocalTour(tour("local:zebra", "Zebra"), shelf)).toEqual({ ok: true });
    expect(saveLocalTour(tour("local:apes", "Apes"), shelf)).toEqual({ ok: true });
    expect(loadLocalTours(shelf)).toEqual([tour("local:apes", "Apes"), tour("local:zebra", "Zebra")]);
  });

  it("replaces a tour saved again under its id, and forgets a removed one", () => {
    const shelf = shelfOn(new FakeStorage());
    saveLocalTour(tour("local:a", "A", "first"), shelf);
    saveLocalTour(tour("local:a", "A", "second"), shelf);
    expect(loadLocalTours(shelf).map((t) => t.steps[0]?.note)).toEqual(["second"]);
    expect(removeLocalTour("local:a", shelf)).toEqual({ ok: true });
    expect(loadLocalTours(shelf)).toEqual([]);
    expect(removeLocalTour("local:a", shelf)).toEqual({ ok: true });
  });

  it("keeps only tours made in the browser (ids starting local:)", () => {
    const shelf = shelfOn(new FakeStorage());
    const result = saveLocalTour(tour("load-management", "Bundled"), shelf);
    expect(result.ok).toBe(false);
    expect(loadLocalTours(shelf)).toEqual([]);
  });

  it("keeps the tours of two sites on one origin apart", () => {
    const storage = new FakeStorage();
    saveLocalTour(tour("local:a", "Reading"), shelfOn(storage, "/reading/"));
    saveLocalTour(tour("local:b", "Papers"), shelfOn(storage, "/papers/"));
    expect(loadLocalTours(shelfOn(storage, "/reading/")).map((t) => t.title)).toEqual(["Reading"]);
    expect(loadLocalTours(shelfOn(storage, "/papers/")).map((t) => t.title)).toEqual(["Papers"]);
  });

  it("ignores the page's other entries in the same storage", () => {
    const storage = new FakeStorage();
    storage.setItem("theme", "dark");
    saveLocalTour(tour("local:a", "A"), shelfOn(storage));
    expect(readLocalTours(shelfOn(storage))).toEqual({ tours: [tour("local:a", "A")], problems: [] });
  });
});

describe("storage that fails", () => {
  it("says the storage is full when a tour does not fit, and keeps what was there", () => {
    const storage = new FakeStorage(600);
    const shelf = shelfOn(storage);
    expect(saveLocalTour(tour("local:small", "Small"), shelf)).toEqual({ ok: true });
    const result = saveLocalTour(tour("local:big", "Big", "x".repeat(1000)), shelf);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/storage .* is full.*"Big" was not kept.*Export it as a file/) });
    expect(loadLocalTours(shelf).map((t) => t.id)).toEqual(["local:small"]);
  });

  it("says so when the browser gives the page no storage, and reads as no tours", () => {
    const shelf = shelfOn(null);
    expect(readLocalTours(shelf)).toEqual({ tours: [], problems: [] });
    expect(saveLocalTour(tour("local:a", "A"), shelf)).toEqual({ ok: false, message: expect.stringMatching(/does not let the page keep tours/) });
    expect(removeLocalTour("local:a", shelf).ok).toBe(false);
  });

  it("leaves out a damaged entry, names it, and keeps reading the others", () => {
    const storage = new FakeStorage();
    const shelf = shelfOn(storage);
    saveLocalTour(tour("local:good", "Good"), shelf);
    storage.setItem("insight-graph:tour:/insight-graph/#local:not-json", "{ not json");
    storage.setItem("insight-graph:tour:/insight-graph/#local:no-steps", JSON.stringify({ id: "local:no-steps", title: "T" }));
    storage.setItem(
      "insight-graph:tour:/insight-graph/#local:bad-step",
      JSON.stringify({ id: "local:bad-step", title: "T", steps: [{ show: { node: 42 } }] }),
    );
    storage.setItem("insight-graph:tour:/insight-graph/#local:other-id", JSON.stringify(tour("local:elsewhere", "T")));
    const { tours, problems } = readLocalTours(shelf);
    expect(tours.map((t) => t.id)).toEqual(["local:good"]);
    expect(problems).toHaveLength(4);
    expect(problems.join(" ")).toMatch(/local:not-json.*could not be read/);
  });

  it("survives a storage whose every read throws", () => {
    const hostile = new FakeStorage();
    hostile.getItem = () => {
      throw new DOMException("denied", "SecurityError");
    };
    hostile.setItem("insight-graph:tour:/insight-graph/#local:a", "{}");
    expect(readLocalTours(shelfOn(hostile))).toEqual({ tours: [], problems: ["The tours kept in this browser could not be read."] });
  });
});

describe("ids of tours made in the browser", () => {
  it("are local: and the title's slug, numbered when taken", () => {
    expect(localTourId("Load shedding, from Uber to CoDel", [])).toBe("local:load-shedding-from-uber-to-codel");
    expect(localTourId("Postgres", ["local:postgres"])).toBe("local:postgres-2");
    expect(localTourId("Postgres", ["local:postgres", "local:postgres-2"])).toBe("local:postgres-3");
  });

  it("are never empty, nor endless", () => {
    expect(localTourId("???", [])).toBe("local:tour");
    expect(localTourId("a".repeat(500), []).length).toBeLessThanOrEqual("local:".length + 60);
  });
});
