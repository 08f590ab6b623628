/**
 * A plain-text view of an extraction for people checking it by eye: per article, each entity
 * with its type and every piece of evidence quoted from the text.
 */
import { fieldText, type Entry, type Evidence, type Extraction } from "../types";

function place(evidence: Evidence): string {
  return evidence.field === "insight" ? `insight ${evidence.index + 1}` : evidence.field;
}

/** One block per article that has entities, in document order; entities sorted by type and name. */
export function formatExtraction(entries: readonly Entry[], extraction: Extraction): string {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const blocks: string[] = [];
  entries.forEach((entry, index) => {
    const mentions = extraction.mentions.filter((m) => m.entry === index);
    if (mentions.length === 0) return;
    const lines = mentions
      .map((m) => {
        const entity = byId.get(m.entity);
        const quotes = m.evidence.map((e) => `"${fieldText(entry, e.field, e.index).slice(e.start, e.end)}" (${place(e)})`);
        return `  ${(entity?.type ?? "?").padEnd(12)} ${(entity?.name ?? m.entity).padEnd(28)} ${quotes.join(", ")}`;
      })
      .sort();
    blocks.push(`${entry.line}: ${entry.title}\n${lines.join("\n")}`);
  });
  return blocks.join("\n\n");
}
