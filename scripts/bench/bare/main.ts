/**
 * The bare page `npm run bench -- --only frames` measures the app against: fetch graph.json,
 * import it into graphology, and hand it to sigma 4 with its default settings. Nothing else:
 * no indexes, no styles, no panels. `?width=&height=` size the map like the app's. A click on a
 * node highlights it (sigma's own `isHighlighted` state): the least a page can do on a click,
 * which the app's focus is compared with.
 *
 * Sigma draws its first frame inside its constructor, so the time it returns is the first
 * frame's; it is published with the renderer as `window.__bare`.
 */
import Graph from "graphology";
import Sigma from "sigma";

export interface BarePage {
  sigma: Sigma;
  /** `performance.now()` when sigma's first frame had been drawn. */
  firstRender: number;
}

declare global {
  interface Window {
    __bare?: BarePage;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById("graph")!;
  const query = new URLSearchParams(location.search);
  for (const side of ["width", "height"] as const) {
    const pixels = Number(query.get(side));
    if (pixels > 0) container.style[side] = `${pixels}px`;
  }
  const response = await fetch(new URL("graph.json", document.baseURI));
  const graph = Graph.from(await response.json());
  const sigma = new Sigma(graph, container);
  window.__bare = { sigma, firstRender: performance.now() };
  sigma.on("clickNode", ({ node }) => sigma.setNodeState(node, { isHighlighted: true }));
}

void start();
