/**
 * Sigma 4 setup. The renderer knows nothing of the application: styles are declared once from
 * graph attributes and node/edge states, and the app drives it by setting states (lit, hidden,
 * focus) and by listening to sigma's events.
 */
import Sigma from "sigma";
import { sdfCircle, sdfSquare } from "sigma/rendering";
import type { CameraState } from "sigma/types";
import { getCorrectionRatio } from "sigma/utils";
import type { AppGraph } from "./data/graph";
import type { Emphasis } from "./data/scene";
import { shorten } from "./data/text";
import { labelWidth, placeLabels, type LabelCandidate } from "./data/labels";

/** Colours of the stage, chosen for a projector: dark ink on white, faded items still visible. */
export const PALETTE = {
  background: "#ffffff",
  label: "#111827",
  fadedEdge: "#eceef2",
  edge: "#c3c9d2",
  litEdge: "#3b4252",
} as const;

/** Share of a node's own colour kept when it is dimmed: enough to keep the map's shape. */
const DIMMED_SHARE = 0.28;

const fadedColours = new Map<string, string>();

/** `colour` mixed with the white background, keeping `share` of it (hex colours; others pass). */
export function fade(colour: string, share = DIMMED_SHARE): string {
  const key = `${colour}|${share}`;
  let faded = fadedColours.get(key);
  if (faded === undefined) {
    const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    faded = match
      ? `rgb(${match
          .slice(1, 4)
          .map((hex) => Math.round(255 - (255 - parseInt(hex, 16)) * share))
          .join(", ")})`
      : "#e2e5ea";
    fadedColours.set(key, faded);
  }
  return faded;
}

const PRESENTATION_SCALE = 1.4;

/** Article titles on the map are cut to this many characters (whole on hover and in Details). */
const MAX_MAP_TITLE = 36;

function labelSize(base: number, presenting: boolean): number {
  return presenting ? Math.round(base * PRESENTATION_SCALE) : base;
}

const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", weight: "600" };

export type InsightSigma = ReturnType<typeof createSigma>;

type LabelRoom = "unknown" | "yes" | "no";

/** Until the placement pass has run, sigma's own label grid decides. */
function roomFor(room: LabelRoom): "auto" | "visible" | "hidden" {
  return room === "yes" ? "visible" : room === "no" ? "hidden" : "auto";
}

/** Nodes drawn smaller than this many pixels get no label unless they are lit or chosen. */
const LABEL_MIN_RADIUS = 3.5;

/**
 * Decides which labels have room on screen now (see `placeLabels`) and records it in each
 * node's `labelRoom` state. Chosen nodes come first, then lit ones, then the biggest.
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
    if (hasHighlighted && !state.isHighlighted) return;
    if (attributes.kind === "article" && !state.isHighlighted && !state.isFocus) return;
    const radius = sigma.scaleSize(display.size);
    if (radius < LABEL_MIN_RADIUS && !state.isHighlighted && !state.isFocus) return;
    const { x, y } = sigma.framedGraphToViewport(display);
    const fontSize = display.labelSize ?? 15;
    const left = x + radius + 3;
    const height = fontSize * 1.25;
    candidates.push({
      key: node,
      box: [left, y - height / 2, left + labelWidth(display.label, fontSize), y + height / 2],
      priority: (state.isFocus ? 1e6 : 0) + (state.isHighlighted ? 1e3 : 0) + display.size,
    });
  });
  const placed = placeLabels(candidates, sigma.getDimensions());
  const yes = keys.filter((key) => placed.has(key));
  const no = keys.filter((key) => !placed.has(key));
  sigma.setNodesState(yes, { labelRoom: "yes" });
  sigma.setNodesState(no, { labelRoom: "no" });
}

export function createSigma(graph: AppGraph, container: HTMLElement) {
  return new Sigma(graph, container, {
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfSquare()], label: { font: FONT, color: PALETTE.label } },
      // The chosen and hovered nodes draw, with their labels, above every other lit node.
      depthLayers: ["edges", "topEdges", "nodes", "topNodes", "focusNodes"],
    },
    // labelRoom: the verdict of the last label placement pass ("unknown" before it ran).
    customNodeState: { isFocus: false, labelRoom: "unknown" as LabelRoom },
    // Presentation mode: the same map read from the back of a room, so labels grow.
    customGraphState: { isPresenting: false },
    settings: {
      stagePadding: 40,
      // Before the app's placement pass has run (first frames), sigma's grid culls labels.
      labelDensity: 1,
      labelGridCellSize: 110,
      labelRenderedSizeThreshold: LABEL_MIN_RADIUS,
      // Small nodes are hard to hit with a pointer; a few pixels of slack make hovering forgiving.
      nodePickingPadding: 4,
      zoomDuration: 250,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
    },
    styles: {
      nodes: [
        {
          x: { attribute: "x" },
          y: { attribute: "y" },
          size: { attribute: "size", defaultValue: 4 },
          color: { attribute: "color", defaultValue: "#5f6b7a" },
          label: (attributes) =>
            attributes.kind === "article" ? shorten(attributes.label, MAX_MAP_TITLE) : attributes.label,
          labelSize: (_a, _s, graphState) => labelSize(15, graphState.isPresenting),
          labelColor: PALETTE.label,
          shape: { whenData: { kind: "article" }, then: "square", else: "circle" },
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          // Concept names are short and worth reading; article titles are long, so they show
          // only when an article is lit or hovered.
          labelVisibility: (attributes, state) => (attributes.kind === "article" ? "hidden" : roomFor(state.labelRoom)),
          depth: "nodes",
          zIndex: { attribute: "size", defaultValue: 1 },
        },
        {
          when: (_attributes, state, graphState) => graphState.hasHighlighted && !state.isHighlighted,
          then: {
            color: (attributes) => fade(attributes.color ?? "#5f6b7a"),
            labelVisibility: "hidden",
            zIndex: 0,
          },
        },
        {
          whenState: "isHighlighted",
          then: {
            depth: "topNodes",
            labelVisibility: (_a, state) => roomFor(state.labelRoom),
            labelSize: (_a, _s, g) => labelSize(16, g.isPresenting),
          },
        },
        {
          whenState: "isFocus",
          then: {
            depth: "focusNodes",
            labelVisibility: "visible",
            labelSize: (_a, _s, g) => labelSize(19, g.isPresenting),
            labelBackgroundColor: "rgba(255, 255, 255, 0.9)",
            labelBackgroundPadding: 3,
          },
        },
        {
          whenState: "isHovered",
          then: {
            depth: "focusNodes",
            label: { attribute: "label" },
            labelVisibility: "visible",
            labelSize: (_a, _s, g) => labelSize(18, g.isPresenting),
            backdropVisibility: "visible",
            backdropColor: "#ffffff",
            backdropShadowColor: "rgba(0, 0, 0, 0.35)",
            backdropShadowBlur: 10,
            backdropPadding: 5,
          },
        },
      ],
      edges: [
        {
          size: 0.6,
          color: PALETTE.edge,
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          depth: "edges",
        },
        {
          when: (_attributes, state, graphState) => graphState.hasHighlighted && !state.isHighlighted,
          then: { color: PALETTE.fadedEdge },
        },
        { whenState: "isHighlighted", then: { color: PALETTE.litEdge, size: 1.6, depth: "topEdges" } },
      ],
    },
  });
}

/**
 * Applies visibility and emphasis as sigma states, touching only what changed. Edges follow
 * their ends: an edge is hidden when either end is.
 */
export function applyStates(sigma: InsightSigma, graph: AppGraph, visible: Set<string>, lit: Emphasis): void {
  const nodeChanges = new Map<string, { isHidden: boolean; isHighlighted: boolean; isFocus: boolean }>();
  graph.forEachNode((node) => {
    const next = {
      isHidden: !visible.has(node) && !lit.nodes.has(node),
      isHighlighted: lit.nodes.has(node),
      isFocus: lit.focus.has(node),
    };
    const current = sigma.getNodeState(node);
    if (
      current.isHidden !== next.isHidden ||
      current.isHighlighted !== next.isHighlighted ||
      current.isFocus !== next.isFocus
    ) {
      nodeChanges.set(node, next);
    }
  });
  for (const [node, state] of nodeChanges) sigma.setNodeState(node, state);
  graph.forEachEdge((edge, _attributes, source, target) => {
    const shown = (n: string) => visible.has(n) || lit.nodes.has(n);
    const next = { isHidden: !(shown(source) && shown(target)), isHighlighted: lit.edges.has(edge) };
    const current = sigma.getEdgeState(edge);
    if (current.isHidden !== next.isHidden || current.isHighlighted !== next.isHighlighted) {
      sigma.setEdgeState(edge, next);
    }
  });
}

/** Share of a framed group's width added on the right for the labels of its nodes. */
const LABEL_ROOM_SHARE = 0.35;

/**
 * The camera state that frames `nodes` (as @sigma/utils' fitViewportToNodes does): centre on
 * their framed-graph box, zoom so the larger side fits, with a margin.
 */
export function cameraFor(sigma: InsightSigma, graph: AppGraph, nodes: string[], margin = 1.3): CameraState | null {
  const shown = nodes.filter((n) => sigma.getNodeDisplayData(n));
  if (shown.length === 0) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let fMinX = Infinity;
  let fMaxX = -Infinity;
  let fMinY = Infinity;
  let fMaxY = -Infinity;
  for (const node of shown) {
    const { x, y } = graph.getNodeAttributes(node);
    const framed = sigma.getNodeDisplayData(node)!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    fMinX = Math.min(fMinX, framed.x);
    fMaxX = Math.max(fMaxX, framed.x);
    fMinY = Math.min(fMinY, framed.y);
    fMaxY = Math.max(fMaxY, framed.y);
  }
  // Labels run to the right of their nodes: leave them room on that side.
  maxX += (maxX - minX) * LABEL_ROOM_SHARE;
  fMaxX += (fMaxX - fMinX) * LABEL_ROOM_SHARE;
  const bbox = sigma.getCustomBBox() ?? sigma.getBBox();
  const graphWidth = bbox.x[1] - bbox.x[0] || 1;
  const graphHeight = bbox.y[1] - bbox.y[0] || 1;
  // A single node (or a tight cluster) is shown at a readable zoom, not magnified to fill the screen.
  const groupWidth = Math.max(maxX - minX, graphWidth * 0.12);
  const groupHeight = Math.max(maxY - minY, graphHeight * 0.12);
  const { width, height } = sigma.getDimensions();
  const correction = getCorrectionRatio({ width, height }, { width: graphWidth, height: graphHeight });
  const ratio =
    ((groupHeight / groupWidth < height / width ? groupWidth : groupHeight) / Math.max(graphWidth, graphHeight)) *
    correction *
    margin;
  return { x: (fMinX + fMaxX) / 2, y: (fMinY + fMaxY) / 2, angle: 0, ratio: Math.min(1, ratio) };
}
