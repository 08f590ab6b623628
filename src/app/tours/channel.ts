/**
 * The messages the presenting window and its presenter view exchange over a BroadcastChannel
 * (same browser, same origin, no server). Either window may drive: each announces the step it
 * shows, and the other follows. Messages are data from another window: check them before use.
 * `step` is the index of the step in the tour, from 0 (the URL shows it from 1).
 */
export const TOUR_CHANNEL = "insight-graph-tour";

export type TourMessage =
  /** "I show this step of this tour now" (sent on every step change, and in answer to `hello`). */
  | { type: "step"; tourId: string; step: number }
  /** "Show this step" (the presenter view's buttons and keys). */
  | { type: "go"; tourId: string; step: number }
  /** A window that just opened asks where the other one is. */
  | { type: "hello" }
  /** Presenting ended in the main window. */
  | { type: "end" };

export function isTourMessage(value: unknown): value is TourMessage {
  if (typeof value !== "object" || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case "hello":
    case "end":
      return true;
    case "step":
    case "go":
      return typeof message.tourId === "string" && Number.isInteger(message.step) && (message.step as number) >= 0;
    default:
      return false;
  }
}
