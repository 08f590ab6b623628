/**
 * Build the static site and serve it the way a plain static host would (GitHub Pages, nginx):
 * files only, under a sub-path, 404 for anything missing, no single-page fallback. Browser tests
 * and the screenshot script share this, so both look at exactly what `npm run build` ships.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { ensureGraph } from "../ensure-graph";
import { PROJECT_ROOT } from "./paths";


/** A sub-path that is not the server root, to prove the site works wherever it is hosted. */
export const DEFAULT_BASE_PATH = "/insight-graph/";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".gexf": "application/xml",
  ".webmanifest": "application/manifest+json",
};

/**
 * Builds the site with the project's Vite configuration. By default into a fresh temporary
 * directory rather than `dist/`: several people run the browser tests at once in one tree, and a
 * build that empties `dist/` under a running server would fail someone else's tests.
 */
export async function buildSite(outDir?: string): Promise<string> {
  const target = outDir ?? (await mkdtemp(join(tmpdir(), "insight-graph-site-")));
  const { build } = await import("vite");
  await build({
    configFile: join(PROJECT_ROOT, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: { outDir: target, emptyOutDir: true },
  });
  return target;
}

export interface StaticServer {
  /** The site's URL, ending in "/". */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Other graphs to show with the same built site, by name: `{ hostile: "/tmp/x/graph.json" }`
   * serves the site again under `<basePath>hostile/`, where graph.json is that file. The site's
   * URLs are relative, so its scripts and styles resolve there too; nothing is rebuilt.
   */
  graphs?: Record<string, string>;
}

/** Serves `root` as static files under `basePath` on a free loopback port. */
export async function serveDirectory(root: string, basePath = DEFAULT_BASE_PATH, options: ServeOptions = {}): Promise<StaticServer> {
  const siteRoot = resolve(root);
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  const graphs = new Map(Object.entries(options.graphs ?? {}).map(([name, file]) => [`${base}${name}/`, resolve(file)]));
  for (const prefix of graphs.keys()) {
    if (!/^[\w-]+\/$/.test(prefix.slice(base.length))) throw new Error(`serveDirectory: graph name "${prefix.slice(base.length, -1)}" must be a plain path segment`);
  }

  /** The file behind a path under `base`: the overriding graph.json of a named graph, else the site's own file. */
  function fileFor(pathname: string): string {
    for (const [prefix, graphFile] of graphs) {
      if (pathname.startsWith(prefix)) {
        const rest = pathname.slice(prefix.length);
        return rest === "graph.json" ? graphFile : normalize(join(siteRoot, rest));
      }
    }
    return normalize(join(siteRoot, pathname.slice(base.length)));
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400, { "Content-Type": "text/plain" }).end("Bad request");
      return;
    }
    const folder = [base, ...graphs.keys()].find((prefix) => pathname === prefix.slice(0, -1));
    if (folder) {
      response.writeHead(301, { Location: folder }).end();
      return;
    }
    if (!pathname.startsWith(base) || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    let file = fileFor(pathname);
    const isGraph = [...graphs.values()].includes(file);
    if (!isGraph && file !== siteRoot && !file.startsWith(siteRoot + sep)) {
      response.writeHead(403, { "Content-Type": "text/plain" }).end("Forbidden");
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, "index.html");
    const body = await readFile(file).catch(() => undefined);
    if (!body) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  }

  const server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

export interface ServedSite extends StaticServer {
  /** The directory the site was built into. */
  root: string;
}

/**
 * The whole chain: graph up to date (the same step `npm run dev` and `npm run build` take), site
 * built, site served. `close()` also removes the build.
 */
export async function buildAndServe(
  options: { basePath?: string; outDir?: string; graphs?: ServeOptions["graphs"] } = {},
): Promise<ServedSite> {
  await ensureGraph();
  const root = await buildSite(options.outDir);
  const server = await serveDirectory(root, options.basePath, { graphs: options.graphs });
  return {
    root,
    url: server.url,
    async close() {
      await server.close();
      if (!options.outDir) await rm(root, { recursive: true, force: true });
    },
  };
}
