/**
 * A tour as a link: the whole tour in the URL's fragment, compressed, read back as written; and
 * a fragment from anyone (cut short, not base64url, huge, a deflate bomb, not UTF-8) read as a
 * message, never a throw.
 */
import { describe, expect, it } from "vitest";
import type { Tour } from "../../../src/core/tours/types";
import { formatTourError } from "../../../src/core/tours";
import {
  fromBase64Url,
  readSharedTour,
  MAX_SHARED_BYTES,
  MAX_SHARED_CHARS,
  shareFragment,
  sharedText,
  toBase64Url,
  tourLink,
} from "../../../src/app/tours/share";
import { fixtureGraph } from "../fixtures/graph";

const TOUR: Tour = {
  id: "local:load-management",
  title: "Load management — from Uber to CoDel ✓",
  description: "How shedding, queues and Little's Law meet.",
  steps: [
    { show: { node: "entity:postgresql" }, note: "**Start here**: the queue _is_ the problem.\n\n- one\n- two" },
    { title: "Both at once", show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "any" }, view: "concepts", filters: { hide: ["type:person"], min: 2 } },
    { show: { path: { from: "entity:postgresql", to: "entity:kafka" } }, camera: { x: 0.4, y: 0.6, ratio: 0.25 } },
  ],
};

async function deflated(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A tour on the fixture graph's nodes (tests/app/fixtures/graph.ts). */
const ON_FIXTURE: Tour = {
  id: "local:postgres",
  title: "Postgres, briefly",
  steps: [
    { show: { node: "entity:postgresql" }, note: "Start *here*." },
    { title: "Both", show: { concepts: ["entity:postgresql", "entity:mvcc"] } },
  ],
};

describe("a tour as a link", () => {
  it("carries the tour's title, description and steps, and reads back to the same JSON", async () => {
    const fragment = await shareFragment(TOUR);
    expect(fragment).toMatch(/^tour=d\.[A-Za-z0-9_-]+$/);
    const read = await sharedText(`#${fragment}`);
    expect(read).toEqual({ text: expect.any(String) });
    const { text } = read as { text: string };
    expect(JSON.parse(text)).toEqual({ title: TOUR.title, description: TOUR.description, steps: TOUR.steps });
  });

  it("is shorter than the JSON it carries (compressed)", async () => {
    const fragment = await shareFragment(TOUR);
    expect(fragment.length).toBeLessThan(JSON.stringify(TOUR).length);
  });

  it("is the app's address with the fragment, its query let go", async () => {
    const link = await tourLink(TOUR, "https://example.org/insight-graph/?concept=entity:x#old");
    expect(link).toMatch(/^https:\/\/example\.org\/insight-graph\/#tour=d\.[A-Za-z0-9_-]+$/);
    expect(await sharedText(new URL(link).hash)).toEqual({ text: JSON.stringify({ title: TOUR.title, description: TOUR.description, steps: TOUR.steps }) });
  });

  it("is read uncompressed too (from a browser without CompressionStream)", async () => {
    const text = JSON.stringify({ title: "Plain", steps: [] });
    expect(await sharedText(`#tour=${toBase64Url(utf8(text))}`)).toEqual({ text });
  });

  it("is found among other fragment parameters", async () => {
    const text = '{"title":"T","steps":[]}';
    expect(await sharedText(`#x=1&tour=${toBase64Url(utf8(text))}&y=2`)).toEqual({ text });
  });

  it("is no tour at all when the fragment has no tour= (null, not an error)", async () => {
    expect(await sharedText("")).toBeNull();
    expect(await sharedText("#")).toBeNull();
    expect(await sharedText("#camera=1,2,3")).toBeNull();
    expect(await sharedText("#tours=abc")).toBeNull();
  });
});

describe("a fragment from anyone", () => {
  const isError = { error: expect.any(String) };

  it("that is not base64url is damaged", async () => {
    for (const hash of ["#tour=not base64!", "#tour=d.%%%", "#tour=abc+def/", "#tour=d.a", "#tour=<script>"]) {
      expect(await sharedText(hash), hash).toEqual({ error: expect.stringMatching(/damaged: not base64url/) });
    }
  });

  it("that was cut short or altered cannot be inflated", async () => {
    const fragment = await shareFragment(TOUR);
    const cut = fragment.slice(0, Math.floor(fragment.length / 2));
    expect(await sharedText(`#${cut}`)).toEqual(isError);
    expect(await sharedText(`#tour=d.${toBase64Url(utf8("this was never deflated"))}`)).toEqual(isError);
  });

  it("that is huge is refused before it is decoded", async () => {
    const result = await sharedText(`#tour=${"A".repeat(MAX_SHARED_CHARS + 4)}`);
    expect(result).toEqual({ error: expect.stringMatching(/too long/) });
  });

  it("that inflates beyond a tour's size (a deflate bomb) is refused without inflating it all", async () => {
    const bomb = await deflated(new Uint8Array(MAX_SHARED_BYTES * 20).fill(0x20));
    const payload = `d.${toBase64Url(bomb)}`;
    expect(payload.length).toBeLessThan(MAX_SHARED_CHARS);
    expect(await sharedText(`#tour=${payload}`)).toEqual({ error: expect.stringMatching(/too large/) });
  });

  it("that is not UTF-8 text is damaged", async () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0x74, 0xe9, 0x22, 0x7d]);
    expect(await sharedText(`#tour=${toBase64Url(latin1)}`)).toEqual({ error: expect.stringMatching(/not UTF-8/) });
  });

  it("that is text but not JSON is passed on as text, for the tour parser to say where", async () => {
    expect(await sharedText(`#tour=${toBase64Url(utf8("hello"))}`)).toEqual({ text: "hello" });
  });
});

describe("a tour read from a link", () => {
  const graph = fixtureGraph();

  it("is the tour that was shared, with an id made from its title", async () => {
    const read = await readSharedTour(`#${await shareFragment(ON_FIXTURE)}`, graph);
    expect(read).toEqual({ tour: { id: "shared:postgres-briefly", title: ON_FIXTURE.title, steps: ON_FIXTURE.steps } });
  });

  it("is null when the fragment carries none", async () => {
    expect(await readSharedTour("#camera=1,2,3", graph)).toBeNull();
  });

  it("names the link and what is wrong with it when it is damaged", async () => {
    const read = await readSharedTour("#tour=d.!!!", graph);
    expect(read && "errors" in read && read.errors.map(formatTourError)).toEqual(["the tour link: damaged: not base64url text (was the link cut short or changed?)"]);
  });

  it("says where its JSON breaks when the text is not JSON", async () => {
    const read = await readSharedTour(`#tour=${toBase64Url(utf8('{"title": "T",\n  "steps": [}'))}`, graph);
    const lines = read && "errors" in read ? read.errors.map(formatTourError) : [];
    expect(lines).toEqual([expect.stringMatching(/^the tour link:2:\d+: /)]);
  });

  it("names the step and the node when the tour names a node this graph lacks", async () => {
    const elsewhere: Tour = { ...ON_FIXTURE, steps: [...ON_FIXTURE.steps, { show: { node: "entity:not-here" } }] };
    const read = await readSharedTour(`#${await shareFragment(elsewhere)}`, graph);
    const lines = read && "errors" in read ? read.errors.map(formatTourError) : [];
    expect(lines).toEqual(['the tour link: step 3: show.node: no node "entity:not-here" in this graph']);
  });

  it("is refused when it is not a tour (the schema)", async () => {
    const read = await readSharedTour(`#tour=${toBase64Url(utf8(JSON.stringify({ title: "T", steps: [{ show: {} }], extra: 1 })))}`, graph);
    expect(read).toEqual({ errors: expect.arrayContaining([expect.objectContaining({ file: "the tour link" })]) });
  });
});

describe("base64url", () => {
  it("round-trips any bytes, without padding or +/ characters", () => {
    for (let length = 0; length < 40; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 97 + length * 31) % 256);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it("round-trips more bytes than a function call takes arguments", () => {
    const bytes = new Uint8Array(3 * 0x8000 + 5).map((_, i) => i % 251);
    const back = fromBase64Url(toBase64Url(bytes));
    // Compared as buffers: an element-by-element deep equality of 100 kB takes seconds.
    expect(back && Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses text outside its alphabet and impossible lengths", () => {
    expect(fromBase64Url("ab+c")).toBeUndefined();
    expect(fromBase64Url("abcde")).toBeUndefined();
    expect(fromBase64Url("a=b")).toBeUndefined();
  });
});
