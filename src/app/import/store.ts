/**
 * Graphs built in the page, kept in the browser (IndexedDB) until the person removes them, so
 * that an imported graph opens by its address (`?graph=<id>`) like the bundled one, after a
 * reload or another day.
 *
 * Two object stores: `info` (what the list of graphs shows: small, read whole) and `graph` (the
 * text of each graph.json, read only to open or download one). The database is scoped by the
 * site's path, as tours are (tours/storage.ts): two sites on one origin keep their own graphs.
 *
 * The IndexedDB code is kept thin, a request → promise wrapper and four transactions; what can
 * be decided without a database (ids, what a record must hold, order, wording) is plain functions.
 */
import { slug } from "../../core/slug";

/** What the list of imported graphs shows, and what opening one needs to know first. */
export interface StoredGraphInfo {
  id: string;
  /** The file it was built from ("awesome-scalability.md"). */
  name: string;
  /** When it was built (ISO 8601). */
  date: string;
  /** Bytes of its graph.json text. */
  size: number;
  articles: number;
  concepts: number;
}

/** Where imported graphs are kept. */
export interface GraphShelf {
  /** Every graph kept, newest first; records that cannot be read are left out. */
  list(): Promise<StoredGraphInfo[]>;
  /** The graph.json text of one graph, or undefined when it is not (or no longer) kept. */
  read(id: string): Promise<string | undefined>;
  add(info: StoredGraphInfo, graph: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** An id as the address carries it: the file's slug and a base-36 time, nothing that needs escaping. */
const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,80}[a-z0-9])?$/;

export function isGraphId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * A new graph's id: readable in the address bar (`awesome-scalability-md-mik3x0a1`), unique
 * among `taken` (two imports of one file in the same millisecond get a counter).
 */
export function newGraphId(name: string, date: Date, taken: ReadonlySet<string> = new Set()): string {
  const stem = slug(name).slice(0, 60).replace(/-+$/, "") || "list";
  const base = `${stem}-${date.getTime().toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A built graph's record: `size` counts the UTF-8 bytes of its text, what storing it costs. */
export function storedInfo(
  id: string,
  name: string,
  graph: string,
  counts: { articles: number; concepts: number },
  date: Date,
): StoredGraphInfo {
  return { id, name, date: date.toISOString(), size: new TextEncoder().encode(graph).length, articles: counts.articles, concepts: counts.concepts };
}

/** A record read back from the database, if it has every field (another version may have written it). */
export function readInfo(value: unknown): StoredGraphInfo | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { id, name, date, size, articles, concepts } = record;
  const count = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;
  if (typeof id !== "string" || !isGraphId(id) || typeof name !== "string" || typeof date !== "string") return undefined;
  if (Number.isNaN(Date.parse(date)) || !count(size) || !count(articles) || !count(concepts)) return undefined;
  return { id, name, date, size, articles, concepts };
}

/** Newest first; ties (same instant) by name, then id, so the order is stable. */
export function newestFirst(infos: readonly StoredGraphInfo[]): StoredGraphInfo[] {
  return [...infos].sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** "919 articles, 1,204 concepts · 2.4 MB · 30 Nov 2026, 14:02" */
export function describeStored(info: StoredGraphInfo, locale?: string): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const when = new Date(info.date).toLocaleString(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  return `${plural(info.articles, "article", "articles")}, ${plural(info.concepts, "concept", "concepts")} · ${sizeInWords(info.size)} · ${when}`;
}

export function sizeInWords(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Why a shelf operation failed, in words for the page (quota, private mode, blocked storage). */
export function storageProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return "the browser has no room left for it (remove a graph you no longer need)";
  if (name === "InvalidStateError" || name === "SecurityError") return "this browser does not let the page keep data (private browsing or storage turned off)";
  return error instanceof Error && error.message ? error.message : "the browser's storage refused it";
}

// ---------------------------------------------------------------------------------------------
// IndexedDB

const INFO = "info";
const GRAPH = "graph";

/** The page's shelf: a database named for the folder the page is served from. */
export function browserGraphShelf(scope: string = new URL(".", document.baseURI).pathname): GraphShelf {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => (opened ??= openDatabase(`insight-graph:graphs:${scope}`));
  const run = async <T>(stores: string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => IDBRequest<T> | undefined) => {
    const transaction = (await database()).transaction(stores, mode);
    const request = work(transaction);
    const [result] = await Promise.all([request ? requested(request) : undefined, completed(transaction)]);
    return result;
  };
  return {
    async list() {
      const values = await run([INFO], "readonly", (t) => t.objectStore(INFO).getAll());
      return newestFirst((values ?? []).map(readInfo).filter((info) => info !== undefined));
    },
    async read(id) {
      const value = await run([GRAPH], "readonly", (t) => t.objectStore(GRAPH).get(id));
      return typeof value === "string" ? value : undefined;
    },
    async add(info, graph) {
      await run([INFO, GRAPH], "readwrite", (t) => {
        t.objectStore(GRAPH).put(graph, info.id);
        return t.objectStore(INFO).put(info);
      });
      // Best effort: ask that the browser not evict the graphs when space runs short.
      void navigator.storage?.persist?.().catch(() => undefined);
    },
    async remove(id) {
      await run([INFO, GRAPH], "readwrite", (t) => {
        t.objectStore(GRAPH).delete(id);
        return t.objectStore(INFO).delete(id);
      });
    },
  };
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(INFO, { keyPath: "id" });
    request.result.createObjectStore(GRAPH);
  };
  return requested(request);
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new DOMException("The transaction was aborted", "AbortError"));
  });
}
