import { describe, expect, it } from "vitest";
import { score, type GoldArticle } from "../../../src/core/extract/score";

const gold: GoldArticle[] = [
  {
    title: "A",
    entities: [
      { name: "PostgreSQL", type: "technology", aliases: ["Postgres"], required: true },
      { name: "Little's Law", type: "technique", aliases: [], required: true },
      { name: "replication", type: "technique", aliases: [], required: false },
    ],
  },
  { title: "B", entities: [{ name: "PostgreSQL", type: "technology", aliases: [], required: true }] },
];

describe("gold scoring", () => {
  it("matches any normalised name of either side and micro-averages over articles", () => {
    const { scores } = score(gold, [
      { title: "A", entities: [{ name: "Postgres", type: "technology", aliases: [] }, { name: "littles law", type: "technique", aliases: [] }] },
      { title: "B", entities: [{ name: "Kafka", type: "technology", aliases: [] }] },
    ]);
    expect(scores.counts).toMatchObject({ extracted: 3, correct: 2, required: 3, found: 2 });
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.recall).toBeCloseTo(2 / 3);
  });

  it("counts optional gold entities as correct but never as required", () => {
    const { scores } = score(gold.slice(0, 1), [{ title: "A", entities: [{ name: "replication", type: "technique", aliases: [] }] }]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0);
  });

  it("counts the second entity matching one gold entity as a duplicate and wrong", () => {
    const { scores, outcomes } = score(gold.slice(0, 1), [
      {
        title: "A",
        entities: [
          { name: "PostgreSQL", type: "technology", aliases: [] },
          { name: "Postgres", type: "technology", aliases: [] },
        ],
      },
    ]);
    expect(scores.duplicates).toBe(1);
    expect(scores.precision).toBe(0.5);
    expect(outcomes.some((o) => o.kind === "duplicate")).toBe(true);
  });

  it("requires the gold type for typed scores", () => {
    const { scores } = score(gold.slice(1), [{ title: "B", entities: [{ name: "PostgreSQL", type: "organization", aliases: [] }] }]);
    expect(scores.f1).toBe(1);
    expect(scores.typedF1).toBe(0);
  });

  it("computes concept recall over required entities found in two or more articles", () => {
    const { scores } = score(gold, [
      { title: "A", entities: [{ name: "PostgreSQL", type: "technology", aliases: [] }] },
      { title: "B", entities: [] },
    ]);
    expect(scores.conceptRecall).toBe(0.5);
  });

  it("scores an article missing from the predictions as empty", () => {
    const { scores } = score(gold, []);
    expect(scores.counts.found).toBe(0);
    expect(scores.counts.required).toBe(3);
  });
});
