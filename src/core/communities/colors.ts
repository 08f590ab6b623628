/**
 * Community colours as data: a d3-scale ordinal scale over a categorical scheme, by community
 * number, so the largest regions get the scheme's first (most distinct) colours and a rebuild
 * gives every region the colour it had. Small communities share one neutral colour: a handful of
 * nodes needs no hue of its own, and the scheme's hues are kept for the regions one can see.
 */
import { scaleOrdinal } from "d3-scale";

/**
 * Tableau 10's nine hues (d3-scale-chromatic's `schemeTableau10`, written out: the project does
 * not carry that package for one constant). Its tenth colour, a warm grey, is `OTHER_COLOR`.
 * With more communities than hues the scale cycles (community 9 is drawn like community 0).
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

/** The colour of community `id` of `size` nodes, for a scheme and a minimum size. */
export function communityColor(options: Partial<CommunityColorOptions> = {}): (id: number, size: number) => string {
  const { scheme, minSize, otherColor } = { ...DEFAULT_COLOR_OPTIONS, ...options };
  // An explicit domain, and the number taken modulo the scheme: an implicit ordinal domain grows
  // in the order values are asked for, and the colour must depend on the number alone.
  const hue = scaleOrdinal<number, string>().domain(scheme.map((_, i) => i)).range(scheme);
  return (id, size) => (size < minSize || scheme.length === 0 ? otherColor : hue(id % scheme.length));
}
