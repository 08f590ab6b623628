/**
 * The map's labels: the text each node shows, its font and sizes, and the placement pass that
 * decides which labels have room on screen and on which side of their node. The renderer reads
 * the verdicts through node states (`labelRoom`, `labelSide`); the geometry is in data/labels.
 */
import { labelBoxes, placeLabels, type LabelCandidate } from "./data/labels";
import { shorten } from "./data/text";
import type { AppGraph } from "./data/graph";
import type { InsightSigma } from "./renderer";

const PRESENTATION_SCALE = 1.4;

/** Article titles on the map are cut to this many characters (whole on hover and in Details). */
const MAX_MAP_TITLE = 36;

/** Label sizes in pixels: plain, lit, hovered, chosen (before presentation's enlargement). */
export const LABEL_SIZE = { plain: 15, lit: 16, hovered: 18, focus: 19 } as const;

export function labelSize(base: number, presenting: boolean): number {
  return presenting ? Math.round(base * PRESENTATION_SCALE) : base;
}

export const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", weight: "600" };

/** Sigma's gap between a node's edge and its label, in pixels (its label default). */
export const LABEL_GAP = 5;

/** A label's line box is this many times its font size high. */
export const LABEL_LINE_HEIGHT = 1.25;

let measureContext: CanvasRenderingContext2D | null = null;
const measuredWidths = new Map<string, number>();

/** Width in pixels of `text` drawn in the map's label font at `size` pixels, as the browser sets it. */
export function measureLabel(text: string, size: number): number {
  const key = `${size}|${text}`;
  let width = measuredWidths.get(key);
  if (width === undefined) {
    measureContext ??= document.createElement("canvas").getContext("2d");
    if (!measureContext) return text.length * size * 0.6;
    measureContext.font = `${FONT.weight} ${size}px ${FONT.family}`;
    width = measureContext.measureText(text).width;
    measuredWidths.set(key, width);
  }
  return width;
}

/** The label text the map shows for a node: article titles cut short, whole when hovered. */
export function mapLabel(attributes: { kind: string; label: string }, hovered = false): string {
  return attributes.kind === "article" && !hovered ? shorten(attributes.label, MAX_MAP_TITLE) : attributes.label;
}

export type LabelRoom = "unknown" | "yes" | "no";
export type LabelSide = "right" | "left";

/** Until the placement pass has run, sigma's own label grid decides. */
export function roomFor(room: LabelRoom): "auto" | "visible" | "hidden" {
  return room === "yes" ? "visible" : room === "no" ? "hidden" : "auto";
}

/** Nodes drawn smaller than this many pixels get no label unless they are lit or chosen. */
export const LABEL_MIN_RADIUS = 3.5;

/**
 * Decides which labels have room on screen now, and on which side of their node (see
 * `placeLabels`), and records it in each node's `labelRoom` and `labelSide` states. Chosen and
 * hovered nodes always show their label, on the side that keeps it on screen; then lit nodes,
 * then the biggest, as room allows.
 */
export function placeMapLabels(sigma: InsightSigma, graph: AppGraph): void {
  const { hasHighlighted } = sigma.getGraphState();
  const candidates: LabelCandidate[] = [];
  const keys: string[] = [];
  graph.forEachNode((node, attributes) => {
    keys.push(node);
    const display = sigma.getNodeDisplayData(node);
    const state = sigma.getNodeState(node);
    if (!display || state.isHidden || !display.label) return;
    const mustShow = state.isFocus || state.isHovered;
    if (hasHighlighted && !state.isHighlighted && !mustShow) return;
    if (attributes.kind === "article" && !state.isHighlighted && !mustShow) return;
    const radius = sigma.scaleSize(display.size);
    if (radius < LABEL_MIN_RADIUS && !state.isHighlighted && !mustShow) return;
    const { x, y } = sigma.framedGraphToViewport(display);
    const fontSize = display.labelSize ?? LABEL_SIZE.plain;
    candidates.push({
      key: node,
      boxes: labelBoxes(x, y, radius, LABEL_GAP, measureLabel(display.label, fontSize), fontSize * LABEL_LINE_HEIGHT),
      priority: (state.isHovered ? 1e7 : 0) + (state.isFocus ? 1e6 : 0) + (state.isHighlighted ? 1e3 : 0) + display.size,
      mustShow,
      node: [x - radius, y - radius, x + radius, y + radius],
    });
  });
  const placed = placeLabels(candidates, sigma.getDimensions());
  const sides: LabelSide[] = ["right", "left"];
  const bySide = new Map<LabelSide, string[]>(sides.map((side) => [side, []]));
  const no: string[] = [];
  for (const key of keys) {
    const side = placed.get(key);
    if (side === undefined) no.push(key);
    else bySide.get(sides[side] ?? "right")!.push(key);
  }
  for (const [side, nodes] of bySide) sigma.setNodesState(nodes, { labelRoom: "yes", labelSide: side });
  sigma.setNodesState(no, { labelRoom: "no" });
}
