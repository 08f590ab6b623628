/**
 * A tour as a link: the whole tour travels in the URL's fragment, so the link works on any copy
 * of the site with no server keeping anything, and the fragment never reaches a server log.
 *
 *   #tour=d.<base64url>   the tour's JSON as UTF-8, compressed with deflate-raw (CompressionStream)
 *   #tour=<base64url>     the same JSON uncompressed, where the browser has no CompressionStream
 *
 * "." is not a base64url character, so the mark cannot be mistaken for the start of a payload.
 * A fragment is data from anyone: reading one checks its length, its alphabet, the size it
 * inflates to and its text before the tour parser sees it, and every failure is a message.
 */
import { parseTour, tourGraphOf, type TourError } from "../../core/tours";
import type { Tour, TourFile } from "../../core/tours/types";
import type { AppGraph } from "../data/graph";
import { tourSlug } from "./storage";

/** The fragment's parameter that carries a tour. */
export const SHARE_PARAM = "tour";

const DEFLATED = "d.";

/**
 * The longest payload read. Chromium keeps URLs up to 2 MB, but chat apps and mail clients cut
 * links far shorter; a real tour compresses to a few kilobytes.
 */
export const MAX_SHARED_CHARS = 200_000;

/** The most a payload may inflate to: a tour is kilobytes, and a small fragment can inflate to gigabytes. */
export const MAX_SHARED_BYTES = 1_000_000;

/** How messages name a tour read from a link ("the tour link: step 2: show.node: …"). */
export const SHARED_FILE = "the tour link";

/** The id of a tour opened from a link starts with this; it is kept in the link, not in the browser. */
export const SHARED_TOUR_PREFIX = "shared:";

/**
 * The tour a fragment carries, checked as an imported file is (its JSON, the schema, this
 * graph): the tour, what is wrong with it, or null when the fragment carries no tour. Its id is
 * "shared:" and its title's slug, the same from every copy of the link, so a reload (the
 * address keeps the fragment) and a presenter view opened with the same fragment find it.
 * Never throws.
 */
export async function readSharedTour(hash: string, graph: AppGraph): Promise<{ tour: Tour } | { errors: TourError[] } | null> {
  const read = await sharedText(hash);
  if (read === null) return null;
  if ("error" in read) return { errors: [{ file: SHARED_FILE, message: read.error }] };
  const parsed = parseTour(read.text, SHARED_FILE, tourGraphOf(graph));
  if (parsed.errors) return { errors: parsed.errors };
  return { tour: { ...parsed.tour, id: `${SHARED_TOUR_PREFIX}${tourSlug(parsed.tour.title)}` } };
}

/** What a link carries: the tour as a file would hold it, without the app's id. */
export function sharedFile(tour: Tour | TourFile): TourFile {
  return {
    title: tour.title,
    ...(tour.description ? { description: tour.description } : {}),
    steps: tour.steps,
  };
}

/** The fragment's parameter for `tour` ("tour=d.…"), compressed where the browser can. */
export async function shareFragment(tour: Tour | TourFile): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(sharedFile(tour)));
  if (typeof CompressionStream === "undefined") return `${SHARE_PARAM}=${toBase64Url(bytes)}`;
  const deflated = await pipe(bytes, new CompressionStream("deflate-raw"), Infinity);
  return `${SHARE_PARAM}=${DEFLATED}${toBase64Url(deflated)}`;
}

/** The link to `page` (the app's address) that opens `tour`: its search and fragment replaced. */
export async function tourLink(tour: Tour | TourFile, page: string | URL): Promise<string> {
  const url = new URL(page);
  url.search = "";
  url.hash = await shareFragment(tour);
  return url.href;
}

/**
 * The tour's text in a fragment ("#tour=…" or "tour=…"), a reason it cannot be read (worded to
 * follow "the tour link: "), or null when the fragment carries no tour. Never throws.
 */
export async function sharedText(hash: string): Promise<{ text: string } | { error: string } | null> {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const payload = fragmentParam(fragment);
  if (payload === null) return null;
  if (payload.length > MAX_SHARED_CHARS) {
    return { error: `too long to read (${payload.length.toLocaleString("en")} characters; at most ${MAX_SHARED_CHARS.toLocaleString("en")})` };
  }
  const deflated = payload.startsWith(DEFLATED);
  const bytes = fromBase64Url(deflated ? payload.slice(DEFLATED.length) : payload);
  if (!bytes) return { error: "damaged: not base64url text (was the link cut short or changed?)" };

  let raw = bytes;
  if (deflated) {
    if (typeof DecompressionStream === "undefined") return { error: "this browser cannot open compressed tour links (it has no DecompressionStream)" };
    try {
      raw = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_SHARED_BYTES);
    } catch (error) {
      return {
        error:
          error instanceof TooLarge
            ? `too large to read (it inflates to more than ${MAX_SHARED_BYTES.toLocaleString("en")} bytes)`
            : "damaged: its compressed data cannot be read (was the link cut short or changed?)",
      };
    }
  } else if (raw.length > MAX_SHARED_BYTES) {
    return { error: `too large to read (more than ${MAX_SHARED_BYTES.toLocaleString("en")} bytes)` };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(raw) };
  } catch {
    return { error: "damaged: not UTF-8 text" };
  }
}

/**
 * The value of `tour=` in a fragment, or null. Read by hand rather than with URLSearchParams,
 * which would turn a "+" into a space and accept any percent-escape: a payload is base64url, so
 * it is taken as written and checked character by character after.
 */
function fragmentParam(fragment: string): string | null {
  for (const part of fragment.split("&")) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

class TooLarge extends Error {}

/** Runs `bytes` through a compression stream; more than `limit` bytes out cancels it (TooLarge). */
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // The write and close settle only as the readable side is drained: awaited after reading, so
  // a damaged input rejects here once, not twice (an unobserved rejection would be reported).
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // String.fromCharCode takes its bytes as arguments: a chunk at a time stays under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of base64url text (padding optional), or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  const bare = text.replace(/=+$/, "");
  if (bare.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(bare.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (bare.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
