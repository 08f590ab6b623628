/**
 * Acronyms defined by their article rather than by one sentence: "Inside High-Frequency Trading
 * Systems" in the title and "latency patterns in HFT" in the description. The definition rule
 * (`discover.ts`) reads "Expansion (ACR)" within a field; here a bare acronym of an article is
 * spelt out by a run of capitalised words anywhere in the same article, and becomes an alias of
 * that expansion for the whole corpus.
 */
import { expansionType, type Candidate } from "./discover";
import type { Token } from "./tokens";

/** The longest expansion looked for, in words: acronyms of more letters are rarely spelt out. */
const MAX_WORDS = 6;

interface Field<F> {
  field: F;
  text: string;
  tokens: readonly Token[];
}

interface Sighted<F> {
  field: F;
  candidate: Candidate;
}

/** A capitalised word that can be part of an expansion ("High", "Frequency"), not an acronym itself. */
function spellable(t: Token): boolean {
  return /^\p{Lu}\p{Ll}/u.test(t.text);
}

/**
 * Every run of two to six capitalised words of an article, by the letters its initials spell;
 * the first run wins. Built once per article, so each acronym costs one lookup.
 */
function runsByInitials<F>(fields: readonly Field<F>[]): Map<string, { field: Field<F>; from: number; to: number }> {
  const runs = new Map<string, { field: Field<F>; from: number; to: number }>();
  for (const field of fields) {
    const ts = field.tokens;
    for (let from = 0; from < ts.length; from += 1) {
      let letters = "";
      for (let to = from; to < ts.length && to < from + MAX_WORDS; to += 1) {
        const t = ts[to] as Token;
        if (!spellable(t)) break;
        if (to > from && !/^[ -]$/.test(field.text.slice((ts[to - 1] as Token).end, t.start))) break;
        letters += t.key[0] ?? "";
        if (to > from && !runs.has(letters)) runs.set(letters, { field, from, to });
      }
    }
  }
  return runs;
}

/**
 * Definitions of the article's bare acronyms (the discovery rules' "acronym" candidates) by
 * capitalised words elsewhere in it, as "acronym-definition" candidates at the expansion.
 */
export function definedInArticle<F>(fields: readonly Field<F>[], found: readonly Sighted<F>[]): Sighted<F>[] {
  const acronyms = new Map<string, string>();
  for (const { candidate } of found) {
    if (candidate.rule === "acronym") acronyms.set(candidate.name.toLowerCase(), candidate.name);
  }
  // Defined in a sentence already: nothing left to find.
  for (const { candidate } of found) if (candidate.rule === "acronym-definition") for (const a of candidate.aliases) acronyms.delete(a.toLowerCase());
  if (acronyms.size === 0) return [];
  const runs = runsByInitials(fields);
  const out: Sighted<F>[] = [];
  for (const [letters, acronym] of acronyms) {
    const run = runs.get(letters);
    if (!run) continue;
    const first = run.field.tokens[run.from] as Token;
    const last = run.field.tokens[run.to] as Token;
    const name = run.field.text.slice(first.start, last.end);
    out.push({
      field: run.field.field,
      candidate: { name, type: expansionType(run.field.tokens.slice(run.from, run.to + 1)), rule: "acronym-definition", strong: true, aliases: [acronym], start: first.start, end: last.end },
    });
  }
  return out;
}
