/**
 * Builds the bare sigma page (scripts/bench/bare) the frame benchmark compares the app with.
 * Relative URLs, like the app's build, so it can be served under any path beside any graph.json;
 * the benchmark passes the output folder.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./bare/", import.meta.url)),
  base: "./",
  publicDir: false,
  logLevel: "warn",
  build: { emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
