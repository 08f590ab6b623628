/**
 * The map's labels: the text each node shows, its font and sizes, and the placement pass that
 * decides which labels have room on screen and on which side of their node. The renderer reads
 * the verdicts through node states (`labelRoom`, `labelSide`); the geometry is in data/labels.
 *
 * The pass costs what the screen holds, not what the graph holds: the candidates are the lit
 * nodes, else those a pyramid of grids over the layout offers for the part on screen (see
 * `createLabelIndex`); only nodes whose verdict changed get a new state, so sigma refreshes
 * those alone; and a frame whose camera, size and states are those of the last pass places
 * nothing.
 */
import {
  createLabelIndex,
  labelBoxes,
  placeLabels,
  waitsForZoom,
  type Box,
  type LabelCandidate,
  type LabelIndex,
} from "./data/labels";
import { shorten } from "./data/text";
import type { AppGraph } from "./data/graph";
import { isInView } from "./data/views";
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
/** The size the context's font is set to: assigning `font` parses the CSS font string again, which cost more than measuring. */
let measureSize = 0;
const measuredWidths = new Map<string, number>();

/** Width in pixels of `text` drawn in the map's label font at `size` pixels, as the browser sets it. */
export function measureLabel(text: string, size: number): number {
  const key = `${size}|${text}`;
  let width = measuredWidths.get(key);
  if (width === undefined) {
    measureContext ??= document.createElement("canvas").getContext("2d");
    if (!measureContext) return text.length * size * 0.6;
    if (measureSize !== size) {
      measureContext.font = `${FONT.weight} ${size}px ${FONT.family}`;
      measureSize = size;
    }
    width = measureContext.measureText(text).width;
    measuredWidths.set(key, width);
  }
  return width;
}

/** The label text the map shows for a node: article titles cut short, whole when hovered. */
export function mapLabel(attributes: { kind: string; label: string }, hovered = false): string {
  return attributes.kind === "article" && !hovered ? shorten(attributes.label, MAX_MAP_TITLE) : attributes.label;
}

export type LabelRoom = "yes" | "no";
export type LabelSide = "right" | "left";

/** A label shows only where the placement pass found it room (none before the first pass). */
export function roomFor(room: LabelRoom): "visible" | "hidden" {
  return room === "yes" ? "visible" : "hidden";
}

/** Nodes drawn smaller than this many pixels get no label unless they are lit or chosen. */
const LABEL_MIN_RADIUS = 3.5;

/**
 * Screen pixels a cell of the label index covers at least: each such cell offers its few most
 * important nodes (`PER_CELL`), so a 1920 × 1080 screen weighs at most about 17 × 10 × 8 nodes.
 */
const INDEX_CELL_PIXELS = 128;
const PER_CELL = 8;

/** While the camera moves, labels ride along; they are placed again once it rests this long. */
const CAMERA_REST_MS = 120;

/** A label drawn now: its node, its text and its box in viewport pixels. */
export interface DrawnLabel {
  key: string;
  text: string;
  box: Box;
}

export interface MapLabels {
  /** The nodes lit now (hover, selection, path): while any is, only they are labelled. */
  light(nodes: ReadonlySet<string>): void;
  /** Resolves once labels are placed for the current camera and states, and that frame is drawn. */
  settled(): Promise<void>;
  /** The labels drawn now, in viewport pixels. */
  drawn(): DrawnLabel[];
}

export interface MapLabelsOptions {
  /** Boxes (viewport pixels) other things drawn over the map take, which labels keep off. */
  obstacles?: () => readonly Box[];
}

const SIDES: readonly LabelSide[] = ["right", "left"];

/**
 * Places the map's labels after each change of camera, size or lit nodes (see the module's
 * comment), and records the verdicts in the `labelRoom` and `labelSide` node states. Chosen and
 * hovered nodes always show their label, on the side that keeps it on screen; then lit nodes,
 * then the most important (`importance`, else size), as room allows.
 */
export function createMapLabels(sigma: InsightSigma, graph: AppGraph, options: MapLabelsOptions = {}): MapLabels {
  let lit: ReadonlySet<string> = new Set();
  let version = 0;
  let index: LabelIndex | null = null;
  /** The side of each label the last pass placed. */
  let placed = new Map<string, LabelSide>();
  let placedCamera = "";
  let placedSignature = "";
  let timer: number | undefined;
  let waiting: (() => void)[] = [];

  const cameraSignature = () => {
    const { x, y, ratio, angle } = sigma.getCamera().getState();
    const { width, height } = sigma.getDimensions();
    return `${x},${y},${ratio},${angle}|${width}x${height}`;
  };
  // What else the labels depend on: their size (presentation), the lit nodes, and how many
  // boxes other things take (region names shown or not).
  const signature = () =>
    `${cameraSignature()}|${sigma.getGraphState().isPresenting}|${version}|${options.obstacles?.().length ?? 0}`;

  // A graph built before importance was measured ranks its nodes by size instead.
  let largest = 1;
  graph.forEachNode((_node, attributes) => (largest = Math.max(largest, attributes.size)));
  const priorityOf = (node: string, size: number): number => graph.getNodeAttribute(node, "importance") ?? size / largest;

  /**
   * Built once per layout: from where sigma draws the nodes now, in its framed coordinates. The
   * nodes the view does not show are indexed absent (never offered); those the filters hide are
   * offered, as the filters change without a new layout.
   */
  const buildIndex = (): LabelIndex => {
    const { view } = sigma.getGraphState();
    return createLabelIndex(
      graph.mapNodes((node, attributes) => {
        const display = sigma.getNodeDisplayData(node);
        return {
          key: node,
          x: display?.x ?? 0,
          y: display?.y ?? 0,
          priority: priorityOf(node, display?.size ?? 0),
          absent: !isInView(attributes, view),
        };
      }),
      { perCell: PER_CELL },
    );
  };

  /** The nodes the index offers for the screen, with a margin for nodes whose label reaches in. */
  const offered = (current: LabelIndex): string[] => {
    const { width, height } = sigma.getDimensions();
    const margin = INDEX_CELL_PIXELS;
    const corners = [
      [-margin, -margin],
      [width + margin, -margin],
      [-margin, height + margin],
      [width + margin, height + margin],
    ].map(([x, y]) => sigma.viewportToFramedGraph({ x: x!, y: y! }));
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    const origin = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const step = sigma.viewportToFramedGraph({ x: INDEX_CELL_PIXELS, y: 0 });
    const cell = Math.hypot(step.x - origin.x, step.y - origin.y);
    return current.query([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], cell);
  };

  /**
   * One placement pass: how many groups of nodes got a new state, or null when the index no
   * longer matches the layout (nothing is set then).
   */
  const placeWith = (current: LabelIndex): number | null => {
    const candidates: LabelCandidate[] = [];
    const seen = new Set<string>();
    const zoom = 1 / sigma.getCamera().getState().ratio;
    const { view } = sigma.getGraphState();
    const dimensions = sigma.getDimensions();
    let stale = false;
    const consider = (node: string, isLit: boolean) => {
      if (seen.has(node)) return;
      seen.add(node);
      const display = sigma.getNodeDisplayData(node);
      if (!display) return;
      const at = current.position(node);
      if (!at || Math.abs(at[0] - display.x) > 1e-9 || Math.abs(at[1] - display.y) > 1e-9) stale = true;
      const state = sigma.getNodeState(node);
      if (state.isHidden || display.visibility === "hidden" || !display.label) return;
      const mustShow = state.isFocus || state.isHovered;
      if (!isLit && waitsForZoom(graph.getNodeAttribute(node, "kind"), view, zoom)) return;
      const radius = sigma.scaleSize(display.size);
      if (radius < LABEL_MIN_RADIUS && !isLit) return;
      const { x, y } = sigma.framedGraphToViewport(display);
      const fontSize = display.labelSize ?? LABEL_SIZE.plain;
      const boxes = labelBoxes(x, y, radius, LABEL_GAP, measureLabel(display.label, fontSize), fontSize * LABEL_LINE_HEIGHT);
      // A label that cannot reach the screen is no candidate (chosen nodes are placed anyway).
      if (!mustShow && boxes.every(([l, t, r, b]) => r < 0 || b < 0 || l > dimensions.width || t > dimensions.height)) return;
      candidates.push({
        key: node,
        boxes,
        priority: (state.isHovered ? 1e7 : 0) + (state.isFocus ? 1e6 : 0) + (isLit ? 1e3 : 0) + priorityOf(node, display.size),
        mustShow,
        node: [x - radius, y - radius, x + radius, y + radius],
      });
    };
    for (const node of lit) consider(node, true);
    if (lit.size === 0) for (const node of offered(current)) consider(node, false);
    if (stale) return null;

    const verdicts = placeLabels(candidates, dimensions, options.obstacles?.() ?? []);
    const next = new Map<string, LabelSide>();
    for (const [key, box] of verdicts) next.set(key, SIDES[box] ?? "right");

    // Only the nodes whose verdict changed get a state, so sigma refreshes only them.
    const changed = new Map<LabelSide | "none", string[]>();
    const change = (key: string, side: LabelSide | "none") => {
      const keys = changed.get(side);
      if (keys) keys.push(key);
      else changed.set(side, [key]);
    };
    for (const [key, side] of next) if (placed.get(key) !== side) change(key, side);
    for (const key of placed.keys()) if (!next.has(key)) change(key, "none");
    for (const [side, keys] of changed) {
      sigma.setNodesState(keys, side === "none" ? { labelRoom: "no" } : { labelRoom: "yes", labelSide: side });
    }
    placed = next;
    return changed.size;
  };

  const settle = () => {
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };

  const place = () => {
    timer = undefined;
    index ??= buildIndex();
    let changed = placeWith(index);
    if (changed === null) {
      // The layout moved (another view): index it again, once, and place with that.
      index = buildIndex();
      changed = placeWith(index) ?? 0;
    }
    placedCamera = cameraSignature();
    placedSignature = signature();
    // Sigma draws again when a state changed (and settles after that frame); else the map on
    // screen is already the placed one.
    if (changed === 0) settle();
  };

  sigma.on("afterRender", () => {
    if (signature() === placedSignature) {
      if (timer === undefined) settle();
      return;
    }
    window.clearTimeout(timer);
    const cameraMoved = cameraSignature() !== placedCamera;
    timer = window.setTimeout(place, cameraMoved && placedCamera !== "" ? CAMERA_REST_MS : 0);
  });
  sigma.on("resize", () => sigma.scheduleRender());

  return {
    light(nodes) {
      lit = nodes;
      version += 1;
      sigma.scheduleRender();
    },
    settled() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        sigma.scheduleRender();
      });
    },
    drawn() {
      const labels: DrawnLabel[] = [];
      for (const [key, side] of placed) {
        const display = sigma.getNodeDisplayData(key);
        if (!display?.label || display.visibility === "hidden" || display.labelVisibility === "hidden") continue;
        const { x, y } = sigma.framedGraphToViewport(display);
        const fontSize = display.labelSize ?? LABEL_SIZE.plain;
        const [right, left] = labelBoxes(x, y, sigma.scaleSize(display.size), LABEL_GAP, measureLabel(display.label, fontSize), fontSize * LABEL_LINE_HEIGHT);
        labels.push({ key, text: display.label, box: side === "left" ? left : right });
      }
      return labels;
    },
  };
}
