/**
 * Broader and narrower concepts: which entity of an extraction is a kind (or a part) of which.
 *
 * Two sources, in order of trust:
 * 1. the lexicon: a term's `broader` names other terms ("WAL archiving" → "write-ahead logging",
 *    "Raft" → "consensus algorithm"), reviewed by hand;
 * 2. the head rule: an English compound names a kind of its head, its last word(s) ("range
 *    partitioning" is a kind of partitioning, "leaderless replication" of replication). A
 *    concept whose name ends with the name (or alias) of another concept becomes narrower than
 *    it. The head must be a technique: brands and organisations are not kinds ("Google Cloud"
 *    is not a kind of cloud, "Amazon Aurora PostgreSQL" not a kind of PostgreSQL).
 *
 * A relation that would close a cycle is never added, so the hierarchy stays a directed acyclic
 * graph (a concept may have several broader ones). A lexicon broader term that no article
 * mentions is added as a grouping concept only when at least `minNarrower` concepts of the graph
 * share it: it then gathers them; for one narrower concept it would only add a node.
 *
 * Pure: plain data in, plain data out (graphology-stdlib style: defaults merged in one place).
 */
import type { LexiconTerm } from "../extract/lexicon";
import { slug } from "../slug";
import type { Entity, EntityType } from "../types";

export type BroaderOrigin = "lexicon" | "head";

export interface BroaderRelation {
  /** `Entity.id` of the narrower concept. */
  narrower: string;
  /** `Entity.id` of the broader concept. */
  broader: string;
  /** Why it holds: a lexicon `broader` field, or the head rule. */
  origin: BroaderOrigin;
}

export interface ConceptHierarchy {
  /** Every relation kept, lexicon ones first, each pair once. */
  relations: BroaderRelation[];
  /**
   * Broader lexicon terms no entity stands for, added because at least `minNarrower` concepts
   * share them; no article mentions them.
   */
  groups: Entity[];
}

export interface BroaderOptions {
  /** Apply the head rule (default true). */
  heads: boolean;
  /** Types a head must have (default: techniques only; brands and organisations are not kinds). */
  headTypes: readonly EntityType[];
  /** Types a compound may have to be narrower than its head (default: techniques and technologies). */
  compoundTypes: readonly EntityType[];
  /** Narrower concepts needed before an unmentioned broader term becomes a grouping concept (default 2). */
  minNarrower: number;
}

export const DEFAULT_BROADER_OPTIONS: BroaderOptions = {
  heads: true,
  headTypes: ["technique"],
  compoundTypes: ["technique", "technology"],
  minNarrower: 2,
};

/**
 * Words that only point or quantify: "the replication" or "our partitioning" names no kind of
 * replication or partitioning, so such a modifier never makes a compound.
 */
const EMPTY_MODIFIERS = new Set(["a", "an", "the", "this", "that", "these", "those", "our", "your", "their", "its", "my", "new", "some", "any", "all", "more"]);

/** Words that make a name a phrase rather than a compound: prepositions and conjunctions. */
const PHRASE_WORDS = new Set(["and", "or", "&", "at", "by", "for", "from", "in", "into", "of", "on", "over", "per", "to", "under", "via", "with", "without", "vs", "versus"]);

/** Lookup key of a name: its slug, so "Write-Ahead Logging" and "write-ahead logging" meet. */
function key(name: string): string {
  return slug(name);
}

/** Names of an entity (label first), as lookup keys. */
function keysOf(entity: Entity): string[] {
  return [...new Set([entity.name, ...entity.aliases].map(key).filter((k) => k !== ""))];
}

/**
 * A name whose capitals are part of it (an acronym such as "REST" or "WAL", a brand such as
 * "LiteBox" or "eBPF": a word with two capitals) names the concept only when written with them:
 * "encryption at rest" is not a kind of REST. Headline case ("Write-Ahead Logging") is not such
 * a name: one capital a word.
 */
function capitalsMatter(name: string): boolean {
  return name.split(/[\s_-]+/).some((word) => /\p{Lu}.*\p{Lu}/u.test(word));
}

/** The key a head is looked up by: case kept when it has capitals that might matter. */
function caseKey(name: string): string {
  return name.normalize("NFKC").replace(/[\s_-]+/g, " ").trim();
}

/** The entities a name key reaches: by their label, and by one of their aliases. */
interface NameHits {
  labels: string[];
  aliases: string[];
}

function nameIndex(entities: readonly Entity[]): Map<string, NameHits> {
  const index = new Map<string, NameHits>();
  const hits = (k: string) => {
    let found = index.get(k);
    if (!found) index.set(k, (found = { labels: [], aliases: [] }));
    return found;
  };
  for (const entity of entities) {
    const label = key(entity.name);
    hits(label).labels.push(entity.id);
    for (const k of keysOf(entity)) if (k !== label) hits(k).aliases.push(entity.id);
  }
  return index;
}

/**
 * The one entity a name stands for among those `accept` lets through: the one it labels, else
 * the one it is an alias of; none when two share it at that level (the name does not say which).
 */
function oneNamed(hits: NameHits | undefined, accept: (id: string) => boolean): string | null | undefined {
  for (const ids of [hits?.labels ?? [], hits?.aliases ?? []]) {
    const accepted = [...new Set(ids.filter(accept))];
    if (accepted.length === 1) return accepted[0];
    if (accepted.length > 1) return null;
  }
  return undefined;
}

/** Relations kept so far, with reachability checks that keep them acyclic. */
class Hierarchy {
  readonly relations: BroaderRelation[] = [];
  private readonly up = new Map<string, Set<string>>();

  /** Whether `from` reaches `to` by broader steps (or is it). */
  private reaches(from: string, to: string): boolean {
    const stack = [from];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const next of this.up.get(node) ?? []) stack.push(next);
    }
    return false;
  }

  /** Adds narrower → broader unless it is already there or would close a cycle. */
  add(narrower: string, broader: string, origin: BroaderOrigin): boolean {
    if (this.up.get(narrower)?.has(broader) || this.reaches(broader, narrower)) return false;
    let set = this.up.get(narrower);
    if (!set) this.up.set(narrower, (set = new Set()));
    set.add(broader);
    this.relations.push({ narrower, broader, origin });
    return true;
  }
}

/**
 * The broader relations among `entities`, from the lexicon's `terms` and from the head rule,
 * plus the grouping concepts the lexicon's unmentioned broader terms become.
 */
export function broaderRelations(
  entities: readonly Entity[],
  terms: readonly LexiconTerm[] = [],
  options: Partial<BroaderOptions> = {},
): ConceptHierarchy {
  const { heads, headTypes, compoundTypes, minNarrower } = { ...DEFAULT_BROADER_OPTIONS, ...options };
  const hierarchy = new Hierarchy();

  // Lexicon relations, between terms (by canonical name); then each term is its entity, or a
  // grouping concept when enough of the graph's concepts fall under it.
  const termsByKey = new Map<string, LexiconTerm>();
  for (const term of terms) if (!termsByKey.has(key(term.name))) termsByKey.set(key(term.name), term);
  const byName = nameIndex(entities);
  const entityOfTerm = new Map<string, string>();
  for (const k of termsByKey.keys()) {
    const id = oneNamed(byName.get(k), () => true);
    if (id) entityOfTerm.set(k, id);
  }
  const narrowerOf = new Map<string, string[]>();
  for (const [k, term] of termsByKey) {
    for (const broader of term.broader ?? []) {
      const b = key(broader);
      if (!termsByKey.has(b) || b === k) continue;
      const list = narrowerOf.get(b);
      if (list) list.push(k);
      else narrowerOf.set(b, [k]);
    }
  }
  const groups: Entity[] = [];
  const taken = new Set(entities.map((e) => e.id));
  // A term in the graph directly, or through grouping; grouping can stack ("Raft", "Paxos" →
  // "consensus algorithm" added → with "atomic broadcast", "distributed algorithm" added), so
  // repeat until nothing changes.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [b, narrower] of narrowerOf) {
      if (entityOfTerm.has(b)) continue;
      const present = new Set(narrower.filter((n) => entityOfTerm.has(n)).map((n) => entityOfTerm.get(n)!));
      const term = termsByKey.get(b)!;
      const id = slug(term.name);
      if (present.size < minNarrower || id === "" || taken.has(id)) continue;
      groups.push({ id, name: term.name, type: term.type, aliases: [...(term.aliases ?? [])] });
      taken.add(id);
      entityOfTerm.set(b, id);
      grew = true;
    }
  }
  // Terms in file order, each term's broader terms in the order written: a stable result.
  for (const [k, term] of termsByKey) {
    const narrower = entityOfTerm.get(k);
    if (narrower === undefined) continue;
    for (const name of term.broader ?? []) {
      const broader = entityOfTerm.get(key(name));
      if (broader !== undefined && broader !== narrower) hierarchy.add(narrower, broader, "lexicon");
    }
  }

  if (heads) {
    const all = [...entities, ...groups];
    const index = nameIndex(all);
    const byId = new Map(all.map((e) => [e.id, e]));
    for (const entity of entities) {
      if (!compoundTypes.includes(entity.type)) continue;
      const head = headOf(entity, index, byId, (id) => id !== entity.id && headTypes.includes(byId.get(id)!.type));
      if (head !== undefined) hierarchy.add(entity.id, head, "head");
    }
  }
  return { relations: hierarchy.relations, groups };
}

/**
 * The concept a compound name is a kind of: the longest proper word suffix of its label that
 * names one concept (see `oneNamed`) passing `accept`. A plural head ("distributed
 * transactions") also finds its singular. Words are split at spaces only: "B-tree" is one word,
 * not a kind of tree.
 */
function headOf(
  entity: Entity,
  index: ReadonlyMap<string, NameHits>,
  byId: ReadonlyMap<string, Entity>,
  accept: (id: string) => boolean,
): string | undefined {
  const words = entity.name.trim().split(/\s+/);
  // "composition over inheritance", "encryption at rest", "Object Linking and Embedding": a
  // phrase, not a compound; its last words are an object or a conjunct, not a head.
  if (words.some((w) => PHRASE_WORDS.has(w.toLowerCase()))) return undefined;
  for (let start = 1; start < words.length; start++) {
    const modifier = words.slice(0, start);
    if (modifier.every((w) => EMPTY_MODIFIERS.has(w.toLowerCase()))) continue;
    const head = words.slice(start).join(" ");
    for (const k of headKeys(head)) {
      // Through a name whose capitals matter, only when the head is written with them.
      const written = (id: string) =>
        accept(id) &&
        [byId.get(id)!.name, ...byId.get(id)!.aliases].some((name) => key(name) === k && (!capitalsMatter(name) || caseKey(name) === caseKey(head)));
      const id = oneNamed(index.get(k), written);
      // null: two concepts written alike, and the head does not say which one is meant.
      if (id !== undefined) return id ?? undefined;
    }
  }
  return undefined;
}

function headKeys(head: string): string[] {
  const k = key(head);
  if (k === "") return [];
  // "transactions" → "transaction", "indexes" stays: only a plain -s after a non-s letter.
  return /[^s]s$/.test(k) ? [k, k.slice(0, -1)] : [k];
}
