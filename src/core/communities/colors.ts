/**
 * Community colours as data: hues of a categorical scheme (through a d3-scale ordinal scale),
 * handed out largest region first so that regions linked to each other differ, and a rebuild
 * gives every region the colour it had. Small communities share one neutral colour: a handful of
 * nodes needs no hue of its own, and the scheme's hues are kept for the regions one can see.
 */
import { scaleOrdinal } from "d3-scale";

/**
 * Tableau 10's nine hues (d3-scale-chromatic's `schemeTableau10`, written out: the project does
 * not carry that package for one constant). Its tenth colour, a warm grey, is `OTHER_COLOR`.
 * With more communities than hues, hues repeat among regions that are not linked (see `communityColors`).
 */
export const COMMUNITY_SCHEME: readonly string[] = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
];

/** Tableau 10's grey: the colour communities below the minimum size share. */
export const OTHER_COLOR = "#bab0ab";

export interface CommunityColorOptions {
  /** Colours by community number, cycled (default `COMMUNITY_SCHEME`). */
  scheme: readonly string[];
  /** Nodes a community needs for a colour of its own (default 3). */
  minSize: number;
  /** The colour of smaller ones (default `OTHER_COLOR`). */
  otherColor: string;
}

export const DEFAULT_COLOR_OPTIONS: CommunityColorOptions = { scheme: COMMUNITY_SCHEME, minSize: 3, otherColor: OTHER_COLOR };

/** Two communities and the weight of the edges between them (mentions from one to the other). */
export interface CommunityLink {
  a: number;
  b: number;
  weight: number;
}

/**
 * A colour for every community (by number, `sizes[id]` its node count): communities below the
 * minimum size get the neutral colour; the others, largest first, each take the hue that the
 * communities it is most linked to (already coloured) hold least, so two regions that touch on
 * the map differ in colour even when there are more regions than hues; among equally free hues,
 * the least used one, then the scheme's order. Depends on the sizes and links alone, so a
 * rebuild of the same input colours every region as before.
 */
export function communityColors(
  sizes: readonly number[],
  links: readonly CommunityLink[],
  options: Partial<CommunityColorOptions> = {},
): string[] {
  const { scheme, minSize, otherColor } = { ...DEFAULT_COLOR_OPTIONS, ...options };
  const neighbours = sizes.map(() => new Map<number, number>());
  for (const { a, b, weight } of links) {
    if (a === b || !(weight > 0)) continue;
    neighbours[a]?.set(b, (neighbours[a]!.get(b) ?? 0) + weight);
    neighbours[b]?.set(a, (neighbours[b]!.get(a) ?? 0) + weight);
  }
  // An explicit domain: the scale maps a hue's index to its colour, whatever order they are asked in.
  const hue = scaleOrdinal<number, string>().domain(scheme.map((_, i) => i)).range(scheme);
  const chosen: (number | undefined)[] = [];
  const used = scheme.map(() => 0);
  return sizes.map((size, id) => {
    if (size < minSize || scheme.length === 0) return otherColor;
    const clash = scheme.map(() => 0);
    for (const [other, weight] of neighbours[id]!) {
      const taken = chosen[other];
      if (taken !== undefined) clash[taken]! += weight;
    }
    let best = 0;
    for (let i = 1; i < scheme.length; i++) {
      if (clash[i]! < clash[best]! || (clash[i] === clash[best] && used[i]! < used[best]!)) best = i;
    }
    chosen[id] = best;
    used[best]!++;
    return hue(best);
  });
}
