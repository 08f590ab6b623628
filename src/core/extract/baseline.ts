/**
 * compromise out of the box, as the yardstick: `topics()`, `organizations()`, `people()` and
 * `acronyms()` on the text of each article. Call it before `createExtractor`, which registers
 * the lexicon into compromise's one global model and would otherwise help the baseline.
 */
import nlp from "compromise";
import type { Entry } from "../types";
import type { PredictedArticle, PredictedEntity } from "./score";

const KEPT_LAST = /[\p{L}\p{N}+#]/u;

/**
 * A name without the punctuation around it. The end is trimmed character by character: an
 * unanchored `[^…]+$` would rescan a long run of punctuation from each of its positions.
 */
function bare(name: string): string {
  const chars = [...name.replace(/^[^\p{L}\p{N}]+/u, "")];
  let end = chars.length;
  while (end > 0 && !KEPT_LAST.test(chars[end - 1] as string)) end -= 1;
  return chars.slice(0, end).join("");
}

function names(view: { out(format: "array"): string[] }): string[] {
  return view
    .out("array")
    .map((s) => bare(s).replace(/['’]s$/i, ""))
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
