/**
 * One node per concept across the corpus. The rules read one article at a time, so one thing can
 * end up under two names that no single article ties together: an acronym in one article and
 * its expansion in another ("MCP", "Model Context Protocol"), or a product with and without its
 * vendor ("Microsoft LiteBox", "LiteBox"). Once the whole document is read, such drafts merge.
 */
import { absorb, mostFrequent, type Draft } from "./drafts";
import { nameKey, pieceKey, pieces } from "./keys";
import { ACRONYM, PLURAL_ACRONYM } from "./discover";
import { isBulk, type LexiconIndex } from "./lexicon";

/** Names a lexicon term or a draft goes by, as written. */
function spellings(draft: Draft): string[] {
  const term = draft.term;
  return [...draft.names.keys(), ...draft.aliases, ...(term ? [term.name, ...(term.aliases ?? [])] : [])];
}

/** The letters a name's initials spell ("Model Context Protocol" → "mcp"), for names of two words or more. */
function initials(name: string): string | undefined {
  const parts = pieces(name);
  // "SSA form" does not spell "SF": an acronym inside a name, or a number, is no initial.
  if (parts.length < 2 || parts.some((p) => !/^\p{L}\p{Ll}*$/u.test(p.text))) return undefined;
  return parts.map((p) => pieceKey(p.text)[0] ?? "").join("");
}

/**
 * A discovered acronym joins the one entity of the corpus whose name it abbreviates; when two
 * entities share the initials, it stays apart, since nothing says which one is meant.
 */
function acronymsToExpansions(drafts: Map<string, Draft>): void {
  const byInitials = new Map<string, Set<Draft>>();
  for (const draft of drafts.values()) {
    for (const name of spellings(draft)) {
      const letters = initials(name);
      if (!letters) continue;
      const set = byInitials.get(letters) ?? new Set<Draft>();
      set.add(draft);
      byInitials.set(letters, set);
    }
  }
  for (const draft of [...drafts.values()]) {
    // Two letters abbreviate too many things ("IK" of "Noise IK" is no idempotency key).
    if (draft.term || draft.key.length < 3 || ![...draft.names.keys()].every((n) => ACRONYM.test(n) || PLURAL_ACRONYM.test(n))) continue;
    // "CRDTs" is the plural of CRDT; "TOS" is no plural of "TO".
    const plural = [...draft.names.keys()].every((n) => /[A-Z0-9]s$/.test(n));
    const key = plural ? draft.key.slice(0, -1) : draft.key;
    const targets = [...(byInitials.get(key) ?? [])].filter((d) => d !== draft);
    const target = targets[0];
    if (targets.length !== 1 || !target) continue;
    absorb(target, draft);
    drafts.delete(draft.key);
  }
}

/** Whether a key names an organisation: a lexicon organisation or a company's product name. */
function organizationKeys(index: LexiconIndex): (key: string) => boolean {
  return (key) => (index.forms.get(key) ?? []).some((f) => f.term.type === "organization" || f.term.company === true);
}

/**
 * "Microsoft LiteBox" and "LiteBox": a discovered name made of an organisation and the name of
 * another discovered (or brand-list) entity is that entity, written with its vendor. They merge
 * under the vendor's spelling, the fuller name, as the lexicon names "Apache Kafka".
 */
function vendorPrefixes(drafts: Map<string, Draft>, index: LexiconIndex): void {
  const isOrganization = organizationKeys(index);
  for (const draft of [...drafts.values()]) {
    if (draft.term || !drafts.has(draft.key)) continue;
    const name = mostFrequent(draft.names);
    if (!name) continue;
    const parts = pieces(name);
    for (let k = 1; k < parts.length && k <= 2; k += 1) {
      const vendor = parts.slice(0, k).map((p) => pieceKey(p.text)).join("");
      const rest = nameKey(name.slice((parts[k] as { start: number }).start));
      const bare = drafts.get(rest);
      if (!bare || bare === draft || !isOrganization(vendor) || (bare.term && !isBulk(bare.term))) continue;
      absorb(draft, bare);
      drafts.delete(bare.key);
      break;
    }
  }
}

export function unifyDrafts(drafts: Map<string, Draft>, index: LexiconIndex): void {
  vendorPrefixes(drafts, index);
  acronymsToExpansions(drafts);
}
