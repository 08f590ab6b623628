/**
 * The frame benchmark's arithmetic (scripts/bench/frames.ts), kept apart from the browser so
 * that it can be tested: medians, overlapping label boxes, and where a CPU profile's time went.
 */
import { basename } from "node:path";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A label on the map: its node (or region), its text, and its box in viewport pixels. */
export interface LabelBox {
  key: string;
  text: string;
  /** Left, top, right, bottom. */
  box: readonly [number, number, number, number];
}

/**
 * Pairs of labels whose boxes overlap by more than half a pixel both ways: labels that merely
 * touch, or meet by a rounding error, do not count.
 */
export function overlappingPairs(labels: readonly LabelBox[]): [LabelBox, LabelBox][] {
  const SLACK = 0.5;
  const pairs: [LabelBox, LabelBox][] = [];
  const sorted = [...labels].sort((a, b) => a.box[0] - b.box[0]);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    // Sorted by left edge: once a box starts right of a's right edge, none after it can overlap a.
    for (let j = i + 1; j < sorted.length && sorted[j]!.box[0] < a.box[2] - SLACK; j++) {
      const b = sorted[j]!;
      const across = Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
      const down = Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]);
      if (across > SLACK && down > SLACK) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** A node of Chrome's sampled CPU profile (the DevTools protocol's Profiler.ProfileNode). */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The DevTools protocol's Profiler.Profile, as far as it is read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** The leaf node of each sample. */
  samples: number[];
  /** Microseconds from the previous sample (the first from the profile's start). */
  timeDeltas: number[];
}

export interface FunctionCost {
  /** Function name and place ("render index-abc.js:21936"), or a VM pseudo-node ("(garbage collector)"). */
  name: string;
  /** Milliseconds spent in the function itself. */
  self: number;
  /** Milliseconds with everything it called; a recursive function is counted once per sample. */
  total: number;
}

/**
 * Where a profile's time went, by function: the time a sample lasts (until the next sample) goes
 * to its leaf as self time, and to the leaf and every caller above it as total time. Functions
 * of the same name and place are one, wherever they were called from. Heaviest self time first.
 */
export function costByFunction(profile: CpuProfile): FunctionCost[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = new Map(
    profile.nodes.map((node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? ` ${basename(url)}:${lineNumber + 1}` : "";
      return [node.id, `${functionName || "(anonymous)"}${where}`];
    }),
  );
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = nameOf.get(sample)!;
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    const counted = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = nameOf.get(id)!;
      if (counted.has(name)) continue;
      counted.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return [...total.entries()]
    .map(([name, ms]) => ({ name, self: self.get(name) ?? 0, total: ms }))
    .sort((a, b) => b.self - a.self || b.total - a.total || (a.name < b.name ? -1 : 1));
}
