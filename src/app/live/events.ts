/**
 * What the dev server's live rebuild (scripts/vite/live-rebuild.ts) and the page's client
 * (./client.ts) say to each other over Vite's HMR channel. Types and names only, plus the one
 * wording of a failure, so that the terminal and the page say the same words.
 */

/** Server → page: graph.json was rebuilt and written; the page loads it again. */
export const REBUILT = "insight-graph:rebuilt";
/** Server → page: the last rebuild failed; graph.json was left as it was. */
export const FAILED = "insight-graph:failed";
/** Page → server, once connected: "tell me if the last rebuild failed" (a page opened, or reloaded, while an input is broken). */
export const HELLO = "insight-graph:hello";

export interface RebuiltEvent {
  /** Wall time of the build, in seconds. */
  seconds: number;
  articles: number;
  concepts: number;
  /** The watched files whose change started it, as the terminal names them. */
  changed: string[];
}

/** Why a rebuild failed: the build's own one-line error, taken apart where it names a file. */
export interface BuildFailure {
  /** The file at fault (an input, a lexicon or tour file), as the build named it; absent when none is named. */
  file?: string;
  /** 1-based, when the build knows it. */
  line?: number;
  message: string;
}

export interface FailedEvent extends BuildFailure {
  changed: string[];
}

/** `file:line: message`, `file: message` or `message`: how the command line says it. */
export function describeFailure(failure: BuildFailure): string {
  if (failure.file === undefined) return failure.message;
  return `${failure.file}${failure.line === undefined ? "" : `:${failure.line}`}: ${failure.message}`;
}

declare module "vite/types/customEvent.d.ts" {
  interface CustomEventMap {
    [REBUILT]: RebuiltEvent;
    [FAILED]: FailedEvent;
    [HELLO]: undefined;
  }
}
