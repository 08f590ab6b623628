/**
 * Loads the extraction lexicon: the reviewed files under data/lexicon/, the reviewed catalogue
 * files under data/lexicon/catalogues/ (terms taken from public dictionaries by
 * `npm run lexicon:refresh`), plus two sources the field maintains, GitHub Linguist's language
 * list and Simple Icons' brand list, filtered by the rules in data/lexicon/sources.json.
 * Curated terms win over catalogue ones with the same key, and both over bulk ones.
 */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import * as linguist from "linguist-languages";
import { ENTITY_TYPES, type EntityType } from "../../src/core/types";
import type { Lexicon, LexiconTerm } from "../../src/core/extract/index";
import { nameKey } from "../../src/core/extract/keys";
import { slug } from "../../src/core/slug";
import { CliError } from "./cli";
import { PROJECT_ROOT } from "./paths";

export const LEXICON_DIR = resolve(PROJECT_ROOT, "data/lexicon");
/** Catalogue files live here, beside review.json, which holds the review's decisions, not terms. */
export const CATALOGUE_FOLDER = "catalogues";
const REVIEW_FILE = "review.json";

/** A reviewed file of terms: a default type and the terms, each may override it. */
interface TermFile {
  type?: EntityType;
  terms: Array<Omit<LexiconTerm, "type"> & { type?: EntityType }>;
}

interface SourcesFile {
  linguist: { types: string[]; singleWordTypes: string[]; exclude: string[] };
  simpleIcons: { exclude: string[] };
  stopwords: string[];
  glueWords: string[];
}

interface SimpleIcon {
  title: string;
  aliases?: { aka?: string[] };
}

class LexiconError extends Error {}

async function readJson<T>(path: string): Promise<T> {
  const text = await readFile(path, "utf8");
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(`invalid JSON (${message})`, path, lineOfError(text, message));
  }
}

/**
 * The line a JSON.parse error is on: V8 says "at position N" (Node 20), or "(line L column C)"
 * (newer V8), or, for a text that ends too soon, nothing: then its last line.
 */
export function lineOfError(text: string, message: string): number {
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /\bposition (\d+)/.exec(message)?.[1];
  const upTo = position === undefined ? text.length : Math.min(Number(position), text.length);
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < upTo; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function checkTerm(term: Partial<LexiconTerm>, path: string): LexiconTerm {
  if (typeof term.name !== "string" || term.name.trim() === "") throw new LexiconError(`${path}: a term has no name`);
  if (!term.type || !ENTITY_TYPES.includes(term.type)) throw new LexiconError(`${path}: "${term.name}" has no valid type`);
  return { ...term, name: term.name, type: term.type, source: "curated" };
}

/** The curated files (not sources.json), each term checked and typed. */
export async function loadCuratedTerms(dir: string = LEXICON_DIR): Promise<LexiconTerm[]> {
  const curated: LexiconTerm[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json") && f !== "sources.json").sort()) {
    const path = join(dir, file);
    const data = await readJson<TermFile>(path);
    if (!Array.isArray(data.terms)) throw new LexiconError(`${path}: expected a "terms" list`);
    for (const term of data.terms) curated.push(checkTerm({ type: data.type, ...term }, path));
  }
  checkDuplicates(curated);
  return curated;
}

export async function loadSources(dir: string = LEXICON_DIR): Promise<SourcesFile> {
  return readJson<SourcesFile>(join(dir, "sources.json"));
}

export interface LoadOptions {
  /** Read data/lexicon/catalogues/ (default true); off, to see what the catalogues bring. */
  catalogues?: boolean;
}

export async function loadLexicon(dir: string = LEXICON_DIR, options: LoadOptions = {}): Promise<Lexicon> {
  const sources = await loadSources(dir);
  const catalogue = options.catalogues === false ? [] : await loadCatalogueTerms(join(dir, CATALOGUE_FOLDER));
  const { terms, keys: taken } = mergeCatalogues(await loadCuratedTerms(dir), catalogue);
  const bulk = [...linguistTerms(sources.linguist), ...(await simpleIconTerms(sources.simpleIcons))];
  for (const { key, term } of bulk) {
    if (key === "" || taken.has(key)) continue;
    taken.add(key);
    // Each bulk term is made here, for this load: it is ours to complete in place.
    term.aliases = term.aliases?.filter((a) => !taken.has(nameKey(a)));
    terms.push(term);
  }
  return { terms, stopwords: sources.stopwords, glueWords: sources.glueWords };
}

/**
 * The terms of every catalogue file, in file order: reviewed terms (`source: "curated"`) that
 * keep the id of the catalogue they came from. A missing folder is an empty catalogue.
 */
export async function loadCatalogueTerms(dir: string): Promise<LexiconTerm[]> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const terms: LexiconTerm[] = [];
  for (const file of files.filter((f) => f.endsWith(".json") && f !== REVIEW_FILE).sort()) {
    const path = join(dir, file);
    const data = await readJson<TermFile & { source?: { id?: unknown } }>(path);
    const id = data.source?.id;
    if (typeof id !== "string" || !Array.isArray(data.terms)) {
      throw new LexiconError(`${path}: expected a catalogue: { "source": { "id": ... }, "terms": [...] }`);
    }
    for (const term of data.terms) {
      if (term.catalogue !== id) throw new LexiconError(`${path}: "${term.name}" names catalogue "${term.catalogue}", not "${id}"`);
      terms.push(checkTerm({ type: data.type, ...term }, path));
    }
  }
  return terms;
}

/**
 * Adds catalogue terms after the curated ones. A curated term wins on a shared key: the
 * catalogue term only lends it the aliases no other term has (that is how an acronym list gives
 * "MVCC" to a curated expansion). A catalogue term whose name shares a slug, but not a key, with
 * another term, or two catalogue terms of one key, are errors the catalogue's review must settle.
 */
export function withCatalogues(curated: readonly LexiconTerm[], catalogue: readonly LexiconTerm[]): LexiconTerm[] {
  return mergeCatalogues(curated, catalogue).terms;
}

/**
 * withCatalogues, and the keys of every name and alias the merged terms have: the keys it looked
 * up anyway, which the bulk sources are checked against next (each key made once, not again).
 */
function mergeCatalogues(curated: readonly LexiconTerm[], catalogue: readonly LexiconTerm[]): { terms: LexiconTerm[]; keys: Set<string> } {
  const terms = curated.map((t) => ({ ...t }));
  const byKey = new Map<string, LexiconTerm>();
  const bySlug = new Map<string, LexiconTerm>();
  for (const term of terms) {
    addKey(byKey, nameKey(term.name), term);
    for (const alias of term.aliases ?? []) addKey(byKey, nameKey(alias), term);
    bySlug.set(slug(term.name), term);
  }
  const fromCatalogue = new Set<LexiconTerm>();
  for (const entry of catalogue) {
    const key = nameKey(entry.name);
    const owner = byKey.get(key);
    if (owner && fromCatalogue.has(owner) && owner.catalogue === entry.catalogue) {
      throw new LexiconError(`catalogue ${entry.catalogue}: "${entry.name}" is listed twice (also as "${owner.name}")`);
    }
    const entrySlug = slug(entry.name);
    const clash = bySlug.get(entrySlug);
    if (!owner && clash) {
      throw new LexiconError(`catalogue ${entry.catalogue}: "${entry.name}" and "${clash.name}" would be one node (same slug): reject one in review`);
    }
    const target = owner ?? { ...entry, aliases: [] };
    const free: string[] = [];
    const freeKeys: string[] = [];
    for (const alias of entry.aliases ?? []) {
      const aliasKey = nameKey(alias);
      if (byKey.has(aliasKey)) continue;
      free.push(alias);
      freeKeys.push(aliasKey);
    }
    if (!owner) {
      terms.push(target);
      fromCatalogue.add(target);
      byKey.set(key, target);
      bySlug.set(entrySlug, target);
    }
    if (free.length > 0) target.aliases = [...(target.aliases ?? []), ...free];
    else if (target.aliases?.length === 0) delete target.aliases;
    for (const aliasKey of freeKeys) byKey.set(aliasKey, target);
  }
  // Every name and alias of the merged terms has its key here, and nothing else does: an alias
  // left out was left out because its key was already taken.
  return { terms, keys: new Set(byKey.keys()) };
}

/** The first term to claim a key keeps it. */
function addKey(byKey: Map<string, LexiconTerm>, key: string, term: LexiconTerm): void {
  if (!byKey.has(key)) byKey.set(key, term);
}

/**
 * Two curated terms may not share a name: one of them would never be found. Nor may their names
 * share a slug, which is the entity's key in the graph: "ARM" (the ISA) and "Arm" (the company)
 * would end as one node. Such terms take distinct canonical names ("Arm Holdings") and keep the
 * short, case-sensitive spelling as an alias.
 */
function checkDuplicates(terms: readonly LexiconTerm[]): void {
  const byKey = new Map<string, LexiconTerm>();
  const bySlug = new Map<string, LexiconTerm>();
  for (const term of terms) {
    const key = nameKey(term.name);
    const termSlug = slug(term.name);
    const other = byKey.get(key) ?? bySlug.get(termSlug);
    if (other) {
      throw new LexiconError(
        `data/lexicon: "${term.name}" is listed twice (also as "${other.name}"): canonical names must differ in more than case`,
      );
    }
    byKey.set(key, term);
    bySlug.set(termSlug, term);
  }
}

interface LinguistLanguage {
  name: string;
  type: string;
  aliases?: string[];
}

/** A bulk source's term with its lookup key, made once for the source's exclusions and the merge. */
interface KeyedTerm {
  key: string;
  term: LexiconTerm;
}

function linguistTerms(rules: SourcesFile["linguist"]): KeyedTerm[] {
  const exclude = new Set(rules.exclude.map(nameKey));
  const out: KeyedTerm[] = [];
  for (const language of Object.values(linguist) as LinguistLanguage[]) {
    if (!rules.types.includes(language.type)) continue;
    // Data and markup formats with multi-word names are mostly file kinds ("Git Config").
    if (rules.singleWordTypes.includes(language.type) && /\s/.test(language.name)) continue;
    const key = nameKey(language.name);
    if (exclude.has(key)) continue;
    // Linguist's aliases are code-fence identifiers ("rs", "batch", "bat"), not names people write.
    out.push({ key, term: { name: language.name, type: "technology", source: "linguist" } });
  }
  return out;
}

const COMPANY_NAME =
  /\b(Inc|Corp|Corporation|Company|Games|Labs|Studios?|Technologies|Foundation|University|Institute|Group|Research|Bank|Airlines?|Motors|Holdings)\.?$/;

async function simpleIconTerms(rules: SourcesFile["simpleIcons"]): Promise<KeyedTerm[]> {
  // The package does not export its data file; it sits next to the entry point.
  const path = join(dirname(createRequire(import.meta.url).resolve("simple-icons")), "data/simple-icons.json");
  const icons = await readJson<SimpleIcon[]>(path);
  const exclude = new Set(rules.exclude.map(nameKey));
  const out: KeyedTerm[] = [];
  for (const icon of icons) {
    const key = nameKey(icon.title);
    if (exclude.has(key)) continue;
    const term: LexiconTerm = {
      name: icon.title,
      // Brands are products more often than companies; well-known companies are curated in
      // organizations.json, and names that say they are a company are typed so.
      type: COMPANY_NAME.test(icon.title) ? "organization" : "technology",
      aliases: (icon.aliases?.aka ?? []).filter((a) => a.length > 3),
      source: "simple-icons",
    };
    out.push({ key, term });
  }
  return out;
}

export { LexiconError };
