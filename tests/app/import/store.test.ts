/**
 * The logic around the browser's store of imported graphs (the IndexedDB calls themselves are a
 * thin wrapper, exercised in the browser by tests/e2e/import.test.ts): ids an address can carry,
 * records checked when read back, the newest first, sizes and dates in words, storage failures
 * in words.
 */
import { describe, expect, it } from "vitest";
import {
  describeStored,
  isGraphId,
  newestFirst,
  newGraphId,
  readInfo,
  sizeInWords,
  storageProblem,
  storedInfo,
  type StoredGraphInfo,
} from "../../../src/app/import/store";

const NOW = new Date("2026-11-30T14:02:00Z");

const info = (overrides: Partial<StoredGraphInfo> = {}): StoredGraphInfo => ({
  id: "list-md-1",
  name: "list.md",
  date: NOW.toISOString(),
  size: 2_400_000,
  articles: 919,
  concepts: 1204,
  ...overrides,
});

describe("newGraphId", () => {
  it("is readable in the address bar: the file's slug and the time", () => {
    const id = newGraphId("Awesome Scalability.md", NOW);
    expect(id).toBe(`awesome-scalability-md-${NOW.getTime().toString(36)}`);
    expect(isGraphId(id)).toBe(true);
  });

  it("is never taken twice", () => {
    const first = newGraphId("list.md", NOW);
    const second = newGraphId("list.md", NOW, new Set([first]));
    const third = newGraphId("list.md", NOW, new Set([first, second]));
    expect(new Set([first, second, third]).size).toBe(3);
    expect([second, third].every(isGraphId)).toBe(true);
  });

  it("stays a valid id for names with nothing to slug, or very long ones", () => {
    expect(isGraphId(newGraphId("日本語.md", NOW))).toBe(true);
    expect(isGraphId(newGraphId("!!!", NOW))).toBe(true);
    expect(isGraphId(newGraphId(`${"a very long name ".repeat(20)}.md`, NOW))).toBe(true);
  });
});

describe("isGraphId", () => {
  it.each(["", "-x", "x-", "UPPER", "a/b", "a b", "a%20b", "../graph", "x".repeat(83)])("refuses %j", (value) => {
    expect(isGraphId(value)).toBe(false);
  });
});

describe("storedInfo", () => {
  it("records the file, the build's date and counts, and the size of the text in UTF-8 bytes", () => {
    expect(storedInfo("x-1", "café.md", '{"é":1}', { articles: 2, concepts: 3 }, NOW)).toEqual({
      id: "x-1",
      name: "café.md",
      date: "2026-11-30T14:02:00.000Z",
      size: 8,
      articles: 2,
      concepts: 3,
    });
  });
});

describe("readInfo", () => {
  it("reads back what was stored", () => {
    expect(readInfo(info())).toEqual(info());
  });

  it("keeps only the fields it knows (the text is kept apart)", () => {
    expect(readInfo({ ...info(), graph: "{…}" })).toEqual(info());
  });

  it.each([
    ["not an object", "list.md"],
    ["null", null],
    ["an id an address cannot carry", { ...info(), id: "../x" }],
    ["no name", { ...info(), name: undefined }],
    ["a date that is not one", { ...info(), date: "yesterday" }],
    ["a negative size", { ...info(), size: -1 }],
    ["a fractional count", { ...info(), articles: 1.5 }],
  ])("leaves out a record with %s", (_what, value) => {
    expect(readInfo(value)).toBeUndefined();
  });
});

describe("newestFirst", () => {
  it("puts the newest first, and orders graphs built at the same instant by name", () => {
    const older = info({ id: "a-1", name: "b.md", date: "2026-11-01T00:00:00Z" });
    const newer = info({ id: "a-2", name: "z.md", date: "2026-11-30T00:00:00Z" });
    const sameInstant = info({ id: "a-3", name: "a.md", date: "2026-11-30T00:00:00Z" });
    expect(newestFirst([older, newer, sameInstant]).map((i) => i.id)).toEqual(["a-3", "a-2", "a-1"]);
  });
});

describe("describeStored", () => {
  it("says how big the graph is and when it was built", () => {
    const words = describeStored(info(), "en-GB");
    expect(words).toMatch(/^919 articles, 1,204 concepts · 2\.4 MB · 30 Nov 2026/);
  });

  it("says one article, one concept", () => {
    expect(describeStored(info({ articles: 1, concepts: 1 }), "en-GB")).toMatch(/^1 article, 1 concept ·/);
  });
});

describe("sizeInWords", () => {
  it.each([
    [512, "512 B"],
    [12_300, "12 kB"],
    [2_450_000, "2.5 MB"],
  ])("%d bytes: %s", (bytes, words) => {
    expect(sizeInWords(bytes)).toBe(words);
  });
});

describe("storageProblem", () => {
  it("says what a full or refused store means for the person", () => {
    expect(storageProblem(new DOMException("quota", "QuotaExceededError"))).toMatch(/no room left/);
    expect(storageProblem(new DOMException("blocked", "SecurityError"))).toMatch(/does not let the page keep data/);
    expect(storageProblem(new Error("disk on fire"))).toBe("disk on fire");
    expect(storageProblem("?")).toBe("the browser's storage refused it");
  });
});
