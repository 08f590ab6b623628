/**
 * Sigma 4 setup. The renderer knows nothing of the application: styles are declared once from
 * graph attributes and node/edge states, and the app drives it by setting states (lit, hidden,
 * focus) and by listening to sigma's events.
 */
import Sigma from "sigma";
import { sdfCircle, sdfSquare } from "sigma/rendering";
import type { CameraState } from "sigma/types";
import type { AppGraph } from "./data/graph";
import type { Emphasis } from "./data/scene";
import { stateUpdates, type ShownNodes } from "./data/states";
import { fitItems, type FitItem } from "./data/fit";
import {
  FONT,
  LABEL_GAP,
  LABEL_LINE_HEIGHT,
  LABEL_SIZE,
  labelSize,
  mapLabel,
  measureLabel,
  roomFor,
  type LabelRoom,
  type LabelSide,
} from "./map-labels";
import { nodeColour, regionsOf, type ColorBy } from "./data/regions";
import { isInView, isViewEdge, viewFrames, viewPosition, type ViewName } from "./data/views";

/** Colours of the stage, chosen for a projector: dark ink on white, faded items still visible. */
export const PALETTE = {
  background: "#ffffff",
  label: "#111827",
  fadedEdge: "#eceef2",
  edge: "#c3c9d2",
  /** A concept → broader concept edge: bluer than a mention, so the hierarchy reads apart. */
  broaderEdge: "#8ea6cf",
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

export type InsightSigma = ReturnType<typeof createSigma>;

/** `view`: the view drawn first (see data/views); the app switches it through the graph state `view`. */
export function createSigma(graph: AppGraph, container: HTMLElement, view: ViewName = "map") {
  const regions = regionsOf(graph);
  // Where each view's layout sits, and its size against the map's (see viewFrames).
  const frames = viewFrames(graph);
  return new Sigma(graph, container, {
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfSquare()], label: { font: FONT, color: PALETTE.label } },
      // The chosen and hovered nodes draw, with their labels, above every other lit node.
      depthLayers: ["edges", "topEdges", "nodes", "topNodes", "focusNodes"],
    },
    // labelRoom, labelSide: the verdict of the last label placement pass (see map-labels; no
    // label before it ran: sigma's own label grid would let labels of neighbouring cells cross).
    customNodeState: { isFocus: false, labelRoom: "no" as LabelRoom, labelSide: "right" as LabelSide },
    // Presentation mode: the same map read from the back of a room, so labels grow. colorBy:
    // what the colours tell, concept type or region (see data/regions). view: which of the
    // graph's views is drawn, each node at its place in it (see data/views).
    customGraphState: { isPresenting: false, colorBy: "type" as ColorBy, view },
    settings: {
      stagePadding: 40,
      // Small nodes are hard to hit with a pointer; a few pixels of slack make hovering forgiving.
      nodePickingPadding: 4,
      zoomDuration: 250,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
    },
    styles: {
      nodes: [
        {
          x: (attributes, _state, graphState) => (viewPosition(attributes, graphState.view) ?? frames[graphState.view].centre)[0],
          y: (attributes, _state, graphState) => (viewPosition(attributes, graphState.view) ?? frames[graphState.view].centre)[1],
          size: (attributes, _state, graphState) => (attributes.size ?? 4) * frames[graphState.view].scale,
          color: (attributes, _state, graphState) => nodeColour(regions, graphState.colorBy, attributes),
          label: (attributes) => mapLabel(attributes),
          labelSize: (_a, _s, graphState) => labelSize(LABEL_SIZE.plain, graphState.isPresenting),
          labelPosition: (_a, state) => state.labelSide,
          labelColor: PALETTE.label,
          shape: { whenData: { kind: "article" }, then: "square", else: "circle" },
          visibility: (attributes, state, graphState) => (state.isHidden || !isInView(attributes, graphState.view) ? "hidden" : "visible"),
          // Where the placement pass found room: concepts first, article titles once zoomed in.
          labelVisibility: (_attributes, state) => roomFor(state.labelRoom),
          depth: "nodes",
          zIndex: { attribute: "size", defaultValue: 1 },
        },
        {
          when: (_attributes, state, graphState) => graphState.hasHighlighted && !state.isHighlighted,
          then: {
            color: (attributes, _state, graphState) => fade(nodeColour(regions, graphState.colorBy, attributes)),
            labelVisibility: "hidden",
            // No zIndex change here: lit nodes already draw in a higher depth layer, and a zIndex
            // that depends on the highlight makes sigma reprocess every node and edge whenever
            // anything is lit, hover included (measured: the bulk of a focus's cost at 10,000 articles).
          },
        },
        {
          whenState: "isHighlighted",
          then: {
            depth: "topNodes",
            labelVisibility: (_a, state) => roomFor(state.labelRoom),
            labelSize: (_a, _s, g) => labelSize(LABEL_SIZE.lit, g.isPresenting),
          },
        },
        {
          whenState: "isFocus",
          then: {
            depth: "focusNodes",
            labelVisibility: "visible",
            labelSize: (_a, _s, g) => labelSize(LABEL_SIZE.focus, g.isPresenting),
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
            labelSize: (_a, _s, g) => labelSize(LABEL_SIZE.hovered, g.isPresenting),
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
          size: (_attributes, _state, graphState) => 0.6 * frames[graphState.view].scale,
          color: PALETTE.edge,
          // Each view draws its own kinds of edge (VIEW_EDGES): mentions on the map, co-occurrence
          // among concepts, related articles among articles.
          visibility: (attributes, state, graphState) => (state.isHidden || !isViewEdge(attributes.kind, graphState.view) ? "hidden" : "visible"),
          depth: "edges",
        },
        { when: (attributes) => attributes.kind === "broader", then: { color: PALETTE.broaderEdge, size: (_a, _s, g) => 0.9 * frames[g.view].scale } },
        {
          when: (_attributes, state, graphState) => graphState.hasHighlighted && !state.isHighlighted,
          then: { color: PALETTE.fadedEdge },
        },
        { whenState: "isHighlighted", then: { color: PALETTE.litEdge, size: (_a, _s, g) => 1.6 * frames[g.view].scale, depth: "topEdges" } },
      ],
    },
  });
}

/** What `applyStates` last applied to each renderer, which the next call compares with. */
const applied = new WeakMap<InsightSigma, ShownNodes>();

/**
 * Applies visibility and emphasis as sigma states (see data/states), setting only the nodes and
 * edges whose states change, so that sigma restyles those alone: a hover or a selection costs
 * what it lights, not the graph.
 */
export function applyStates(sigma: InsightSigma, graph: AppGraph, visible: ReadonlySet<string>, lit: Emphasis): void {
  const shown = { visible, lit };
  const { nodes, edges } = stateUpdates(graph, applied.get(sigma) ?? null, shown);
  applied.set(sigma, shown);
  for (const [node, next] of nodes) {
    const current = sigma.getNodeState(node);
    if (current.isHidden !== next.isHidden || current.isHighlighted !== next.isHighlighted || current.isFocus !== next.isFocus) {
      sigma.setNodeState(node, next);
    }
  }
  for (const [edge, next] of edges) {
    const current = sigma.getEdgeState(edge);
    if (current.isHidden !== next.isHidden || current.isHighlighted !== next.isHighlighted) sigma.setEdgeState(edge, next);
  }
}

/** The closest a fit goes: a single node or a tight cluster is shown with its surroundings. */
const MIN_FIT_RATIO = 0.15;

/** Blank pixels a fit keeps between what it frames and the edges of the canvas. */
const FIT_PADDING = 24;

/**
 * The camera that frames `nodes` with their labels (`focus`: the nodes shown in the chosen
 * nodes' larger label size), as close as it can while every node and label stays on screen,
 * centred on all they cover. Labels are measured in the map's font, on the side of their node
 * the placement pass prefers (right).
 */
export function cameraFor(
  sigma: InsightSigma,
  graph: AppGraph,
  nodes: Iterable<string>,
  focus: ReadonlySet<string> = new Set(),
): CameraState | null {
  // Pixels per framed-graph unit at ratio 1: sigma's projection is linear in the camera
  // position and inverse in its ratio, so these two numbers describe every camera.
  const probe = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const origin = sigma.framedGraphToViewport({ x: 0, y: 0 }, { cameraState: probe });
  const unitX = sigma.framedGraphToViewport({ x: 1, y: 0 }, { cameraState: probe }).x - origin.x;
  const unitY = sigma.framedGraphToViewport({ x: 0, y: 1 }, { cameraState: probe }).y - origin.y;
  const { isPresenting } = sigma.getGraphState();
  const items: FitItem[] = [];
  for (const node of nodes) {
    const display = sigma.getNodeDisplayData(node);
    if (!display) continue;
    const size = labelSize(focus.has(node) ? LABEL_SIZE.focus : LABEL_SIZE.lit, isPresenting);
    const text = mapLabel(graph.getNodeAttributes(node));
    items.push({
      x: display.x * unitX,
      y: display.y * unitY,
      radius: (ratio) => sigma.scaleSize(display.size, ratio),
      label: { width: measureLabel(text, size), height: size * LABEL_LINE_HEIGHT, side: "right", gap: LABEL_GAP },
    });
  }
  const { width, height } = sigma.getDimensions();
  const fit = fitItems(items, { width, height, padding: FIT_PADDING, minRatio: MIN_FIT_RATIO, maxRatio: 1 });
  return fit && { x: fit.x / unitX, y: fit.y / unitY, angle: 0, ratio: fit.ratio };
}

/**
 * Resolves once the last frame sigma issued is finished and on the screen. Sigma's `afterRender`
 * fires when its drawing commands are issued; the GPU (a software one, in headless browsers)
 * may need seconds more on a large graph, and "ready" must not be said before the map is there.
 * `finish` waits for the GPU; the next paint puts its result on the screen.
 */
export async function frameOnScreen(sigma: InsightSigma): Promise<void> {
  try {
    sigma.getWebGLContext().finish();
  } catch {
    // A context that is lost or gone has nothing left to finish.
  }
  await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
