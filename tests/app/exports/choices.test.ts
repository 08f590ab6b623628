/** What the Export menu offers for a state (the DOM and downloads are driven in tests/e2e/exports.test.ts). */
import { describe, expect, it } from "vitest";
import { SLIDE, SLIDE_2X, exportItems, handoutFileName, imageFileName } from "../../../src/app/exports/choices";
import { INITIAL_STATE, type AppState } from "../../../src/app/state/store";

const ids = (state: AppState, tourOpen = false) => exportItems(state, tourOpen).map((item) => item.id);

describe("exportItems", () => {
  it("always offers the reading list of what is shown and the two images", () => {
    expect(ids(INITIAL_STATE)).toEqual(["shown", "image", "image-2x"]);
    expect(exportItems(INITIAL_STATE, false).map((item) => item.text)).toEqual([
      "Reading list of what is shown (Markdown)",
      "Image 1920×1080 (PNG)",
      "Image 2× (PNG)",
    ]);
  });

  it("says why the reading list of what is shown cannot be made while nothing is shown", () => {
    expect(exportItems(INITIAL_STATE, false)[0]!.unavailable).toMatch(/^Nothing is shown yet/);
    const chosen: AppState = { ...INITIAL_STATE, selection: { kind: "concepts", ids: ["entity:postgresql"], match: "all" } };
    expect(exportItems(chosen, false)[0]!.unavailable).toBeUndefined();
    const path: AppState = { ...INITIAL_STATE, path: { from: "entity:kafka", to: "entity:mvcc" } };
    expect(exportItems(path, false)[0]!.unavailable).toBeUndefined();
    const halfPath: AppState = { ...INITIAL_STATE, path: { from: "entity:kafka", to: null } };
    expect(exportItems(halfPath, false)[0]!.unavailable).toBeDefined();
  });

  it("offers the region's reading list while a region is shown, and the tour's while a tour is open", () => {
    const region: AppState = { ...INITIAL_STATE, selection: { kind: "region", community: 2 } };
    expect(ids(region)).toEqual(["shown", "region", "image", "image-2x"]);
    expect(ids(INITIAL_STATE, true)).toEqual(["shown", "tour", "image", "image-2x"]);
    expect(ids(region, true)).toEqual(["shown", "region", "tour", "image", "image-2x"]);
  });
});

describe("file names", () => {
  it("names a hand-out by its title, an image by its view and pixel ratio", () => {
    expect(handoutFileName({ title: "PostgreSQL and MVCC", groups: [] })).toBe("insight-graph-postgresql-and-mvcc.md");
    expect(handoutFileName({ title: "···", groups: [] })).toBe("insight-graph-reading-list.md");
    expect(imageFileName("map", SLIDE)).toBe("insight-graph-map.png");
    expect(imageFileName("articles", SLIDE_2X)).toBe("insight-graph-articles@2x.png");
  });
});
