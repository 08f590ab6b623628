/** Types of run-bundled.mjs (plain JavaScript: it must start without a TypeScript loader). */

/**
 * The path of an up-to-date bundle of the TypeScript module `entry`, made first if needed: an ES
 * module to import ("esm", the default) or a CommonJS script ("cjs").
 */
export function ensureBundle(entry: string, format?: "esm" | "cjs"): Promise<string>;
