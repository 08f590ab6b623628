/**
 * Builds the catalogue files of data/lexicon/catalogues/ from public dictionaries: FOLDOC's
 * terms of the field, selected and typed by rule (see foldoc.ts), and V.E.R.A.'s acronyms for
 * terms the lexicon already has (see vera.ts). The review decisions of review.json are applied
 * on every refresh, so that a rerun never brings back a rejected term nor loses a fix.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { nameKey } from "../../src/core/extract/keys";
import { isCommonWord } from "../../src/core/extract/plugin";
import { slug } from "../../src/core/slug";
import { ENTITY_TYPES, InputError, type EntityType } from "../../src/core/types";
import { inflateDict, readDictd, type DictArticle } from "./dictd";
import { citations, isAcronym, parseFoldocArticle, selectFoldoc, type Refusal, type SelectionContext } from "./foldoc";
import { acronymsFor, ambiguousAcronyms, parseVeraArticle } from "./vera";

/** Where a catalogue's terms come from, as recorded at the top of its file. */
export interface CatalogueSource {
  id: string;
  name: string;
  version: string;
  licence: string;
  /** How to install it here (a Debian or npm package). */
  package: string;
  url: string;
}

export interface CatalogueTerm {
  name: string;
  type: EntityType;
  aliases?: string[];
  catalogue: string;
  broad?: boolean;
  caseSensitive?: boolean;
}

export interface CatalogueFile {
  source: CatalogueSource;
  /**
   * "aliases" for a catalogue that names no new term and only lends aliases to terms the lexicon
   * already has, under the same canonical name.
   */
  adds?: "aliases";
  terms: CatalogueTerm[];
}

/** A decision of the review, kept as data so that a refresh keeps it. */
export interface Rejection {
  catalogue: string;
  /** The term's name (an acronym, for a catalogue that only adds aliases). */
  name: string;
  reason: string;
}

export interface Override {
  catalogue: string;
  name: string;
  type?: EntityType;
  broad?: boolean;
  caseSensitive?: boolean;
  /** Replaces the aliases the rules found. */
  aliases?: string[];
  reason?: string;
}

/** A name the review takes although a rule of judgement refuses it (see `SelectionContext.accepted`). */
export interface Acceptance {
  catalogue: string;
  name: string;
  reason: string;
}

export interface Review {
  rejected: Rejection[];
  /** Optional in the file: an empty list when absent. */
  accepted: Acceptance[];
  overrides: Override[];
}

/** A term of the curated files, as far as the refresh needs it. */
export interface KnownTerm {
  name: string;
  type: EntityType;
  aliases?: string[];
}

export const SOURCES = {
  foldoc: {
    id: "foldoc",
    name: "FOLDOC, the Free On-line Dictionary of Computing",
    licence: "GFDL-1.1-or-later",
    package: "dict-foldoc (Debian)",
    url: "https://foldoc.org/",
  },
  vera: {
    id: "vera",
    name: "V.E.R.A., Virtual Entity of Relevant Acronyms",
    licence: "GFDL-1.1-or-later",
    package: "dict-vera (Debian)",
    url: "https://www.gnu.org/software/vera/",
  },
} as const satisfies Record<string, Omit<CatalogueSource, "version">>;

export type CatalogueId = keyof typeof SOURCES;

export interface Dictionary {
  articles: DictArticle[];
  version: string;
}

export async function readDictionary(dir: string, name: string, version: string): Promise<Dictionary> {
  const [index, data] = await Promise.all([readFile(join(dir, `${name}.index`), "utf8"), readFile(join(dir, `${name}.dict.dz`))]);
  return { articles: readDictd(index, inflateDict(data)), version };
}

export interface RefreshInput {
  foldoc: Dictionary;
  vera: Dictionary;
  curated: readonly KnownTerm[];
  stopwords: readonly string[];
  review: Review;
}

export interface RefreshResult {
  files: Map<CatalogueId, CatalogueFile>;
  /** Review decisions that name nothing in their source any more (a new edition dropped or renamed it). */
  unused: Array<Rejection | Acceptance | Override>;
  /** How many FOLDOC articles each rule refused, the review's rejections and the curated lexicon's terms included. */
  refusals: Map<string, number>;
}

export function refresh(input: RefreshInput): RefreshResult {
  const refusals = new Map<string, number>();
  const refuse = (why: string) => refusals.set(why, (refusals.get(why) ?? 0) + 1);
  const stopwords = new Set(input.stopwords.map(nameKey));
  const taken = new Map<string, KnownTerm>();
  const curatedSlugs = new Set<string>();
  for (const term of input.curated) {
    for (const text of [term.name, ...(term.aliases ?? [])]) if (!taken.has(nameKey(text))) taken.set(nameKey(text), term);
    curatedSlugs.add(slug(term.name));
  }
  const slugs = new Set<string>();

  const articles = input.foldoc.articles.map(parseFoldocArticle);
  const accepted = new Set(input.review.accepted.filter((a) => a.catalogue === "foldoc").map((a) => nameKey(a.name)));
  const context: SelectionContext = { isCommonWord, stopwords, citations: citations(articles), accepted };
  const rejected = rejections(input.review, "foldoc");
  const overrides = new Map(input.review.overrides.filter((o) => o.catalogue === "foldoc").map((o) => [nameKey(o.name), o]));
  const foldoc: CatalogueTerm[] = [];
  const own = new Map<string, CatalogueTerm>();
  for (const article of articles) {
    const { judged, refusal } = selectFoldoc(article, context);
    if (!judged) {
      refuse(refusal as Refusal);
      continue;
    }
    const key = nameKey(judged.name);
    // One name of the article the curated lexicon has ("HTML" beside "Hypertext Markup Language") makes it that term.
    const curatedName = [judged.name, ...judged.aliases].some((n) => taken.has(nameKey(n)));
    if (curatedName || curatedSlugs.has(slug(judged.name))) refuse("in the curated lexicon");
    else if (rejected.has(key)) refuse("rejected by review");
    else if (own.has(key) || slugs.has(slug(judged.name))) refuse("a second article of one name");
    else {
      const override = overrides.get(key);
      const term: CatalogueTerm = { name: judged.name, type: override?.type ?? judged.type, catalogue: "foldoc" };
      const aliases = override?.aliases ?? judged.aliases;
      if (aliases.length > 0) term.aliases = aliases;
      if (override?.broad !== undefined) term.broad = override.broad;
      const caseSensitive = override?.caseSensitive ?? judged.caseSensitive;
      if (caseSensitive !== undefined) term.caseSensitive = caseSensitive;
      foldoc.push(term);
      own.set(key, term);
      slugs.add(slug(term.name));
    }
  }
  // Aliases go last, once every name is known: an alias never takes another term's name, nor
  // an acronym that V.E.R.A. expands in more than one way ("TAP": a pager protocol, the Test
  // Anything Protocol...), which the text would have to settle.
  const acronyms = input.vera.articles.map(parseVeraArticle).filter((a) => a !== undefined);
  const ambiguous = ambiguousAcronyms(acronyms);
  const names = new Set([...taken.keys(), ...own.keys()]);
  const claimed = new Set<string>();
  for (const term of foldoc) {
    const kept = (term.aliases ?? []).filter((alias) => {
      const key = nameKey(alias);
      if (names.has(key) || claimed.has(key) || ambiguous.has(key) || !usableAlias(alias, context)) return false;
      claimed.add(key);
      return true;
    });
    if (kept.length > 0) term.aliases = kept;
    else delete term.aliases;
  }

  const known = new Map<string, KnownTerm>(taken);
  for (const term of foldoc) for (const text of [term.name, ...(term.aliases ?? [])]) known.set(nameKey(text), term);
  const veraRejected = rejections(input.review, "vera");
  const vera = new Map<KnownTerm, CatalogueTerm>();
  for (const [target, list] of acronymsFor(acronyms, new Set([...known.keys(), ...stopwords]))) {
    const term = known.get(target);
    if (!term) continue;
    const kept = list.filter((a) => !veraRejected.has(nameKey(a)) && !isCommonWord(a.toLowerCase()));
    if (kept.length === 0) continue;
    const entry = vera.get(term) ?? { name: term.name, type: term.type, aliases: [], catalogue: "vera" };
    entry.aliases?.push(...kept);
    vera.set(term, entry);
  }

  const files = new Map<CatalogueId, CatalogueFile>([
    ["foldoc", { source: { ...SOURCES.foldoc, version: input.foldoc.version }, terms: sortTerms(foldoc) }],
    ["vera", { source: { ...SOURCES.vera, version: input.vera.version }, adds: "aliases", terms: sortTerms([...vera.values()]) }],
  ]);
  const named = new Map<string, Set<string>>([
    ["foldoc", new Set(articles.flatMap((a) => a.names.map(nameKey)))],
    ["vera", new Set(acronyms.map((a) => nameKey(a.acronym)))],
  ]);
  const unused = [...input.review.rejected, ...input.review.accepted, ...input.review.overrides].filter((d) => !named.get(d.catalogue)?.has(nameKey(d.name)));
  return { files, refusals, unused };
}

function rejections(review: Review, catalogue: string): Set<string> {
  return new Set(review.rejected.filter((r) => r.catalogue === catalogue).map((r) => nameKey(r.name)));
}

/**
 * An alias must name the term and nothing else: a phrase, or an acronym of three letters or more.
 * One word spelt like a common noun ("backbone", "app") is a word of every text.
 */
function usableAlias(alias: string, context: SelectionContext): boolean {
  const key = nameKey(alias);
  if (key.length < 3 || context.stopwords.has(key)) return false;
  if (/\s/.test(alias.trim())) return true;
  return isAcronym(alias) && alias.replace(/[^A-Za-z]/g, "").length >= 3 && !context.isCommonWord(alias.toLowerCase());
}

/** Terms by lookup key, aliases in order: a refresh of unchanged sources writes the same bytes. */
function sortTerms(terms: CatalogueTerm[]): CatalogueTerm[] {
  const byName = (a: string, b: string) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : a < b ? -1 : a > b ? 1 : 0);
  return terms
    .map((t) => (t.aliases ? { ...t, aliases: [...t.aliases].sort(byName) } : t))
    .sort((a, b) => byName(a.name, b.name));
}

/** One term a line, keys in a fixed order: the files are read in review and diffed in commits. */
export function serialise(file: CatalogueFile): string {
  const order = ["name", "type", "aliases", "broad", "caseSensitive", "catalogue"] as const;
  const lines = file.terms.map((term) => {
    const fields = order.filter((k) => term[k] !== undefined).map((k) => `${JSON.stringify(k)}: ${JSON.stringify(term[k])}`);
    return `    {${fields.join(", ")}}`;
  });
  const head = [`  "source": ${JSON.stringify(file.source)},`];
  if (file.adds) head.push(`  "adds": ${JSON.stringify(file.adds)},`);
  return `{\n${head.join("\n")}\n  "terms": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/** Reads review.json, checking its shape: a typo there would silently bring a rejected term back. */
export function readReview(data: unknown, file: string): Review {
  const review = data as Partial<Review> | null;
  if (!review || !Array.isArray(review.rejected) || !Array.isArray(review.overrides)) {
    throw new InputError(`${file}: expected { "rejected": [...], "overrides": [...] }`);
  }
  for (const r of review.rejected) {
    if (typeof r?.catalogue !== "string" || typeof r.name !== "string" || typeof r.reason !== "string" || r.reason.trim() === "") {
      throw new InputError(`${file}: each rejection needs a catalogue, a name and a reason (${JSON.stringify(r)})`);
    }
  }
  review.accepted ??= [];
  if (!Array.isArray(review.accepted)) throw new InputError(`${file}: "accepted" must be a list`);
  for (const a of review.accepted) {
    if (typeof a?.catalogue !== "string" || typeof a.name !== "string" || typeof a.reason !== "string" || a.reason.trim() === "") {
      throw new InputError(`${file}: each acceptance needs a catalogue, a name and a reason (${JSON.stringify(a)})`);
    }
  }
  for (const o of review.overrides) {
    if (typeof o?.catalogue !== "string" || typeof o.name !== "string" || (o.type !== undefined && !ENTITY_TYPES.includes(o.type))) {
      throw new InputError(`${file}: each override needs a catalogue, a name and, if it sets one, a valid type (${JSON.stringify(o)})`);
    }
  }
  return review as Review;
}
