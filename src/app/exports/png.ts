/**
 * The view drawn now as an image at slide resolution: 1920 × 1080 CSS pixels, at a pixel ratio of
 * 1 or 2 (3840 × 2160), with the edges, nodes and labels as drawn, the region hulls and names when
 * they are shown, and the legend.
 *
 * Done the way sigma's own `@sigma/export-image` does it for sigma 4 (whose release for sigma 4 is
 * not on the registry; the 3.0 one drives sigma 3's reducers): a temporary renderer of the
 * image's size, offscreen, with the same declarations (the app's `createSigma`) and a copy of
 * the live renderer's node, edge and graph states and camera, rendered at once, and its canvases
 * drawn in order onto one 2D canvas in the same task, while WebGL's drawing buffer still holds the
 * frame. The app's layers run on it as on the map: label placement (for the image's size, so no
 * two labels overlap there either, and none under the legend), the region hulls and names.
 *
 * Sigma takes its pixel ratio from `window.devicePixelRatio` alone (at construction for its glyph
 * atlas, at each resize for its buffers), so the ratio of the image is lent to the window while
 * the temporary renderer is built and while its frame is drawn and copied: two synchronous
 * stretches in which the live renderer cannot draw. Its labels are then rasterised at that ratio
 * (sharp at 2×, not an enlarged 1× image).
 */
import type { AppGraph } from "../data/graph";
import { createMapLabels, FONT } from "../map-labels";
import { createRegionNames } from "../region-names";
import { createSigma, PALETTE, type InsightSigma } from "../renderer";
import type { Box } from "../data/labels";
import type { SlideSize } from "./choices";
import { imageLegend, type ImageLegend } from "./legend";

/** The legend's box: its margin from the image's corner, padding, row height and mark size (CSS px). */
const LEGEND = { margin: 24, padding: 14, row: 24, mark: 12, gap: 10, font: 15, titleFont: 16 } as const;

/** Runs `work` with `window.devicePixelRatio` reading `ratio`, then gives the window its own back. */
function withDevicePixelRatio<T>(ratio: number, work: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  try {
    return work();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** The legend's rows laid out for drawing: its box in CSS pixels (bottom left of the image). */
function layoutLegend(context: CanvasRenderingContext2D, legend: ImageLegend, size: SlideSize): Box {
  const lines = [legend.title, ...legend.rows.map((row) => row.text), ...(legend.more ? [legend.more] : [])];
  let width = 0;
  lines.forEach((line, i) => {
    const isTitle = i === 0;
    context.font = `${isTitle ? 700 : FONT.weight} ${isTitle ? LEGEND.titleFont : LEGEND.font}px ${FONT.family}`;
    const indent = isTitle || (legend.more && i === lines.length - 1) ? 0 : LEGEND.mark + LEGEND.gap;
    width = Math.max(width, indent + context.measureText(line).width);
  });
  const boxWidth = Math.ceil(width) + 2 * LEGEND.padding;
  const boxHeight = lines.length * LEGEND.row + 2 * LEGEND.padding;
  const left = LEGEND.margin;
  const bottom = size.height - LEGEND.margin;
  return [left, bottom - boxHeight, left + boxWidth, bottom];
}

function drawLegend(context: CanvasRenderingContext2D, legend: ImageLegend, box: Box): void {
  const [left, top, right, bottom] = box;
  context.fillStyle = "rgba(255, 255, 255, 0.94)";
  context.strokeStyle = "#c3c9d2";
  context.lineWidth = 1;
  context.beginPath();
  context.roundRect(left + 0.5, top + 0.5, right - left - 1, bottom - top - 1, 6);
  context.fill();
  context.stroke();
  context.textBaseline = "middle";
  const rowMiddle = (i: number) => top + LEGEND.padding + i * LEGEND.row + LEGEND.row / 2;
  const x = left + LEGEND.padding;
  context.fillStyle = PALETTE.label;
  context.font = `700 ${LEGEND.titleFont}px ${FONT.family}`;
  context.fillText(legend.title, x, rowMiddle(0));
  context.font = `${FONT.weight} ${LEGEND.font}px ${FONT.family}`;
  legend.rows.forEach((row, i) => {
    const y = rowMiddle(i + 1);
    context.fillStyle = row.colour;
    context.beginPath();
    if (row.shape === "square") context.rect(x, y - LEGEND.mark / 2, LEGEND.mark, LEGEND.mark);
    else context.arc(x + LEGEND.mark / 2, y, LEGEND.mark / 2, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = PALETTE.label;
    context.fillText(row.text, x + LEGEND.mark + LEGEND.gap, y);
  });
  if (legend.more) {
    context.fillStyle = "#4b5563";
    context.fillText(legend.more, x, rowMiddle(legend.rows.length + 1));
  }
}

/**
 * The region names placed on `container` (HTML over the map, see region-names) painted as they
 * show: each name's box, background, coloured left border and text, read from its computed style.
 */
function drawRegionNames(context: CanvasRenderingContext2D, container: HTMLElement): void {
  const origin = container.getBoundingClientRect();
  for (const name of container.querySelectorAll<HTMLElement>(".region-name")) {
    if (name.style.visibility !== "visible" || name.closest("[hidden]")) continue;
    const style = getComputedStyle(name);
    const rect = name.getBoundingClientRect();
    const [x, y] = [rect.left - origin.left, rect.top - origin.top];
    const border = parseFloat(style.borderLeftWidth) || 0;
    context.beginPath();
    context.roundRect(x, y, rect.width, rect.height, parseFloat(style.borderTopLeftRadius) || 0);
    context.fillStyle = style.backgroundColor;
    context.fill();
    context.fillStyle = style.borderLeftColor;
    context.fillRect(x, y, border, rect.height);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    context.fillStyle = style.color;
    context.textBaseline = "middle";
    context.fillText(name.textContent ?? "", x + border + (parseFloat(style.paddingLeft) || 0), y + rect.height / 2);
  }
}

/**
 * The view `sigma` draws now, drawn again at `size` with its legend, as a canvas of
 * `size.width × size.pixelRatio` by `size.height × size.pixelRatio` pixels.
 */
export async function captureView(sigma: InsightSigma, graph: AppGraph, size: SlideSize): Promise<HTMLCanvasElement> {
  const graphState = sigma.getGraphState();
  const legend = imageLegend(graph, graphState.view, graphState.colorBy);
  const output = document.createElement("canvas");
  output.width = size.width * size.pixelRatio;
  output.height = size.height * size.pixelRatio;
  const context = output.getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a 2D canvas.");
  const legendBox = layoutLegend(context, legend, size);

  // Offscreen, at the image's size in CSS pixels; hidden from assistive technology and input.
  const root = document.createElement("div");
  Object.assign(root.style, { position: "fixed", left: "0", top: "0", width: `${size.width}px`, height: `${size.height}px`, transform: "translateX(-200vw)", pointerEvents: "none" });
  root.setAttribute("aria-hidden", "true");
  root.inert = true;
  document.body.append(root);
  const temp = withDevicePixelRatio(size.pixelRatio, () => createSigma(graph, root, graphState.view));
  try {
    // The live renderer's states. Label verdicts are not copied: they were found for the
    // screen's size, and the image's gets its own placement below. Nothing is hovered in an image.
    temp.setGraphState(graphState);
    graph.forEachNode((node) => temp.setNodeState(node, { ...sigma.getNodeState(node), isHovered: false, labelRoom: "no" }));
    graph.forEachEdge((edge) => temp.setEdgeState(edge, sigma.getEdgeState(edge)));
    temp.getCamera().setState(sigma.getCamera().getState());
    temp.setCustomBBox(sigma.getCustomBBox());

    const regionNames = createRegionNames(temp, graph);
    regionNames.show(graphState.colorBy === "region");
    const labels = createMapLabels(temp, graph, { obstacles: () => [...regionNames.drawn().map((name) => name.box), legendBox] });
    labels.light(new Set(graph.filterNodes((node) => sigma.getNodeState(node).isHighlighted)));
    await labels.settled();

    withDevicePixelRatio(size.pixelRatio, () => {
      temp.resize(true);
      // One frame now, of what is already processed: a full refresh would index the nodes
      // afresh, and the hulls, drawn before the frame, would read them not yet framed.
      temp.refresh({ partialGraph: {}, skipIndexation: true });
      context.fillStyle = PALETTE.background;
      context.fillRect(0, 0, output.width, output.height);
      // Sigma's layers in the order they are stacked: the hulls' canvas, then the stage.
      for (const layer of root.querySelectorAll("canvas")) context.drawImage(layer, 0, 0, output.width, output.height);
    });
    context.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
    drawRegionNames(context, root);
    drawLegend(context, legend, legendBox);
    return output;
  } finally {
    temp.kill();
    root.remove();
  }
}

/** The view as a PNG (see `captureView`). */
export async function viewPng(sigma: InsightSigma, graph: AppGraph, size: SlideSize): Promise<Blob> {
  const canvas = await captureView(sigma, graph, size);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The image could not be encoded as PNG."))), "image/png"),
  );
}
