import { describe, expect, it } from "vitest";
import { communityColor, COMMUNITY_SCHEME, OTHER_COLOR } from "../../../src/core/communities/colors";

describe("communityColor", () => {
  const color = communityColor();

  it("gives each community the scheme's colour at its number, cycling past the end", () => {
    expect(COMMUNITY_SCHEME.map((_, id) => color(id, 10))).toEqual([...COMMUNITY_SCHEME]);
    expect(color(COMMUNITY_SCHEME.length, 10)).toBe(COMMUNITY_SCHEME[0]);
    expect(color(COMMUNITY_SCHEME.length + 2, 10)).toBe(COMMUNITY_SCHEME[2]);
  });

  it("depends on the number alone, not on the order colours are asked for", () => {
    const other = communityColor();
    expect([5, 0, 3].map((id) => other(id, 10))).toEqual([5, 0, 3].map((id) => color(id, 10)));
  });

  it("gives communities below the minimum size the neutral colour, distinct from every hue", () => {
    expect(color(0, 2)).toBe(OTHER_COLOR);
    expect(color(0, 3)).toBe(COMMUNITY_SCHEME[0]);
    expect(COMMUNITY_SCHEME).not.toContain(OTHER_COLOR);
    expect(communityColor({ minSize: 1 })(0, 1)).toBe(COMMUNITY_SCHEME[0]);
  });

  it("takes another scheme and neutral colour", () => {
    const custom = communityColor({ scheme: ["#000", "#fff"], otherColor: "#888" });
    expect([0, 1, 2].map((id) => custom(id, 5))).toEqual(["#000", "#fff", "#000"]);
    expect(custom(1, 1)).toBe("#888");
    expect(communityColor({ scheme: [], otherColor: "#888" })(0, 50)).toBe("#888");
  });
});
