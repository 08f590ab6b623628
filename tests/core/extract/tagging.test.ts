import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { tag } from "../../../src/core/extract/tagging";

/** What extraction reads of each term (tokens.ts): text, whitespace after, tags, position, offset. */
function read(doc: ReturnType<typeof nlp>) {
  doc.compute("offset");
  return (doc.termList() as unknown as Array<{ text: string; post: string; tags: Set<string>; index: unknown; offset: unknown }>).map((t) => ({
    text: t.text,
    post: t.post,
    tags: [...t.tags].sort(),
    index: t.index,
    offset: t.offset,
  }));
}

const TEXTS = [
  "We didn't shard the orders table; Postgres couldn't keep up, so we moved to Vitess.",
  "Marc Brooker explains why tail latency matters at Amazon, and how hedging helps.",
  "The LSM-tree's compaction writes ~30% more, but it's worth it (RocksDB, Cassandra).",
  "Key insights: I/O is slow -- the kernel's page cache isn't.",
];

describe("tagging without the chunker", () => {
  it("gives every term the text, tags and offsets nlp(text) gives it", () => {
    for (const text of TEXTS) expect(read(tag(text))).toEqual(read(nlp(text)));
  });

  it("leaves out the chunker's phrases, which extraction never reads", () => {
    const text = "The quick brown fox jumped over the lazy dog.";
    const chunks = (doc: ReturnType<typeof nlp>) => (doc.termList() as unknown as Array<{ chunk?: string }>).map((t) => t.chunk);
    expect(chunks(nlp(text)).every((chunk) => chunk !== undefined)).toBe(true);
    // The post-tagger marks a few terms itself ("jumped" a verb phrase); the chunker fills in the rest.
    expect(chunks(tag(text)).filter((chunk) => chunk === undefined).length).toBeGreaterThan(chunks(tag(text)).length / 2);
  });

  it("leaves compromise's hooks as they were for everyone else", () => {
    const before = [...nlp.hooks()];
    tag("Kafka and Flink, at Uber.");
    expect(nlp.hooks()).toEqual(before);
    expect(before).toContain("chunks");
  });
});
