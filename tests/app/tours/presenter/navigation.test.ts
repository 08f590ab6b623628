/**
 * The presenter view's keys: the same as presenting in the main window, leaving the browser's
 * own shortcuts and a focused control's keys alone, and never leading outside the tour.
 */
import { describe, expect, it } from "vitest";
import { moveFor, stepAfter } from "../../../../src/app/tours/presenter/navigation";

const press = (key: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe("keys of the presenter view", () => {
  it("→, Space and PageDown go forward; ← and PageUp back; Home and End to either end", () => {
    expect(["ArrowRight", " ", "PageDown"].map((key) => moveFor(press(key)))).toEqual(["next", "next", "next"]);
    expect(["ArrowLeft", "PageUp"].map((key) => moveFor(press(key)))).toEqual(["previous", "previous"]);
    expect(moveFor(press("Home"))).toBe("first");
    expect(moveFor(press("End"))).toBe("last");
  });

  it("other keys do nothing", () => {
    expect(moveFor(press("a"))).toBeUndefined();
    expect(moveFor(press("Enter"))).toBeUndefined();
    expect(moveFor(press("ArrowDown"))).toBeUndefined();
  });

  it("leaves the browser's shortcuts alone (Alt+← is Back)", () => {
    expect(moveFor(press("ArrowLeft", { altKey: true }))).toBeUndefined();
    expect(moveFor(press("End", { ctrlKey: true }))).toBeUndefined();
    expect(moveFor(press("ArrowRight", { metaKey: true }))).toBeUndefined();
  });

  it("lets Space press a focused button, and leaves every key to a text field", () => {
    expect(moveFor(press(" "), "button")).toBeUndefined();
    expect(moveFor(press("ArrowRight"), "button")).toBe("next");
    expect(moveFor(press("ArrowRight"), "text")).toBeUndefined();
  });
});

describe("where a move leads", () => {
  it("one step on or back, or to either end", () => {
    expect(stepAfter("next", 2, 5)).toBe(3);
    expect(stepAfter("previous", 2, 5)).toBe(1);
    expect(stepAfter("first", 2, 5)).toBe(0);
    expect(stepAfter("last", 2, 5)).toBe(4);
  });

  it("never outside the tour", () => {
    expect(stepAfter("next", 4, 5)).toBe(4);
    expect(stepAfter("previous", 0, 5)).toBe(0);
    expect(stepAfter("last", 0, 0)).toBe(0);
  });
});
