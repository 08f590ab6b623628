/**
 * In-page probe of the frame benchmark (scripts/bench/frames.ts), installed before any script of
 * the page runs (playwright's `addInitScript`), the same in the app and in the bare sigma page,
 * so that both are measured by one yardstick. Plain JavaScript: the browser runs it as written.
 *
 * A frame is a task that issued WebGL draw calls. It counts as painted once the GPU has carried
 * out its draw calls (a fence after them has signalled) and the next frame has begun (the first
 * `requestAnimationFrame` callback after them): with software WebGL the GPU process can lag the
 * page by seconds, and a frame is not on screen before it is drawn. Fences are polled, never
 * waited on, so the page keeps its own pace. Times are `performance.now()`: milliseconds since
 * the page's navigation started.
 */
(() => {
  /**
   * Frames painted, in order.
   * @type {{ drawn: number, painted: number }[]}
   */
  const frames = [];
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = [];
  /**
   * The frame whose draw calls are being issued, until its next animation frame; then it is in
   * flight until its fence signals.
   * @type {{ drawn: number, painted: Promise<number> } | null}
   */
  let drawing = null;
  let inFlight = 0;
  /** When #graph's aria-busy turned "false". */
  let idleAt = null;

  /** Resolves with the time the GPU is seen to have carried out every command issued to `gl` so far. */
  const gpuDone = (gl) =>
    new Promise((done) => {
      if (!(gl instanceof WebGL2RenderingContext)) return done(performance.now());
      const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
      const poll = () => {
        if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return void setTimeout(poll, 4);
        gl.deleteSync(fence);
        done(performance.now());
      };
      setTimeout(poll, 0);
    });

  const drawCalls = ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced", "drawRangeElements"];
  for (const prototype of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of drawCalls) {
      const original = prototype[name];
      if (typeof original !== "function") continue;
      prototype[name] = function (...args) {
        if (drawing === null) {
          const gl = this;
          let painted;
          const frame = { drawn: performance.now(), painted: new Promise((done) => (painted = done)) };
          drawing = frame;
          inFlight += 1;
          requestAnimationFrame(() => {
            const next = performance.now();
            drawing = null;
            void gpuDone(gl).then((drawn) => {
              const at = Math.max(next, drawn);
              frames.push({ drawn: frame.drawn, painted: at });
              inFlight -= 1;
              painted(at);
            });
          });
        }
        return original.apply(this, args);
      };
    }
  }

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  new MutationObserver(() => {
    if (idleAt === null && document.getElementById("graph")?.getAttribute("aria-busy") === "false") idleAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["aria-busy"] });

  /** The page's sigma: the app publishes it as `__insightGraph`, the bare page as `__bare`. */
  const sigma = () => window.__insightGraph?.sigma ?? window.__bare?.sigma;
  const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
  const HOME = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

  /** The camera at `t` seconds into the pan-and-zoom script: a slow circle while zooming in to ×3 and out. */
  const cameraAt = (t) => {
    const zoom = (1 - Math.cos((2 * Math.PI * t) / 5)) / 2;
    const turn = (2 * Math.PI * t) / 10;
    // A circle through the centre, so the script starts where the page opens.
    return { x: 0.5 + 0.15 * Math.sin(turn), y: 0.5 + 0.15 * (1 - Math.cos(turn)), ratio: 1 - (2 / 3) * zoom, angle: 0 };
  };

  window.__probe = {
    /**
     * Resolves, with the time the last frame was painted, once the page has a sigma, is not busy
     * (aria-busy, where the page has it) and has painted nothing for `quietMs`.
     */
    quiet(quietMs) {
      return new Promise((done) => {
        const check = () => {
          const last = frames.at(-1);
          const busy = document.getElementById("graph")?.getAttribute("aria-busy") === "true";
          const ready = sigma() !== undefined && last !== undefined && drawing === null && inFlight === 0 && !busy;
          if (ready && performance.now() - last.painted >= quietMs) done(last.painted);
          else setTimeout(check, 100);
        };
        check();
      });
    },

    /** The first painted frame, when aria-busy turned "false", and the bare page's own first render. */
    start() {
      return { firstFrame: frames[0]?.painted ?? null, idleAt, firstRender: window.__bare?.firstRender ?? null };
    },

    /** Size of the map on the page, in CSS pixels. */
    mapSize() {
      const { width, height } = sigma().getDimensions();
      return { width, height };
    },

    /**
     * Pans and zooms for `seconds` along `cameraAt`, setting the camera at the start of every
     * animation frame, so a slow page takes fewer, longer steps along the same path. Returns the
     * window it took; `between` tells the frames once they are painted.
     */
    async panZoom(seconds) {
      const camera = sigma().getCamera();
      camera.setState(HOME);
      await nextFrame();
      const start = performance.now();
      for (let now = start; now - start < seconds * 1000; now = await nextFrame()) camera.setState(cameraAt((now - start) / 1000));
      const end = performance.now();
      camera.setState(HOME);
      return { start, end };
    },

    /**
     * The frames drawn between `start` and `end`, with the time from one painted frame to the
     * next (the first from `start`), and the long tasks begun then.
     */
    between(start, end) {
      const inside = frames.filter((frame) => frame.drawn >= start && frame.drawn <= end);
      return {
        frames: inside.length,
        intervals: inside.map((frame, i) => frame.painted - (i === 0 ? start : inside[i - 1].painted)),
        longTasks: longTasks.filter((task) => task.start >= start && task.start <= end).map((task) => task.duration),
      };
    },

    /**
     * The biggest concept on screen, with its position on the page: what a person would click
     * first. Both pages hold the same graph, so both find the same node.
     */
    conceptToClick() {
      const renderer = sigma();
      const graph = renderer.getGraph();
      const { width, height } = renderer.getDimensions();
      const box = renderer.getContainer().getBoundingClientRect();
      let best = null;
      graph.forEachNode((node, attributes) => {
        if (attributes.kind === "article") return;
        const display = renderer.getNodeDisplayData(node);
        if (!display || display.visibility === "hidden" || renderer.getNodeState(node).isHidden) return;
        const at = renderer.framedGraphToViewport(display);
        const margin = renderer.scaleSize(display.size) + 20;
        if (at.x < margin || at.y < margin || at.x > width - margin || at.y > height - margin) return;
        if (!best || display.size > best.size) best = { node, label: attributes.label, size: display.size, x: box.left + at.x, y: box.top + at.y };
      });
      return best;
    },

    /**
     * Watches for the click on `node` to show: the time the pointer is released over the map,
     * and the time the first frame drawn after the release with the node's `state` set is
     * painted (the app's focus, `isFocus`; the bare page's highlight, `isHighlighted`). Frames
     * drawn before the release do not count: the app focuses the node it hovers already, so a
     * late frame of the hover would otherwise pass for the click's.
     */
    watchClick(node, state) {
      const renderer = sigma();
      const watch = { releasedAt: null, paintedAt: null };
      window.__clickWatch = watch;
      window.addEventListener("mouseup", (event) => (watch.releasedAt = event.timeStamp), { capture: true, once: true });
      const check = () => {
        if (watch.releasedAt === null || !renderer.getNodeState(node)[state] || drawing === null) return;
        renderer.off("afterRender", check);
        void drawing.painted.then((at) => (watch.paintedAt = at));
      };
      renderer.on("afterRender", check);
    },

    /** Resolves once the watched click shows: release → painted, and what the app selected. */
    clicked() {
      return new Promise((done) => {
        const check = () => {
          const watch = window.__clickWatch;
          if (watch.paintedAt === null || watch.releasedAt === null) return void setTimeout(check, 50);
          done({ ms: watch.paintedAt - watch.releasedAt, selection: window.__insightGraph?.state.selection ?? null });
        };
        check();
      });
    },

    /** One full frame of the bare page: a forced `sigma.refresh()` (index, process, render) until painted. */
    async oneFrame() {
      await nextFrame();
      const started = performance.now();
      sigma().refresh();
      return (await drawing.painted) - started;
    },

    /**
     * The labels on the map, as boxes in viewport pixels ([left, top, right, bottom]): as the
     * app reports them (`__insightGraph.drawnLabels`, null where it has no such hook) and as
     * sigma drew them in its last frame (the node labels it chose, measured here in their
     * font, beside the node on their side, one font size high), to check the one by the other.
     */
    drawnLabels() {
      const renderer = sigma();
      const reported = window.__insightGraph?.drawnLabels?.() ?? null;
      const context = document.createElement("canvas").getContext("2d");
      const font = renderer.internals?.primitives?.nodes?.label?.font ?? {};
      const drawn = [];
      for (const key of renderer.labelRenderer?.displayedNodeLabels ?? []) {
        const display = renderer.getNodeDisplayData(key);
        if (!display?.label) continue;
        const size = display.labelSize ?? 14;
        context.font = `${font.weight ?? "normal"} ${size}px ${font.family ?? "Arial"}`;
        const width = context.measureText(display.label).width;
        const at = renderer.framedGraphToViewport(display);
        const gap = renderer.scaleSize(display.size) + 5;
        const side = display.labelPosition ?? "right";
        const left = side === "left" ? at.x - gap - width : side === "right" ? at.x + gap : at.x - width / 2;
        const top = at.y - size / 2 + (side === "above" ? -(gap + size / 2) : side === "below" ? gap + size / 2 : 0);
        drawn.push({ key, text: display.label, box: [left, top, left + width, top + size] });
      }
      return { reported: reported && reported.map(({ key, text, box }) => ({ key, text, box: [...box] })), drawn };
    },
  };
})();
