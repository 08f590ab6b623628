/**
 * Region names drawn on the map, over sigma's canvas: each named region's name at the centre of
 * its nodes, placed again after every frame (a dozen elements: the cost does not grow with the
 * graph), largest regions first, and a name that would overlap one already placed is left out.
 * Shown while the map is coloured by region. Names are document text: set as text, never HTML.
 */
import type { AppGraph } from "./data/graph";
import { regionCentres } from "./data/regions";
import type { InsightSigma } from "./renderer";

export interface RegionNames {
  show(on: boolean): void;
}

export function createRegionNames(sigma: InsightSigma, graph: AppGraph): RegionNames {
  const centres = regionCentres(graph);
  const layer = document.createElement("div");
  layer.className = "region-names";
  layer.setAttribute("aria-hidden", "true");
  layer.hidden = true;
  const labels = centres.map((centre) => {
    const label = document.createElement("span");
    label.className = "region-name";
    label.textContent = centre.name;
    label.style.borderColor = centre.color;
    layer.append(label);
    return label;
  });
  sigma.getContainer().append(layer);

  const place = () => {
    if (layer.hidden) return;
    const placed: DOMRect[] = [];
    centres.forEach((centre, i) => {
      const label = labels[i]!;
      const at = sigma.graphToViewport({ x: centre.x, y: centre.y });
      label.style.left = `${at.x}px`;
      label.style.top = `${at.y}px`;
      label.style.visibility = "visible";
      const box = label.getBoundingClientRect();
      const clash = placed.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom);
      if (clash) label.style.visibility = "hidden";
      else placed.push(box);
    });
  };
  sigma.on("afterRender", place);

  return {
    show(on) {
      layer.hidden = !on;
      place();
    },
  };
}
