import { describe, expect, it } from "vitest";
import { nameKey, pieces, scoreKey, singularKeys } from "../../../src/core/extract/keys";

describe("name keys", () => {
  it("make hyphen, space and case variants one key", () => {
    expect(nameKey("LSM-tree")).toBe(nameKey("LSM tree"));
    expect(nameKey("lsm tree")).toBe("lsmtree");
    expect(nameKey("Write-Ahead Logging")).toBe(nameKey("write ahead logging"));
  });

  it("drop possessives on every word, as text and lexicon are reduced alike", () => {
    expect(nameKey("Little's Law")).toBe(nameKey("Little’s Law"));
    expect(nameKey("Uber's")).toBe("uber");
  });

  it("keep the symbols that distinguish names", () => {
    expect(nameKey("C++")).toBe("c++");
    expect(nameKey("C#")).toBe("c#");
    expect(nameKey("B+ tree")).not.toBe(nameKey("B-tree"));
  });

  it("cut slashes, dots and plus signs between words", () => {
    expect(pieces("Kafka/Kinesis").map((p) => p.text)).toEqual(["Kafka", "Kinesis"]);
    expect(pieces("Node.js").map((p) => p.text)).toEqual(["Node", "js"]);
    expect(pieces("cron+ClickLoad").map((p) => p.text)).toEqual(["cron", "ClickLoad"]);
    expect(pieces("io_uring")).toEqual([{ text: "io_uring", start: 0, end: 8 }]);
  });

  it("offer singular candidates for a plural last word", () => {
    expect(singularKeys("bloomfilters")).toContain("bloomfilter");
    expect(singularKeys("proxies")).toContain("proxy");
    expect(singularKeys("class")).toEqual([]);
  });

  it("reproduce the gold scorer's normalisation", () => {
    expect(scoreKey("io_uring")).toBe("iouring");
    expect(scoreKey("Little's Law")).toBe("littleslaw");
    expect(scoreKey("C++")).toBe("c++");
    expect(scoreKey("Uber's")).toBe("uber");
  });
});
