/**
 * Which step a key asks for, the same keys as presenting in the main window: → / Space /
 * PageDown next (a presentation clicker sends PageDown), ← / PageUp previous, Home / End the
 * first and last. Pure.
 */
export type Move = "next" | "previous" | "first" | "last";

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const MOVES: Record<string, Move> = {
  ArrowRight: "next",
  PageDown: "next",
  " ": "next",
  ArrowLeft: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
};

/**
 * The move `press` asks for, or undefined. Keys with Alt, Ctrl or Meta belong to the browser
 * (Alt+← is Back). Where the key has a meaning of its own (Space presses a focused button, keys
 * edit a text field), `target` says so and the key is left to it.
 */
export function moveFor(press: KeyPress, target: "button" | "text" | "other" = "other"): Move | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey) return undefined;
  if (target === "text") return undefined;
  if (target === "button" && press.key === " ") return undefined;
  return MOVES[press.key];
}

/** The index `move` leads to from `current` in a tour of `count` steps, held within the tour. */
export function stepAfter(move: Move, current: number, count: number): number {
  if (count <= 0) return 0;
  const last = count - 1;
  switch (move) {
    case "next":
      return Math.min(current + 1, last);
    case "previous":
      return Math.max(current - 1, 0);
    case "first":
      return 0;
    case "last":
      return last;
  }
}
