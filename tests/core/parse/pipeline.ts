/**
 * The whole pure pipeline that a build runs on one document, for the fuzz and crafted-input
 * tests: parse → extract → graph → layout. A run ends in a graph or in an `InputError`; anything
 * else thrown is a bug and propagates.
 */
import { expect } from "vitest";
import { loadLexicon } from "../../../scripts/lib/lexicon";
import { createExtractor, type Extractor } from "../../../src/core/extract";
import { buildGraph, type InsightGraph } from "../../../src/core/graph/build";
import { assignLayout } from "../../../src/core/graph/layout";
import { parseDocument } from "../../../src/core/parse";
import { InputError, type InputFormat } from "../../../src/core/types";

export type Outcome = ({ graph: InsightGraph; error?: never } | { error: InputError; graph?: never }) & {
  /** Time spent parsing, and in the whole run. */
  parseMilliseconds: number;
  milliseconds: number;
};

export type Pipeline = (text: string, format: InputFormat) => Outcome;

/** Building the extractor takes seconds: one per test file. */
export async function pipeline(): Promise<Pipeline> {
  const extractor: Extractor = createExtractor(await loadLexicon());
  return (text, format) => run(extractor, text, format);
}

function run(extractor: Extractor, text: string, format: InputFormat): Outcome {
  const started = performance.now();
  let doc;
  try {
    doc = parseDocument(text, format);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const milliseconds = performance.now() - started;
    return { error, parseMilliseconds: milliseconds, milliseconds };
  }
  const parseMilliseconds = performance.now() - started;
  const graph = buildGraph(doc, extractor.extract(doc.entries), { name: `input.${format}` });
  // The layout's quality is not under test here, its termination on odd graphs is: few iterations.
  assignLayout(graph, { iterations: 5 });
  graph.forEachNode((node, { x, y }) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`node ${node} has no finite position`);
  });
  return { graph, parseMilliseconds, milliseconds: performance.now() - started };
}

/**
 * Time bounds linear in the input's length, in milliseconds. The constants are generous (a
 * shared, busy 2-core machine runs the suite), yet a quadratic step misses them by far at the
 * sizes the tests use. Parsing is held to a tight bound; the whole run, whose extraction reads
 * every word with compromise, to a looser one.
 */
export const PARSE_BOUND = { fixed: 500, perCharacter: 0.005 };
export const RUN_BOUND = { fixed: 2_000, perCharacter: 0.1 };

/** Asserts that `outcome` kept within both bounds for an input of `length` characters. */
export function expectLinearTime(outcome: Outcome, length: number, what: string): void {
  const bound = (b: typeof PARSE_BOUND) => b.fixed + b.perCharacter * length;
  const ms = (value: number) => `${Math.round(value)} ms`;
  expect(outcome.parseMilliseconds, `${what}: parsing ${length} characters took ${ms(outcome.parseMilliseconds)}`).toBeLessThanOrEqual(bound(PARSE_BOUND));
  expect(outcome.milliseconds, `${what}: the run on ${length} characters took ${ms(outcome.milliseconds)}`).toBeLessThanOrEqual(bound(RUN_BOUND));
}
