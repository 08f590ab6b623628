/**
 * Tours made in the browser, kept in its local storage until they are exported or removed.
 *
 * Each tour is its own entry, so a damaged entry (edited by hand, written by another version of
 * the app) loses that tour alone. Entries are scoped by the site's path: two Insight Graph sites
 * on one origin (`user.github.io/reading/` and `user.github.io/papers/`) share a localStorage,
 * and each keeps its own tours. Nothing here throws: storage that is full, switched off or
 * damaged is reported in words the page can show, and the tours that could be read are kept.
 */
import { slug } from "../../core/slug";
import type { Tour } from "../../core/tours/types";

/** The id of every tour made in the browser starts with this. */
export const LOCAL_TOUR_PREFIX = "local:";

const KEY_PREFIX = "insight-graph:tour:";

/** Where tours are kept: a Storage (none when the browser refuses one) and the site's scope in it. */
export interface TourShelf {
  storage: Storage | null;
  /** The site's path ("/insight-graph/"): keys carry it, so sites sharing an origin keep apart. */
  scope: string;
}

/** What became of a write: done, or why not, in words for the page. */
export type StorageResult = { ok: true } | { ok: false; message: string };

export interface LocalTours {
  /** The tours that could be read, by title. */
  tours: Tour[];
  /** One sentence per entry that could not be read (or for storage that cannot be read at all). */
  problems: string[];
}

/**
 * The page's own shelf: `localStorage` under the folder the page is served from (index.html and
 * presenter.html share it). Reading `window.localStorage` itself throws where the browser
 * blocks storage (cookies off, some private modes): then there is no storage, and writes say so.
 */
export function browserShelf(): TourShelf {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return { storage, scope: new URL(".", document.baseURI).pathname };
}

function keyOf(id: string, shelf: TourShelf): string {
  return `${KEY_PREFIX}${shelf.scope}#${id}`;
}

/** The tours kept on `shelf`, and a sentence for each entry that could not be read. */
export function readLocalTours(shelf: TourShelf = browserShelf()): LocalTours {
  const { storage } = shelf;
  if (!storage) return { tours: [], problems: [] };
  const prefix = keyOf("", shelf);
  const tours: Tour[] = [];
  const problems: string[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) {
      const id = key.slice(prefix.length);
      const tour = readEntry(storage.getItem(key), id);
      if (tour) tours.push(tour);
      else problems.push(`A tour kept in this browser (${shortId(id)}) could not be read and is left out.`);
    }
  } catch {
    problems.push("The tours kept in this browser could not be read.");
  }
  tours.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return { tours, problems };
}

/** The tours kept on `shelf`; entries that cannot be read are left out (see `readLocalTours` for why). */
export function loadLocalTours(shelf: TourShelf = browserShelf()): Tour[] {
  return readLocalTours(shelf).tours;
}

/** Keeps `tour` (its id must start with "local:"), replacing the one kept under that id. */
export function saveLocalTour(tour: Tour, shelf: TourShelf = browserShelf()): StorageResult {
  if (!isLocalTourId(tour.id)) return { ok: false, message: `Only tours made in this browser are kept here, not "${shortId(tour.id)}".` };
  if (!shelf.storage) return { ok: false, message: NO_STORAGE };
  try {
    shelf.storage.setItem(keyOf(tour.id, shelf), JSON.stringify(tour));
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: isQuotaError(error)
        ? `This browser's storage for the page is full, so "${tour.title}" was not kept. Export it as a file, or remove a tour you no longer need.`
        : `This browser would not keep "${tour.title}". Export it as a file to keep it.`,
    };
  }
}

/** Forgets the tour kept under `id`; removing one that is not there is not an error. */
export function removeLocalTour(id: string, shelf: TourShelf = browserShelf()): StorageResult {
  if (!shelf.storage) return { ok: false, message: NO_STORAGE };
  try {
    shelf.storage.removeItem(keyOf(id, shelf));
    return { ok: true };
  } catch {
    return { ok: false, message: "This browser would not remove the tour." };
  }
}

const NO_STORAGE = "This browser does not let the page keep tours (its storage is switched off). Export the tour as a file to keep it.";

export function isLocalTourId(id: string): boolean {
  return id.startsWith(LOCAL_TOUR_PREFIX) && id.length > LOCAL_TOUR_PREFIX.length;
}

/**
 * A new local id for a tour titled `title`: "local:" and the title's slug, with "-2", "-3"… when
 * a tour in `taken` has it already. A title with nothing to slug ("???") becomes "tour".
 */
export function localTourId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `${LOCAL_TOUR_PREFIX}${tourSlug(title)}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * A tour's title as an id or a file name: the graph's slug (see core/slug), cut to 60 characters
 * so ids and file names stay readable, and "tour" for a title with nothing to slug ("???").
 */
export function tourSlug(title: string): string {
  return slug(title).slice(0, 60).replace(/-+$/, "") || "tour";
}

/**
 * An entry as a tour, or undefined when it is not one. The check is of shape only (what the
 * editor and the step list rely on): whether its nodes exist is the graph's question, asked
 * when the tour is played or exported.
 */
function readEntry(text: string | null, id: string): Tour | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.id !== id || !isLocalTourId(id) || typeof value.title !== "string") return undefined;
  if (value.description !== undefined && typeof value.description !== "string") return undefined;
  if (!Array.isArray(value.steps) || !value.steps.every(isStepShape)) return undefined;
  return value as unknown as Tour;
}

function isStepShape(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.show)) return false;
  if (value.title !== undefined && typeof value.title !== "string") return false;
  if (value.note !== undefined && typeof value.note !== "string") return false;
  const show = value.show;
  if ("node" in show) return typeof show.node === "string";
  if ("concepts" in show) return Array.isArray(show.concepts) && show.concepts.every((c) => typeof c === "string");
  if ("path" in show) return isRecord(show.path) && typeof show.path.from === "string" && typeof show.path.to === "string";
  if ("regionOf" in show) return typeof show.regionOf === "string";
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Browsers name a full storage differently: "QuotaExceededError" (the standard, code 22) and
 * Firefox's older "NS_ERROR_DOM_QUOTA_REACHED" (code 1014).
 */
function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !isRecord(error)) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

/** An id as a message may show it: entries can be written by anyone, at any length. */
function shortId(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}
