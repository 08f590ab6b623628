/**
 * The bottom sheet of narrow screens: its three heights, where a drag ends, and when it opens
 * on Details by itself.
 */
import { describe, expect, it } from "vitest";
import { hasNewSubject, hasSubject, sheetTops, snapHeight, stepHeight } from "../../src/app/sheet";
import { INITIAL_STATE, focusArticle, focusConcept, showPath, type AppState } from "../../src/app/state/store";

describe("sheet heights", () => {
  it("steps up and down one height at a time, and stops at either end", () => {
    expect(stepHeight("collapsed", 1)).toBe("half");
    expect(stepHeight("half", 1)).toBe("full");
    expect(stepHeight("full", 1)).toBe("full");
    expect(stepHeight("full", -1)).toBe("half");
    expect(stepHeight("collapsed", -1)).toBe("collapsed");
  });

  it("puts the top edge above the bar, at the middle of the screen, or near the top", () => {
    expect(sheetTops(800, 112)).toEqual({ collapsed: 688, half: 400, full: 48 });
  });

  it("never puts the full sheet's top below the half sheet's on a very short screen", () => {
    const tops = sheetTops(80, 60);
    expect(tops.full).toBeLessThanOrEqual(tops.half);
  });
});

describe("where a drag of the sheet ends", () => {
  const tops = sheetTops(800, 112);

  it("snaps to the height whose top edge is nearest to where it was let go", () => {
    expect(snapHeight(650, tops, 0)).toBe("collapsed");
    expect(snapHeight(500, tops, 0)).toBe("half");
    expect(snapHeight(300, tops, 0)).toBe("half");
    expect(snapHeight(150, tops, 0)).toBe("full");
  });

  it("goes on to the next height in the direction of a flick", () => {
    // Let go just above the half height, flicked down: collapsed, not half.
    expect(snapHeight(420, tops, 1.2)).toBe("collapsed");
    // Let go just below the half height, flicked up: full.
    expect(snapHeight(380, tops, -1.2)).toBe("full");
    // A slow drag is not a flick.
    expect(snapHeight(420, tops, 0.1)).toBe("half");
  });

  it("keeps the last height when flicked past it", () => {
    expect(snapHeight(60, tops, -2)).toBe("full");
    expect(snapHeight(700, tops, 2)).toBe("collapsed");
  });
});

describe("when the sheet opens on Details by itself", () => {
  const concept = focusConcept(INITIAL_STATE, "entity:postgresql");

  it("opens when a concept or an article is chosen", () => {
    expect(hasNewSubject(concept, INITIAL_STATE)).toBe(true);
    expect(hasNewSubject(focusArticle(concept, "article:x"), concept)).toBe(true);
  });

  it("opens when a path is found", () => {
    const path = showPath(concept, { from: "entity:a", to: "entity:b" });
    expect(hasNewSubject(path, concept)).toBe(true);
  });

  it("stays as it is when nothing new is chosen: a camera move, a filter, a selection let go", () => {
    const moved: AppState = { ...concept, camera: { x: 0.2, y: 0.3, ratio: 0.5 } };
    expect(hasNewSubject(moved, concept)).toBe(false);
    const filtered: AppState = { ...concept, filters: { ...concept.filters, minArticles: 3 } };
    expect(hasNewSubject(filtered, concept)).toBe(false);
    expect(hasNewSubject({ ...concept, selection: { kind: "none" } }, concept)).toBe(false);
  });

  it("counts a link to a concept or a path as something to show, and the bare map as nothing", () => {
    expect(hasSubject(INITIAL_STATE)).toBe(false);
    expect(hasSubject(concept)).toBe(true);
    expect(hasSubject({ ...INITIAL_STATE, path: { from: "entity:a", to: null } })).toBe(false);
  });
});
