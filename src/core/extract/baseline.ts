/**
 * compromise out of the box, as the yardstick: `topics()`, `organizations()`, `people()` and
 * `acronyms()` on the text of each article. Call it before `createExtractor`, which registers
 * the lexicon into compromise's one global model and would otherwise help the baseline.
 */
import nlp from "compromise";
import type { Entry } from "../types";
import type { PredictedArticle, PredictedEntity } from "./score";

function names(view: { out(format: "array"): string[] }): string[] {
  return view
    .out("array")
    .map((s) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, "").replace(/['’]s$/i, ""))
    .filter((s) => s !== "");
}

export function compromiseBaseline(entries: readonly Entry[]): PredictedArticle[] {
  return entries.map((entry) => {
    const doc = nlp([entry.title, entry.description, ...entry.insights].join("\n"));
    const found = new Map<string, PredictedEntity>();
    const add = (name: string, type: PredictedEntity["type"]) => {
      const key = name.toLowerCase();
      if (!found.has(key)) found.set(key, { name, type, aliases: [] });
    };
    for (const n of names(doc.people())) add(n, "person");
    for (const n of names(doc.organizations())) add(n, "organization");
    for (const n of names(doc.acronyms())) add(n, "technology");
    for (const n of names(doc.topics())) add(n, "organization");
    return { title: entry.title, entities: [...found.values()] };
  });
}
