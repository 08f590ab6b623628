/**
 * Scoring against gold annotations, exactly as ../shared/gold/README.md defines it: per
 * article, micro-averaged; names compared after the scorer's normalisation; an extracted entity
 * matches a gold entity when any of its names equals any of the gold entity's names.
 */
import type { EntityType } from "../types";
import { scoreKey } from "./keys";

export interface GoldEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  required: boolean;
}

export interface GoldArticle {
  title: string;
  entities: GoldEntity[];
}

/** What an extractor produced for one article. */
export interface PredictedEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}

export interface PredictedArticle {
  title: string;
  entities: PredictedEntity[];
}

export interface Counts {
  extracted: number;
  correct: number;
  correctTyped: number;
  required: number;
  found: number;
  foundTyped: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  typedPrecision: number;
  typedRecall: number;
  typedF1: number;
  conceptRecall: number;
  /** Extracted entities that matched a gold entity another extracted entity had matched. */
  duplicates: number;
  counts: Counts;
  articles: number;
}

export type Outcome =
  | { kind: "miss"; title: string; gold: GoldEntity }
  | { kind: "false-positive"; title: string; entity: PredictedEntity }
  | { kind: "duplicate"; title: string; entity: PredictedEntity; gold: GoldEntity }
  | { kind: "wrong-type"; title: string; entity: PredictedEntity; gold: GoldEntity };

export interface Report {
  scores: Scores;
  outcomes: Outcome[];
}

function keys(names: readonly string[]): Set<string> {
  return new Set(names.map(scoreKey).filter((k) => k !== ""));
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Scores predictions against gold; articles are paired by exact title, unpaired gold counts as empty. */
export function score(gold: readonly GoldArticle[], predicted: readonly PredictedArticle[]): Report {
  const byTitle = new Map(predicted.map((a) => [a.title, a]));
  const counts: Counts = { extracted: 0, correct: 0, correctTyped: 0, required: 0, found: 0, foundTyped: 0 };
  const outcomes: Outcome[] = [];
  let duplicates = 0;
  // Concept recall: required gold entity (by its normalised name) → articles where it occurs / is found.
  const concepts = new Map<string, { occurs: number; linked: number }>();

  for (const article of gold) {
    const entities = byTitle.get(article.title)?.entities ?? [];
    const goldKeys = article.entities.map((g) => keys([g.name, ...g.aliases]));
    const matchedGold = new Map<number, { typed: boolean }>();
    for (const entity of entities) {
      counts.extracted += 1;
      const mine = keys([entity.name, ...entity.aliases]);
      const hit = goldKeys.findIndex((gk) => [...mine].some((k) => gk.has(k)));
      const goldEntity = article.entities[hit];
      if (hit < 0 || !goldEntity) {
        outcomes.push({ kind: "false-positive", title: article.title, entity });
        continue;
      }
      if (matchedGold.has(hit)) {
        duplicates += 1;
        outcomes.push({ kind: "duplicate", title: article.title, entity, gold: goldEntity });
        continue;
      }
      const typed = goldEntity.type === entity.type;
      matchedGold.set(hit, { typed });
      counts.correct += 1;
      if (typed) counts.correctTyped += 1;
      else outcomes.push({ kind: "wrong-type", title: article.title, entity, gold: goldEntity });
    }
    article.entities.forEach((g, i) => {
      if (!g.required) return;
      counts.required += 1;
      const match = matchedGold.get(i);
      if (match) {
        counts.found += 1;
        if (match.typed) counts.foundTyped += 1;
      } else outcomes.push({ kind: "miss", title: article.title, gold: g });
      const concept = concepts.get(scoreKey(g.name)) ?? { occurs: 0, linked: 0 };
      concept.occurs += 1;
      if (match) concept.linked += 1;
      concepts.set(scoreKey(g.name), concept);
    });
  }

  const shared = [...concepts.values()].filter((c) => c.occurs >= 2);
  const precision = ratio(counts.correct, counts.extracted);
  const recall = ratio(counts.found, counts.required);
  const typedPrecision = ratio(counts.correctTyped, counts.extracted);
  const typedRecall = ratio(counts.foundTyped, counts.required);
  return {
    scores: {
      precision,
      recall,
      f1: f1(precision, recall),
      typedPrecision,
      typedRecall,
      typedF1: f1(typedPrecision, typedRecall),
      conceptRecall: ratio(
        shared.reduce((sum, c) => sum + c.linked / c.occurs, 0),
        shared.length,
      ),
      duplicates,
      counts,
      articles: gold.length,
    },
    outcomes,
  };
}
