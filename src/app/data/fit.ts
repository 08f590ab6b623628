/**
 * Camera framing that leaves room for labels. Node positions scale with the zoom but labels keep
 * their size in pixels, so "show these nodes with their labels" has no closed form: the zoom is
 * found by bisection, then the centre puts the whole drawing, labels included, in the middle.
 * Pure and DOM-free; the renderer converts sigma's coordinates to these pixels and back.
 */

export interface FitItem {
  /** The node's position in screen pixels when the camera ratio is 1 (from any fixed origin). */
  x: number;
  y: number;
  /** The node's radius in pixels at a camera ratio (nodes may grow as the camera zooms in). */
  radius: (ratio: number) => number;
  /** The label drawn beside the node, when it has one, in pixels. */
  label?: { width: number; height: number; side: "left" | "right"; gap: number };
}

export interface FitOptions {
  /** The screen, in pixels. */
  width: number;
  height: number;
  /** Blank pixels kept on every side. */
  padding: number;
  /** The closest and the farthest camera ratios allowed. */
  minRatio: number;
  maxRatio: number;
}

export interface Fit {
  ratio: number;
  /** The camera centre, in the items' pixels at ratio 1. */
  x: number;
  y: number;
}

interface Span {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the items cover on screen at `ratio`, relative to the point the camera looks at × ratio. */
function span(items: readonly FitItem[], ratio: number): Span {
  const covered: Span = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (const item of items) {
    const x = item.x / ratio;
    const y = item.y / ratio;
    const radius = item.radius(ratio);
    const label = item.label;
    const labelReach = label ? radius + label.gap + label.width : radius;
    const half = label ? Math.max(radius, label.height / 2) : radius;
    covered.left = Math.min(covered.left, x - (label?.side === "left" ? labelReach : radius));
    covered.right = Math.max(covered.right, x + (label?.side === "right" ? labelReach : radius));
    covered.top = Math.min(covered.top, y - half);
    covered.bottom = Math.max(covered.bottom, y + half);
  }
  return covered;
}

/** Steps of the bisection: the ratio range shrinks to well under a pixel's worth. */
const BISECTION_STEPS = 30;

/**
 * The closest camera (smallest ratio within bounds) at which every item and its label lies
 * inside the screen less its padding, centred on what they cover. When even the farthest ratio
 * allowed cannot hold them with their labels (a narrow screen, long labels), the nodes alone are
 * framed: a label that would run off the screen is placed on a node's other side or left out by
 * the label pass, but a node framed off the screen is lost. When the farthest ratio cannot hold
 * even the nodes, that ratio, still centred. Null for no items.
 */
export function fitItems(items: readonly FitItem[], options: FitOptions): Fit | null {
  if (items.length === 0) return null;
  const room = { width: options.width - 2 * options.padding, height: options.height - 2 * options.padding };
  const fits = (ratio: number) => {
    const covered = span(items, ratio);
    return covered.right - covered.left <= room.width && covered.bottom - covered.top <= room.height;
  };
  if (!fits(options.maxRatio) && items.some((item) => item.label)) {
    return fitItems(
      items.map(({ label: _label, ...node }) => node),
      options,
    );
  }
  let ratio = options.maxRatio;
  if (fits(options.minRatio)) {
    ratio = options.minRatio;
  } else if (fits(options.maxRatio)) {
    // Geometric bisection: ratios span orders of magnitude.
    let near = options.minRatio;
    let far = options.maxRatio;
    for (let step = 0; step < BISECTION_STEPS; step++) {
      const middle = Math.sqrt(near * far);
      if (fits(middle)) far = middle;
      else near = middle;
    }
    ratio = far;
  }
  const covered = span(items, ratio);
  return { ratio, x: ((covered.left + covered.right) / 2) * ratio, y: ((covered.top + covered.bottom) / 2) * ratio };
}
