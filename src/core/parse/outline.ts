/**
 * An outline as it is gathered: sections in the order they are first named, each with its
 * subsections in the order they are first named, no name twice. Every reader of a format, the
 * merge of several inputs and the graph build gather one this way; names are looked up in maps,
 * so gathering stays linear however many sections a document has.
 */
import type { Section } from "../types";

export class OutlineBuilder {
  /** Section name → its subsections (a Set keeps insertion order). */
  private readonly sections = new Map<string, Set<string>>();

  /** Adds `section` if it is new and, unless it is "", `subsection` under it. */
  add(section: string, subsection = ""): this {
    let subsections = this.sections.get(section);
    if (!subsections) this.sections.set(section, (subsections = new Set()));
    if (subsection !== "") subsections.add(subsection);
    return this;
  }

  /** Adds every section of `sections` and its subsections, in their order. */
  addAll(sections: readonly Section[]): this {
    for (const { name, subsections } of sections) {
      this.add(name);
      for (const subsection of subsections) this.add(name, subsection);
    }
    return this;
  }

  /** The outline gathered so far, as plain data. */
  toSections(): Section[] {
    return [...this.sections].map(([name, subsections]) => ({ name, subsections: [...subsections] }));
  }
}
