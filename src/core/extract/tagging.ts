/**
 * compromise's tagging, without its phrase chunker. `nlp(text)` runs every hook compromise
 * registered (`nlp.hooks()`); the last, `chunks`, groups the tagged terms into noun, verb and
 * adjective phrases for `.chunks()` and `<Noun>` matches. It reads the tags and writes nothing
 * but each term's `chunk`, which extraction never reads, yet it sweeps a rule set of its own over
 * every sentence: about a tenth of compromise's time on the bookmarks document. Every other hook
 * runs as `nlp(text)` runs it, in the same order, so terms, tags and offsets are the same.
 */
import nlp from "compromise";

/** Hooks whose results extraction never reads. */
const UNREAD_HOOKS: ReadonlySet<string> = new Set(["chunks"]);

/** The part of compromise's world that `nlp(text)` reads its hooks from (typed `object` upstream). */
interface HookedWorld {
  hooks: string[];
}

/** The hook list last filtered, and what it was filtered from: plugins replace the list, so it is checked at every call. */
let filtered: { from: readonly string[]; hooks: string[] } | undefined;

/** The hooks `nlp(text)` would run, less those extraction never reads. */
function taggingHooks(all: string[]): string[] {
  if (filtered?.from !== all) filtered = { from: all, hooks: all.filter((hook) => !UNREAD_HOOKS.has(hook)) };
  return filtered.hooks;
}

/**
 * `nlp(text)` as it would be, tags included, without the hooks extraction never reads.
 * compromise reads the hooks from its one global world at each call, so the list is swapped for
 * this call only and put back before anything else can run.
 */
export function tag(text: string): ReturnType<typeof nlp> {
  const world = nlp.world() as HookedWorld;
  const all = world.hooks;
  world.hooks = taggingHooks(all);
  try {
    return nlp(text);
  } finally {
    world.hooks = all;
  }
}
