/**
 * Once per browser-test run: graph up to date, site built with the project's Vite config and
 * served under a sub-path on a loopback port. Tests read the URL with `inject("siteUrl")`, and
 * the build's folder with `inject("siteRoot")` to serve it again with graphs of their own.
 */
import type { TestProject } from "vitest/node";
import { buildAndServe } from "../../scripts/lib/serve";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site's URL, under a sub-path, ending in "/". */
    siteUrl: string;
    /** The folder the site was built into, for tests that serve it again with another graph.json. */
    siteRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildAndServe();
  project.provide("siteUrl", site.url);
  project.provide("siteRoot", site.root);
  return () => site.close();
}
