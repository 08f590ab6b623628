/**
 * Boot: load graph.json (or, with `?graph=<id>`, a graph imported in this browser: import/),
 * build the indexes, restore the state from the address bar, start sigma, mount the panels, and
 * keep map, panels and URL in step with the one store.
 *
 * For browser tests only, `window.__insightGraph = { sigma, graph, state, drawnLabels }` exposes
 * the renderer, the graph, a getter of the current state and the labels drawn now (see
 * README-ui-contract.md).
 */
import "./styles.css";
import "./presenting.css";
import { filterChoices, revealsRare, visibleNodes } from "./data/filters";
import { GraphLoadError, type LoadProgress } from "./data/graph";
import { findPath, type FoundPath } from "./data/path";
import type { Emphasis } from "./data/scene";
import { viewEmphasis, viewNeighbourhood, viewNodes, type ViewName } from "./data/views";
import { createSearchIndex, type SearchIndex } from "./data/search";
import type { AppContext } from "./context";
import { h } from "./dom";
import { applyStates, cameraFor, createSigma, frameOnScreen, type InsightSigma } from "./renderer";
import { createMapLabels } from "./map-labels";
import { createExportMenu } from "./exports/menu";
import { createDetails } from "./panels/details";
import { createFilters } from "./panels/filters";
import { createLegend } from "./panels/legend";
import { createRegionNames } from "./region-names";
import type { ColorBy } from "./data/regions";
import { createListView } from "./panels/list";
import { createPath } from "./panels/path";
import { createSearch } from "./panels/search";
import { createToolbar } from "./panels/toolbar";
import { createToursPanel } from "./panels/tours";
import { mountSheet } from "./sheet";
import {
  clearSelection,
  createStore,
  focusArticle,
  focusConcept,
  type AppState,
  type CameraView,
  type HistoryMode,
} from "./state/store";
import { addressOf, GRAPH_PARAM, ignoredNotice } from "./state/url";
import { openShownGraph, type ShownGraph } from "./import/open";
import { browserGraphShelf, type GraphShelf } from "./import/store";
import { leftOutNotice, toursFitting } from "./import/tours";
import { createImporter, graphAddress } from "./import/ui";
import { toursOf } from "./tours/load";
import { createPlayer, openTourChannel, readAddress } from "./tours/player";
import { createTourEditor } from "./tours/editor";
import { createPresenting } from "./tours/present";
import { stepFromState } from "./tours/step";
import { readLocalTours } from "./tours/storage";
import { readSharedTour } from "./tours/share";
import { formatTourError } from "../core/tours";

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

/** The stage's loading notice: bytes of graph.json received, then "Preparing the map…". */
const loading = {
  show(progress: LoadProgress): void {
    const bar = byId<HTMLProgressElement>("loading-bar");
    const { received, total } = progress;
    if (total === undefined) {
      bar.removeAttribute("value");
      byId("loading-text").textContent = `Loading the graph… ${megabytes(received)} received`;
    } else {
      bar.max = total;
      bar.value = received;
      const percent = Math.floor((received / total) * 100);
      byId("loading-text").textContent = `Loading the graph… ${percent}% (${megabytes(received)} of ${megabytes(total)})`;
    }
  },
  preparing(): void {
    byId<HTMLProgressElement>("loading-bar").removeAttribute("value");
    byId("loading-text").textContent = "Preparing the map…";
  },
  done(): void {
    byId("loading").hidden = true;
  },
};

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** The graph the address names (import/open.ts), its loading said in the stage's notice. */
function loadGraph(shelf: GraphShelf): Promise<ShownGraph> {
  return openShownGraph(shelf, location.search, {
    progress: (progress) => loading.show(progress),
    found: (info) => {
      byId<HTMLProgressElement>("loading-bar").removeAttribute("value");
      byId("loading-text").textContent = `Opening the graph of ${info.name}…`;
    },
  });
}

/** Runs `work` when the page is idle (soon after, where the browser has no idle callbacks). */
function whenIdle(work: () => void): void {
  if ("requestIdleCallback" in window) requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 200);
}

/** Resolves after the browser has painted, so a notice set just before shows during the work that follows. */
function nextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

function showError(error: unknown): void {
  const reason = error instanceof GraphLoadError ? error.message : "an unexpected error occurred";
  const alert = byId("alert");
  alert.textContent = `Could not load the graph: ${reason}.`;
  // An imported graph that cannot be opened still leaves the bundled one to go to.
  if (new URLSearchParams(location.search).has(GRAPH_PARAM)) alert.append(" ", h("a", { href: graphAddress() }, "Open the bundled graph"));
  byId("graph").setAttribute("aria-busy", "false");
  loading.done();
  document.body.classList.add("failed");
  if (!(error instanceof GraphLoadError)) console.error(error);
}

function sameCamera(a: CameraView | null, b: CameraView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return Math.abs(a.x - b.x) < 1e-4 && Math.abs(a.y - b.y) < 1e-4 && Math.abs(a.ratio - b.ratio) < 1e-4;
}

function isDefaultCamera(camera: CameraView): boolean {
  return sameCamera(camera, DEFAULT_CAMERA);
}

/** Sigma's camera at rest: the whole of the view on screen. */
const DEFAULT_CAMERA = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

async function boot(): Promise<void> {
  const shelf = browserGraphShelf();
  const { graph, shown } = await loadGraph(shelf);
  if (shown) document.title = `${shown.name} · Insight Graph`;
  // Indexing and sigma's first frame take seconds on a large graph: say so before starting.
  loading.preparing();
  await nextPaint();
  const status = byId("status");
  // The tours a link may name: the graph's (checked by the build) and those made in this browser.
  const bundledTours = toursOf(graph);
  // A tour opened from a link travels in the fragment (#tour=…): known while the address holds it.
  const shared = await readSharedTour(location.hash, graph);
  const sharedTours = shared && "tour" in shared ? [shared.tour] : [];
  // Tours made in this browser name the nodes of the graph they were made on (the bundled one, or
  // one imported here): each graph offers only those that fit it, and counts the others quietly.
  const localTours = () => {
    const local = readLocalTours();
    const fitting = toursFitting(local.tours, graph);
    return { tours: fitting.tours, problems: [...local.problems, leftOutNotice(fitting.left)].filter(Boolean) };
  };
  const knownTours = () => [...bundledTours.tours, ...localTours().tours, ...sharedTours];
  let params = new URLSearchParams(location.search);
  // The link names no step yet: its tour opens at the first.
  if (sharedTours[0] && !params.has("tour")) params = new URLSearchParams({ tour: sharedTours[0].id, step: "1" });
  const decoded = readAddress(params, graph, knownTours());
  const sharedProblem = shared && "errors" in shared ? `Could not open the tour: ${formatTourError(shared.errors[0]!)}` : "";
  status.textContent = [ignoredNotice(decoded.ignored), sharedProblem].filter(Boolean).join(" ");

  const store = createStore(decoded.state);
  const player = createPlayer({ graph, store, tours: knownTours, channel: openTourChannel() });
  // The search index takes half a second on the bundled graph and seconds on a large one, and
  // nothing needs it before someone types: it is built when first asked for, or once the map is
  // drawn and idle, whichever comes first, so it never delays the first frame.
  let searchIndex: SearchIndex | undefined;
  const context: AppContext = {
    graph,
    store,
    get search() {
      return (searchIndex ??= createSearchIndex(graph));
    },
    choices: filterChoices(graph),
  };

  const container = byId("graph");
  const sigma: InsightSigma = createSigma(graph, container, decoded.state.view);
  // Sigma draws its first frame inside the constructor: the notice goes with the same task, so
  // both reach the screen together (a second frame just to hide it cost a whole render). Then
  // that frame is let onto the screen before the rest is built: the panels, the label pass and
  // the region names take a second or more on a large graph, and none of them is needed to
  // see the map. The map is ready (aria-busy "false") once its labels are placed and drawn.
  loading.done();
  await nextPaint();

  const regionNames = createRegionNames(sigma, graph);
  const mapLabels = createMapLabels(sigma, graph, { obstacles: () => regionNames.drawn().map((name) => name.box) });
  void mapLabels.settled().then(async () => {
    await frameOnScreen(sigma);
    container.setAttribute("aria-busy", "false");
    whenIdle(() => void context.search);
  });
  const details = createDetails(context);
  const filters = createFilters(context);
  const path = createPath(context);
  const list = createListView(context);
  byId("search-slot").append(createSearch(context));
  const presenting = createPresenting(context, player);
  const importer = createImporter({ shelf, shown, alert: byId("alert"), status, stage: byId("stage") });
  byId("toolbar-slot").append(
    createToolbar(context, sigma, {
      present: presenting.toggle,
      afterPresent: [createExportMenu(context, sigma, player)],
      graphs: [importer.openButton, importer.shelfMenu],
    }),
  );
  const legend = createLegend(context);
  // The editor tells the Tours list when the browser's tours change, and the list holds the editor.
  const editor = createTourEditor(context, {
    currentStep: () => stepFromState(store.get(), graph),
    play: (tour, step) => player.play(tour, step),
    refresh: () => tours.refresh(),
  });
  const tours = createToursPanel(context, player, {
    present: presenting.toggle,
    editor: editor.element,
    problems: () => [...bundledTours.problems, ...localTours().problems],
  });
  byId("side").append(tours.element, legend.element, path.element, filters.element);
  byId("details-slot").append(presenting.caption, details.element);
  byId("stage").append(list.element);

  // Derived state, recomputed only when its inputs change. The camera is one of them: close
  // enough, concepts named by one article show without being asked for (see revealsRare).
  const inView = new Map<ViewName, Set<string>>();
  const nodesOf = (view: ViewName) => inView.get(view) ?? inView.set(view, viewNodes(graph, view)).get(view)!;
  let rareRevealed = revealsRare(context.choices.rareCount, decoded.state.camera?.ratio ?? 1);
  const visibleIn = (state: AppState) => {
    const filters = rareRevealed && !state.filters.showRare ? { ...state.filters, showRare: true } : state.filters;
    const nodes = visibleNodes(graph, filters);
    if (state.view === "map") return nodes;
    const shown = nodesOf(state.view);
    return new Set([...nodes].filter((node) => shown.has(node)));
  };
  let visible = visibleIn(decoded.state);
  const pathOf = (state: AppState) =>
    state.path.from && state.path.to ? findPath(graph, state.path.from, state.path.to) : null;
  let found: FoundPath | null = pathOf(decoded.state);
  const litIn = (state: AppState) => viewEmphasis(graph, state.view, state.selection, found);
  let lit: Emphasis = litIn(decoded.state);
  let hovered: string | null = null;

  const paint = () => {
    const shown = hovered ? restrictTo(viewNeighbourhood(graph, store.get().view, hovered), visible) : lit;
    applyStates(sigma, graph, visible, shown);
    mapLabels.light(shown.nodes);
  };

  const render = (state: AppState) => {
    tours.render(state);
    legend.render(state);
    details.render(state, found);
    filters.render(state);
    path.render(state, found);
    list.render(state, visible, found);
  };

  const fitTo = (shown: Emphasis, animate: boolean) => {
    const target = cameraFor(sigma, graph, shown.nodes, shown.focus);
    if (!target) return;
    if (animate) void sigma.getCamera().animate(target, { duration: 400 });
    else sigma.getCamera().setState(target);
  };

  const present = (on: boolean, refit: boolean) => {
    document.body.classList.toggle("presenting", on);
    sigma.setGraphState({ isPresenting: on });
    // The stage changes size with the side panels; sigma must measure it again.
    requestAnimationFrame(() => {
      sigma.resize(true);
      if (refit && lit.nodes.size > 0) fitTo(lit, true);
    });
  };

  // Narrow screens: the panels are a sheet over the map, and its height sets the map's.
  mountSheet(context, () => {
    sigma.resize(true);
    if (lit.nodes.size > 0) fitTo(lit, true);
  });

  // Region names (and hulls) sit at the centres of their nodes in whichever view is drawn.
  const showRegionNames = (state: AppState) => regionNames.show(state.colorBy === "region");

  const colourBy = (state: AppState) => {
    sigma.setGraphState({ colorBy: state.colorBy });
    showRegionNames(state);
  };

  // Every node moves: sigma evaluates the styles again and frames the new view's extent.
  const drawView = (state: AppState) => {
    sigma.setGraphState({ view: state.view });
    sigma.refresh();
    showRegionNames(state);
  };

  const writeUrl = (state: AppState, mode: HistoryMode) => {
    if (mode === "none") return;
    // The graph shown is part of the address, whatever the state: it is what the rest is read against.
    const query = addressOf(state, shown?.id).toString();
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  };

  store.subscribe((state, previous, mode) => {
    const viewChanged = state.view !== previous.view;
    const filtersChanged = state.filters !== previous.filters || viewChanged;
    const focusChanged = state.selection !== previous.selection || state.path !== previous.path || viewChanged;
    const stepChanged = state.tour !== null && (state.tour.id !== previous.tour?.id || state.tour.step !== previous.tour.step);
    if (viewChanged) drawView(state);
    if (filtersChanged) visible = visibleIn(state);
    if (state.path !== previous.path) found = pathOf(state);
    if (focusChanged) lit = litIn(state);
    if (state.presentation !== previous.presentation) present(state.presentation, mode !== "none");
    if (state.colorBy !== previous.colorBy) colourBy(state);
    if (filtersChanged || focusChanged) paint();
    render(state);
    writeUrl(state, mode);

    if (mode === "none") {
      // Back/forward: restore the camera the entry remembers.
      if (state.camera) sigma.getCamera().setState({ ...state.camera, angle: 0 });
      // A tour step left before its camera was remembered frames what it shows, as it did then.
      else if (stepChanged && lit.nodes.size > 0) fitTo(lit, false);
      else if (!sameCamera(previous.camera, null) || viewChanged) sigma.getCamera().setState(DEFAULT_CAMERA);
    } else if (stepChanged && state.camera) {
      // A tour step that names its camera stands there; one that does not frames what it shows.
      void sigma.getCamera().animate({ ...state.camera, angle: 0 }, { duration: 600 });
    } else if ((focusChanged || stepChanged) && lit.nodes.size > 0) {
      fitTo(lit, true);
    } else if (viewChanged) {
      void sigma.getCamera().animate(DEFAULT_CAMERA, { duration: 300 });
    }
  });

  // The camera is part of the state, but moving it should not flood the history.
  let cameraTimer: number | undefined;
  sigma.getCamera().on("updated", ({ ratio }) => {
    if (revealsRare(context.choices.rareCount, ratio) !== rareRevealed) {
      rareRevealed = !rareRevealed;
      visible = visibleIn(store.get());
      paint();
      render(store.get());
    }
    window.clearTimeout(cameraTimer);
    cameraTimer = window.setTimeout(() => {
      const { x, y, ratio } = sigma.getCamera().getState();
      const camera = isDefaultCamera({ x, y, ratio }) ? null : { x, y, ratio };
      if (!sameCamera(camera, store.get().camera)) store.update((s) => ({ ...s, camera }), "replace");
    }, 300);
  });

  window.addEventListener("popstate", () => {
    const next = readAddress(new URLSearchParams(location.search), graph, knownTours());
    status.textContent = ignoredNotice(next.ignored);
    store.set(next.state, "none");
  });

  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    paint();
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    paint();
  });
  sigma.on("clickNode", ({ node }) => {
    const isArticleNode = graph.getNodeAttribute(node, "kind") === "article";
    store.update((s) => (isArticleNode ? focusArticle(s, node) : focusConcept(s, node)));
  });
  sigma.on("clickStage", () => store.update(clearSelection));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    store.update(clearSelection);
  });

  paint();
  render(store.get());
  const initial = store.get();
  if (initial.presentation) present(true, !initial.camera);
  if (initial.colorBy !== "type") colourBy(initial);
  if (initial.camera) sigma.getCamera().setState({ ...initial.camera, angle: 0 });
  else if (lit.nodes.size > 0) fitTo(lit, false);

  (window as unknown as { __insightGraph: unknown }).__insightGraph = {
    sigma,
    graph,
    get state() {
      return store.get();
    },
    // The labels on the map now (nodes' and regions'), as viewport boxes: benches count overlaps.
    drawnLabels: () => [...mapLabels.drawn(), ...regionNames.drawn()],
  };
}

/** Hover lights only what is on the map. */
function restrictTo(lit: Emphasis, visible: Set<string>): Emphasis {
  const nodes = new Set([...lit.nodes].filter((n) => visible.has(n)));
  return { nodes, edges: lit.edges, focus: lit.focus };
}

boot().catch(showError);
