/** Types of run-bundled.mjs (plain JavaScript: it must start without a TypeScript loader). */

/** The path of an up-to-date bundle of the TypeScript module `entry`, made first if needed. */
export function ensureBundle(entry: string): Promise<string>;
