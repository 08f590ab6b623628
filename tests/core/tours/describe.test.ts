import { describe, expect, it } from "vitest";
import { describeStep } from "../../../src/core/tours/describe";

const LABELS: Record<string, string> = {
  "entity:postgresql": "PostgreSQL",
  "entity:mvcc": "MVCC",
  "entity:write-ahead-logging": "Write-ahead logging",
  "entity:codel": "CoDel",
  "article:ubers-load-shedding": "Uber's load shedding",
};
const labelOf = (key: string) => LABELS[key];

describe("describeStep", () => {
  it("uses the step's own title when it has one", () => {
    expect(describeStep({ title: "Where it starts", show: { node: "entity:postgresql" } }, labelOf)).toBe("Where it starts");
  });

  it("ignores a title of blanks", () => {
    expect(describeStep({ title: "  ", show: { node: "entity:postgresql" } }, labelOf)).toBe("PostgreSQL");
  });

  it("names a node by its label", () => {
    expect(describeStep({ show: { node: "article:ubers-load-shedding" } }, labelOf)).toBe("Uber's load shedding");
  });

  it("joins concepts with 'and' when articles must name all of them, 'or' when any", () => {
    expect(describeStep({ show: { concepts: ["entity:postgresql", "entity:mvcc"] } }, labelOf)).toBe("PostgreSQL and MVCC");
    expect(describeStep({ show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "all" } }, labelOf)).toBe("PostgreSQL and MVCC");
    expect(describeStep({ show: { concepts: ["entity:postgresql", "entity:mvcc"], match: "any" } }, labelOf)).toBe("PostgreSQL or MVCC");
  });

  it("lists three concepts with commas and one conjunction", () => {
    const show = { concepts: ["entity:postgresql", "entity:mvcc", "entity:write-ahead-logging"], match: "any" as const };
    expect(describeStep({ show }, labelOf)).toBe("PostgreSQL, MVCC or Write-ahead logging");
  });

  it("names one concept alone", () => {
    expect(describeStep({ show: { concepts: ["entity:mvcc"] } }, labelOf)).toBe("MVCC");
  });

  it("names a path by its ends", () => {
    const show = { path: { from: "article:ubers-load-shedding", to: "entity:codel" } };
    expect(describeStep({ show }, labelOf)).toBe("From Uber's load shedding to CoDel");
  });

  it("names a region by the node that stands for it", () => {
    expect(describeStep({ show: { regionOf: "entity:postgresql" } }, labelOf)).toBe("The region of PostgreSQL");
  });

  it("names a node it has no label for by its key without the kind", () => {
    expect(describeStep({ show: { node: "entity:little-s-law" } }, labelOf)).toBe("little-s-law");
    expect(describeStep({ show: { path: { from: "entity:foo", to: "entity:codel" } } }, labelOf)).toBe("From foo to CoDel");
    expect(describeStep({ show: { node: "plain" } }, () => undefined)).toBe("plain");
    expect(describeStep({ show: { node: "odd:" } }, () => undefined)).toBe("odd:");
  });

  it("takes a blank label as no label", () => {
    expect(describeStep({ show: { node: "entity:mvcc" } }, () => " ")).toBe("mvcc");
  });
});
