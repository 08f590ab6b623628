/**
 * Once per browser-test run: graph up to date, site built with the project's Vite config and
 * served under a sub-path on a loopback port. Tests read the URL with `inject("siteUrl")`.
 */
import type { TestProject } from "vitest/node";
import { buildAndServe } from "../../scripts/lib/serve";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site's URL, under a sub-path, ending in "/". */
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await buildAndServe();
  project.provide("siteUrl", site.url);
  return () => site.close();
}
