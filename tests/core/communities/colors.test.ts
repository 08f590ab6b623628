import { describe, expect, it } from "vitest";
import { communityColors, COMMUNITY_SCHEME, OTHER_COLOR } from "../../../src/core/communities/colors";

describe("communityColors", () => {
  it("gives unlinked communities the scheme's hues in order, largest first, then the least used again", () => {
    const sizes = Array.from({ length: COMMUNITY_SCHEME.length + 2 }, () => 10);
    const colors = communityColors(sizes, []);
    expect(colors.slice(0, COMMUNITY_SCHEME.length)).toEqual([...COMMUNITY_SCHEME]);
    expect(colors.slice(COMMUNITY_SCHEME.length)).toEqual(COMMUNITY_SCHEME.slice(0, 2));
  });

  it("never gives two linked communities one hue while the scheme has a free one", () => {
    // Community 9 (one more than the scheme's hues) is linked to 0 and 1: a cycling scale
    // would give it community 0's hue; here it takes one that neither neighbour holds.
    const sizes = Array.from({ length: COMMUNITY_SCHEME.length + 1 }, () => 10);
    const last = COMMUNITY_SCHEME.length;
    const colors = communityColors(sizes, [
      { a: 0, b: last, weight: 5 },
      { a: 1, b: last, weight: 2 },
    ]);
    expect(colors[last]).not.toBe(colors[0]);
    expect(colors[last]).not.toBe(colors[1]);
  });

  it("when every hue is taken by a neighbour, takes the one it is least linked to", () => {
    const scheme = ["#a00", "#0a0"];
    const colors = communityColors(
      [10, 10, 10],
      [
        { a: 0, b: 2, weight: 9 },
        { a: 1, b: 2, weight: 1 },
      ],
      { scheme },
    );
    expect(colors).toEqual(["#a00", "#0a0", "#0a0"]);
  });

  it("depends on sizes and links alone, not on the order links are listed", () => {
    const links = [
      { a: 0, b: 1, weight: 3 },
      { a: 1, b: 2, weight: 1 },
      { a: 0, b: 2, weight: 2 },
    ];
    expect(communityColors([9, 8, 7], links)).toEqual(communityColors([9, 8, 7], [...links].reverse()));
  });

  it("gives communities below the minimum size the neutral colour, distinct from every hue", () => {
    expect(communityColors([3, 2], [])).toEqual([COMMUNITY_SCHEME[0], OTHER_COLOR]);
    expect(COMMUNITY_SCHEME).not.toContain(OTHER_COLOR);
    expect(communityColors([1], [], { minSize: 1 })).toEqual([COMMUNITY_SCHEME[0]]);
  });

  it("takes another scheme and neutral colour", () => {
    const custom = communityColors([5, 5, 5, 1], [], { scheme: ["#000", "#fff"], otherColor: "#888" });
    expect(custom).toEqual(["#000", "#fff", "#000", "#888"]);
    expect(communityColors([50], [], { scheme: [], otherColor: "#888" })).toEqual(["#888"]);
  });
});
