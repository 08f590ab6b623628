import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { lexiconPlugin } from "./scripts/vite/lexicon.ts";
import { liveRebuild } from "./scripts/vite/live-rebuild.ts";
import { domFreeDevPlugin, domFreeWorkerPlugin } from "./scripts/vite/dom-free.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

// The app lives in src/app; the graph file is generated into public/ by `npm run graph`,
// so that both the dev server and `vite build` serve it as a static asset next to index.html.
// `base: "./"` makes every URL in the built site relative: dist/ works under any sub-path.
export default defineConfig({
  root: resolve(root, "src/app"),
  base: "./",
  publicDir: resolve(root, "public"),
  plugins: [lexiconPlugin(), liveRebuild(), domFreeDevPlugin()],
  // The import worker (src/app/import/worker.ts) is bundled on its own: it needs the lexicon module too.
  worker: { format: "es", plugins: () => [lexiconPlugin(), domFreeWorkerPlugin()] },
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page loads first (a test checks that the
    // page's first load carries no compromise: only the import worker does).
    manifest: true,
    chunkSizeWarningLimit: 1000,
    // Two pages: the app, and the presenter view it opens in a second window (tours/presenter).
    rollupOptions: {
      input: {
        main: resolve(root, "src/app/index.html"),
        presenter: resolve(root, "src/app/presenter.html"),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/core/**/*.test.ts", "tests/app/**/*.test.ts", "tests/scripts/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Software-rendered WebGL on a shared 2-core machine is slow: one browser at a time.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
