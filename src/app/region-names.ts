/**
 * Regions drawn on the map while it is coloured by region, in whichever view is drawn: a soft
 * hull in the region's colour behind its nodes (see hulls.ts) and its name over sigma's canvas at
 * the centre of its nodes in that view (sigma's graph state `view`), placed again after every
 * frame (a dozen elements: the cost does not grow with the graph), largest regions first; a name
 * that would overlap one already placed is left out, and so is a region the view shows none of.
 * The names placed are obstacles the node labels keep off (see map-labels). Names are document
 * text: set as text, never HTML.
 */
import { shiftInside, type Box } from "./data/labels";
import type { AppGraph } from "./data/graph";
import { namedRegions, regionCentres, regionsOf, type RegionCentre } from "./data/regions";
import type { ViewName } from "./data/views";
import { createRegionHulls } from "./hulls";
import type { DrawnLabel } from "./map-labels";
import type { InsightSigma } from "./renderer";

export interface RegionNames {
  show(on: boolean): void;
  /** The names drawn now, with their boxes in viewport pixels (none while hidden). */
  drawn(): DrawnLabel[];
}

export function createRegionNames(sigma: InsightSigma, graph: AppGraph): RegionNames {
  const { shown: regions } = namedRegions(regionsOf(graph));
  const hulls = createRegionHulls(sigma, graph, regions);
  // Each view's centres, measured the first time that view is drawn with its names.
  const centres = new Map<ViewName, RegionCentre[]>();
  const centresIn = (view: ViewName) => centres.get(view) ?? centres.set(view, regionCentres(graph, view)).get(view)!;
  const container = sigma.getContainer();
  const layer = document.createElement("div");
  layer.className = "region-names";
  layer.setAttribute("aria-hidden", "true");
  layer.hidden = true;
  const labels = new Map(
    regions.map((region) => {
      const label = document.createElement("span");
      label.className = "region-name";
      label.textContent = region.name;
      label.style.borderColor = region.color;
      label.style.visibility = "hidden";
      layer.append(label);
      return [region.id, label] as const;
    }),
  );
  container.append(layer);
  let drawn: DrawnLabel[] = [];

  const place = () => {
    drawn = [];
    if (layer.hidden) return;
    const origin = container.getBoundingClientRect();
    for (const label of labels.values()) label.style.visibility = "hidden";
    for (const centre of centresIn(sigma.getGraphState().view)) {
      const label = labels.get(centre.id)!;
      const at = sigma.graphToViewport({ x: centre.x, y: centre.y });
      label.style.left = `${at.x}px`;
      label.style.top = `${at.y}px`;
      label.style.visibility = "visible";
      const rect = label.getBoundingClientRect();
      let box: Box = [rect.left - origin.left, rect.top - origin.top, rect.right - origin.left, rect.bottom - origin.top];
      // A region whose centre is on screen shows its whole name there, moved in from the edge;
      // one whose centre is off screen is not pinned to the edge, where it would name nothing.
      if (at.x >= 0 && at.y >= 0 && at.x <= origin.width && at.y <= origin.height) {
        const [dx, dy] = shiftInside(box, origin);
        if (dx !== 0 || dy !== 0) {
          label.style.left = `${at.x + dx}px`;
          label.style.top = `${at.y + dy}px`;
          box = [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy];
        }
      }
      const clash = drawn.some(({ box: [l, t, r, b] }) => l < box[2] && box[0] < r && t < box[3] && box[1] < b);
      if (clash) label.style.visibility = "hidden";
      else drawn.push({ key: `region:${centre.id}`, text: centre.name, box });
    }
  };
  sigma.on("afterRender", place);

  return {
    show(on) {
      layer.hidden = !on;
      hulls.show(on);
      place();
      // The node labels make room for the names (or take it back): a new frame places them.
      sigma.scheduleRender();
    },
    drawn: () => drawn,
  };
}
