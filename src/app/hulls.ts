/**
 * Region hulls: a soft shape in each named region's colour behind its nodes, on a canvas layer
 * that sigma places under its own (`createCanvas(…, { beforeLayer: "stage" })`), so nodes,
 * edges and labels draw over it. The hulls are computed once per layout (per view drawn, and
 * again when the nodes move), from where sigma draws the nodes the view shows, in its framed
 * coordinates (see data/hulls); each frame only projects their few corners and grows them by a
 * margin in pixels, so the cost does not grow with the graph.
 */
import type { CommunitySummary } from "../core/graph/types";
import { convexHull, roundedOutline, withoutOutliers, type Point } from "./data/hulls";
import type { AppGraph } from "./data/graph";
import type { ViewName } from "./data/views";
import type { InsightSigma } from "./renderer";

/** Pixels between a region's outermost nodes and the edge of its hull. */
const MARGIN = 16;

/** Opacity of a hull's fill and of its rim: enough to see an area, little enough to read through. */
const FILL_ALPHA = 0.11;
const RIM_ALPHA = 0.35;

/** Share of a region's nodes its hull wraps: the rest, strays the layout pushed out, stay outside. */
const CORE_SHARE = 0.8;

export interface RegionHulls {
  show(on: boolean): void;
}

interface Hull {
  color: string;
  /** Corners in sigma's framed coordinates. */
  corners: Point[];
  /** A node of the region and where it was when the hull was made, to notice a new layout. */
  probe: { node: string; x: number; y: number };
}

function rgba(hex: string, alpha: number): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return `rgba(95, 107, 122, ${alpha})`;
  const [r, g, b] = match.slice(1, 4).map((part) => parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * Hulls of `regions` (those the map names), from where sigma draws their nodes now: in the view
 * drawn, of the nodes it shows (a region it shows none of has no hull there).
 */
export function createRegionHulls(sigma: InsightSigma, graph: AppGraph, regions: readonly Pick<CommunitySummary, "id" | "color">[]): RegionHulls {
  const canvas = sigma.createCanvas("regionHulls", { beforeLayer: "stage", style: { pointerEvents: "none" } });
  const context = canvas.getContext("2d");
  let shown = false;
  let hulls: Hull[] | null = null;
  /** The view the hulls were made in: another view places every node elsewhere. */
  let hullsView: ViewName | null = null;

  const members = new Map<number, string[]>(regions.map((region) => [region.id, []]));
  graph.forEachNode((node, attributes) => {
    if (attributes.community !== undefined) members.get(attributes.community)?.push(node);
  });

  const makeHulls = (): Hull[] =>
    regions.flatMap((region) => {
      const points: Point[] = [];
      let probe: Hull["probe"] | undefined;
      for (const node of members.get(region.id) ?? []) {
        const display = sigma.getNodeDisplayData(node);
        if (!display || display.visibility === "hidden") continue;
        points.push([display.x, display.y]);
        probe ??= { node, x: display.x, y: display.y };
      }
      return probe ? [{ color: region.color, corners: convexHull(withoutOutliers(points, CORE_SHARE)), probe }] : [];
    });

  const moved = ({ probe }: Hull) => {
    const display = sigma.getNodeDisplayData(probe.node);
    return !display || display.x !== probe.x || display.y !== probe.y;
  };

  const draw = () => {
    if (!context) return;
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    if (!shown) return;
    const { view } = sigma.getGraphState();
    if (!hulls || view !== hullsView || hulls.some(moved)) {
      hulls = makeHulls();
      hullsView = view;
    }
    // While something is lit, the hulls step back with the rest of the map.
    const dim = sigma.getGraphState().hasHighlighted ? 0.5 : 1;
    context.lineWidth = 1.5;
    context.lineJoin = "round";
    for (const hull of hulls) {
      const outline = roundedOutline(
        hull.corners.map((corner) => {
          const { x, y } = sigma.framedGraphToViewport({ x: corner[0], y: corner[1] });
          return [x, y] as const;
        }),
        MARGIN,
      );
      context.beginPath();
      outline.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
      context.closePath();
      context.fillStyle = rgba(hull.color, FILL_ALPHA * dim);
      context.fill();
      context.strokeStyle = rgba(hull.color, RIM_ALPHA * dim);
      context.stroke();
    }
  };

  // Sigma sizes its layers' boxes when it is resized; the drawing buffer is this module's to size.
  sigma.on("beforeRender", draw);
  sigma.on("resize", draw);

  return {
    show(on) {
      shown = on;
      draw();
    },
  };
}
