/**
 * People and organisations named in passing: "thanks to Jane Doe", "by Prof. Smith", "courtesy
 * of the Pivotal Engineering team", "at ACME Labs", "Jane Doe's thesis". The words around the
 * name say what it is, so it needs no lexicon entry and no capitalised first name compromise
 * knows; reading lists credit authors this way far more often than they name them in sentences.
 */
import type { Candidate, FieldView } from "./discover";
import { allMatches } from "./matches";
import { openPiecesWithin } from "./tokens";
import { tagged } from "./wordclass";

// A capitalised word (O'Neil, McKusick, Jean-Luc) or an initial ("F.").
const WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{Lu}]*(?:['’-]\p{Lu}?[\p{Ll}]+)*|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|di|du|del|la|le|bin|al)`;
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,3}`;
// A user name standing for its owner ("thanks to cstack", "@aphyr").
const HANDLE = String.raw`@?[\p{Ll}\p{N}][\p{Ll}\p{N}_-]{2,29}`;
// Names in scripts without case ("thanks to 张茄子").
const UNCASED = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,8}`;
const HONORIFIC = String.raw`(?:(?:Prof|Dr)\.?|Professor)\s+`;
// Where a credited name ends: the end, punctuation, or a word that starts something else.
const END = String.raw`(?=\s*(?:$|[,.;:!?)\]—–]|\s(?:and|&|on|at|from|for|in|with|of|who|whose)\b|\s[-(]))`;

// Phrases that credit whoever follows: the name is a person (or a team, said as one).
const CREDIT = String.raw`\b(?:[Tt]hanks to|[Cc]ourtesy of|(?:[Ww]ritten|[Aa]uthored|[Cc]urated|[Mm]aintained|[Pp]resented|[Tt]aught|[Ee]dited|[Cc]reated) by)\s+`;
const CREDITED = new RegExp(`${CREDIT}(?:${HONORIFIC})?(${NAME}|${UNCASED}|${HANDLE})${END}`, "gu");
// The team's name stops before the words that say it is a team ("the Pivotal Engineering team").
const TEAM = new RegExp(`${CREDIT}the\\s+(${WORD}(?:\\s+${WORD}){0,3}?)\\s+(?:[Ee]ngineering\\s+|[Dd]ata\\s+|[Ii]nfrastructure\\s+)?(?:[Tt]eam|[Ff]olks|[Ee]ngineers|[Pp]eople)\\b`, "gu");
// A bare "by" credits a person only when a title of address or the name itself says so:
// "Query Optimization by Simulated Annealing" is a method.
const BY = new RegExp(`\\bby\\s+(${HONORIFIC})?(${NAME})${END}`, "gu");
// Work that is somebody's: "Jane Doe's thesis".
const WORKS = String.raw`(?:(?:PhD|[Mm]aster['’]s|[Dd]octoral)\s+)?(?:thesis|dissertation|lecture notes|lectures|notes|course|blog|book|paper|talk|slides|newsletter|reading list)\b`;
const OWNER = new RegExp(`(?<![\\p{L}\\p{N}])(${WORD}(?:\\s+${WORD}){1,2})['’]s\\s+${WORKS}`, "gu");
// Places whose last word says they are institutions: "at ACME Labs", "at the University of Tokyo".
const INSTITUTION = String.raw`(?:Labs?|Laboratory|Laboratories|University|Institute|College|Research|Foundation|Inc\.?|Corp\.?|Corporation|Ltd\.?|GmbH)`;
const AT = new RegExp(
  `\\b(?:at|from)\\s+(?:the\\s+)?((?:${WORD}\\s+){1,3}${INSTITUTION}|(?:University|Institute)\\s+of\\s+${WORD}(?:\\s+${WORD}){0,2})${END}`,
  "gu",
);

/** A candidate and the pieces it covers, unless the lexicon has the name or it is a stopword. */
function found(view: FieldView, name: string, start: number, type: Candidate["type"], rule: Candidate["rule"]): [Candidate, number[]] | undefined {
  const end = start + name.length;
  const inside = openPiecesWithin(view, start, end);
  if (!inside || view.stopwords.has(name.toLowerCase())) return undefined;
  return [{ name, type, rule, strong: true, aliases: [], start, end }, inside];
}

/** Whether every word of a name is ordinary English: "Simulated Annealing", "Lock Service". */
function plainWords(view: FieldView, name: string): boolean {
  return name.split(/\s+/).every((w) => view.isOrdinary(w.toLowerCase().replace(/['’]s$/, "")));
}

const INSTITUTION_END = new RegExp(`\\s${INSTITUTION}$`, "u");
const INSTITUTION_WORD = new RegExp(`\\b${INSTITUTION}(?![\\p{L}])`, "u");

export function namedInPassing(view: FieldView): Candidate[] {
  // Each pattern needs a word of its own; most fields have none, and skip its scan.
  const text = view.text;
  const credits = /\b(?:thanks to|courtesy of|by)\s/i.test(text);
  const owners = /['’]s\s/.test(text);
  const places = INSTITUTION_WORD.test(text);
  if (!credits && !owners && !places) return [];
  const out: Candidate[] = [];
  // The first pattern to read a piece keeps it (a team before its members, credits before "by").
  const taken = new Set<number>();
  const add = (hit: [Candidate, number[]] | undefined) => {
    if (!hit || hit[1].some((i) => taken.has(i))) return;
    for (const i of hit[1]) taken.add(i);
    out.push(hit[0]);
  };
  for (const m of credits ? allMatches(text, TEAM) : []) {
    const name = m[1] ?? "";
    if (!plainWords(view, name)) add(found(view, name, m.index + m[0].indexOf(name, m[0].indexOf("the") + 3), "organization", "passing-organization"));
  }
  for (const m of credits ? allMatches(text, CREDITED) : []) {
    const name = (m[1] ?? "").replace(/^@/, "");
    const start = m.index + m[0].lastIndexOf(name);
    // "thanks to Uber", "courtesy of Acme Research": an institution's name says what it is.
    const type = INSTITUTION_END.test(name) ? "organization" : "person";
    // "thanks to this", "courtesy of Caching": ordinary words are not credited. A handle is
    // judged by English alone: the document's own vocabulary holds it wherever it is credited.
    if (/^\p{Lu}/u.test(name) ? plainWords(view, name) : view.isCommonWord(name)) continue;
    add(found(view, name, start, type, type === "person" ? "passing-person" : "passing-organization"));
  }
  for (const m of credits ? allMatches(text, BY) : []) {
    const honorific = m[1] !== undefined;
    const name = m[2] ?? "";
    const words = name.split(/\s+/);
    if (INSTITUTION_END.test(name) || words.length > 3) continue;
    if (!honorific && (words.length < 2 || !tagged(name, "#Person") || plainWords(view, name))) continue;
    add(found(view, name, m.index + m[0].lastIndexOf(name), "person", "passing-person"));
  }
  for (const m of owners ? allMatches(text, OWNER) : []) {
    const name = m[1] ?? "";
    if (!plainWords(view, name)) add(found(view, name, m.index, "person", "passing-person"));
  }
  for (const m of places ? allMatches(text, AT) : []) {
    const name = m[1] ?? "";
    add(found(view, name, m.index + m[0].indexOf(name), "organization", "passing-organization"));
  }
  return out;
}
