/**
 * The presenter's stopwatch, as data: when it started and, while paused, when it was paused.
 * Times are wall-clock milliseconds (Date.now), so a stopwatch kept in sessionStorage goes on
 * counting across a reload of the presenter view. Pure: the caller passes `now`.
 */
export interface Stopwatch {
  /** When it started, moved later by every pause, so that elapsed time leaves pauses out. */
  readonly startedAt: number;
  /** When it was paused; null while it runs. */
  readonly pausedAt: number | null;
}

export function startStopwatch(now: number): Stopwatch {
  return { startedAt: now, pausedAt: null };
}

export function elapsed(watch: Stopwatch, now: number): number {
  return Math.max(0, (watch.pausedAt ?? now) - watch.startedAt);
}

export function pause(watch: Stopwatch, now: number): Stopwatch {
  return watch.pausedAt === null ? { ...watch, pausedAt: now } : watch;
}

export function resume(watch: Stopwatch, now: number): Stopwatch {
  return watch.pausedAt === null ? watch : { startedAt: watch.startedAt + (now - watch.pausedAt), pausedAt: null };
}

/** Back to zero, running or paused as it was. */
export function reset(watch: Stopwatch, now: number): Stopwatch {
  return { startedAt: now, pausedAt: watch.pausedAt === null ? null : now };
}

/** "0:07", "12:05", "1:02:05": minutes and seconds, hours only once there are some. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** A stopwatch read back from storage, or undefined when the text is not one (damaged, or from another version). */
export function readStopwatch(text: string | null): Stopwatch | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { startedAt, pausedAt } = value ?? {};
    if (typeof startedAt !== "number" || !Number.isFinite(startedAt)) return undefined;
    if (pausedAt !== null && (typeof pausedAt !== "number" || !Number.isFinite(pausedAt) || pausedAt < startedAt)) return undefined;
    return { startedAt, pausedAt };
  } catch {
    return undefined;
  }
}
