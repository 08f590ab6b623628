/**
 * Where the page goes when the dev server has rebuilt its graph: the same address, so the
 * selection, path, filters, view and tour step come back (src/app/state/url.ts), with one
 * exception. The layout is computed afresh at every build and moves when the list changes
 * (adding one article to the bundled document moves the median node by about half the map's
 * width), so a camera kept by its numbers would show another part of the map: when something
 * is chosen, the camera is let go and the page frames what is chosen in its new place. With
 * nothing chosen the camera is kept (its zoom, over the same part of the frame).
 */

/** Parameters that choose something the page frames when the address names no camera. */
const CHOSEN = ["concept", "article", "region", "from", "to"];
/** Names a graph imported in this browser: the page shows that graph, not the one rebuilt. */
const OTHER_GRAPH = "graph";

/** The query to reload at after a rebuild, or `undefined` when the page shows another graph and has nothing to reload. */
export function addressAfterRebuild(search: string): string | undefined {
  const params = new URLSearchParams(search);
  if (params.has(OTHER_GRAPH)) return undefined;
  if (CHOSEN.some((name) => params.has(name))) {
    params.delete("camera");
    // Links made before views held the camera in `view` (x,y,ratio); a view name stays.
    if (/^[^,]*,[^,]*,[^,]*$/.test(params.get("view") ?? "")) params.delete("view");
  }
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
