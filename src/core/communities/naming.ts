/**
 * Names for communities: a community is called by the concepts that set it apart, the ones its
 * articles mention and the rest of the graph seldom does ("PostgreSQL · MVCC · vacuum"), not by
 * the ones every region shares. Pure: plain counts in, names out.
 */

/** One concept of a community, with the counts its specificity is made of. */
export interface ConceptCounts {
  /** Node key. */
  key: string;
  label: string;
  /** Articles of the community that mention it. */
  inCommunity: number;
  /** Articles of the whole graph that mention it. */
  inGraph: number;
}

export interface NamingOptions {
  /** Concept labels a name joins at most (default 3). */
  maxConcepts: number;
  /** Concept labels a name joins at least, when the community has that many (default 2). */
  minConcepts: number;
  /** A name takes more than `minConcepts` labels only while it stays this short, in characters (default 40). */
  maxLength: number;
  /** What joins the labels (default " · "). */
  separator: string;
}

export const DEFAULT_NAMING_OPTIONS: NamingOptions = { maxConcepts: 3, minConcepts: 2, maxLength: 40, separator: " · " };

/**
 * How characteristic a concept is of a community, TF-IDF-like: the share of the community's
 * articles that mention it (how much of the region it covers), times the log of how rare it is
 * among all articles (a concept every article mentions tells no region from another: 0).
 * 0 when the community has no article that mentions it.
 */
export function specificity(inCommunity: number, communityArticles: number, inGraph: number, graphArticles: number): number {
  if (inCommunity <= 0 || communityArticles <= 0 || inGraph <= 0 || graphArticles <= 0) return 0;
  return (inCommunity / communityArticles) * Math.log(graphArticles / inGraph);
}

/**
 * A community's concepts, most characteristic first (see `specificity`); ties go to the concept
 * more of its articles mention, then to the one more articles mention overall, then to the
 * smaller key, so the order never depends on the order given.
 */
export function rankConcepts(concepts: readonly ConceptCounts[], communityArticles: number, graphArticles: number): ConceptCounts[] {
  const scored = concepts.map((concept) => ({
    concept,
    score: specificity(concept.inCommunity, communityArticles, concept.inGraph, graphArticles),
  }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.concept.inCommunity - a.concept.inCommunity ||
      b.concept.inGraph - a.concept.inGraph ||
      (a.concept.key < b.concept.key ? -1 : a.concept.key > b.concept.key ? 1 : 0),
  );
  return scored.map(({ concept }) => concept);
}

/** What a community can be named by. */
export interface NamingInput {
  /** Its concepts' labels, most characteristic first (see `rankConcepts`). */
  concepts: readonly string[];
  /**
   * For a community without concepts: the places of its articles, as `[section, subsection]`,
   * and their titles (the first one is the last resort when they sit in no section).
   */
  places: readonly (readonly [section: string, subsection: string])[];
  titles: readonly string[];
}

/**
 * Names for communities, given in the order they are numbered (largest first): each distinct
 * from the names before it. A name joins its first concept labels (see `NamingOptions`); a
 * community without concepts is named by the subsection most of its articles sit in. A name
 * already taken grows by the next concept (or the section with the subsection); when it cannot
 * grow, its shortest form is numbered ("Queues (2)").
 */
export function communityNames(inputs: readonly NamingInput[], options: Partial<NamingOptions> = {}): string[] {
  const settings = { ...DEFAULT_NAMING_OPTIONS, ...options };
  const taken = new Set<string>();
  return inputs.map((input) => {
    // Candidates are made lazily: a region of thousands of concepts needs only its first few.
    let shortest: string | undefined;
    let name: string | undefined;
    for (const candidate of nameCandidates(input, settings)) {
      shortest ??= candidate;
      if (!taken.has(candidate)) {
        name = candidate;
        break;
      }
    }
    // Numbered in its shortest form: the number tells it apart, the longer forms no longer do.
    for (let n = 2; name === undefined; n++) if (!taken.has(`${shortest} (${n})`)) name = `${shortest} (${n})`;
    taken.add(name);
    return name;
  });
}

/** The names a community may take, the preferred (shortest) first; at least one. */
function* nameCandidates(input: NamingInput, settings: NamingOptions): Generator<string> {
  let any = false;
  for (const name of conceptNames(distinctLabels(input.concepts), settings)) {
    any = true;
    yield name;
  }
  if (any) return;
  const place = commonestPlace(input.places);
  if (place !== undefined) {
    const [section, subsection] = place;
    if (subsection === "") yield section;
    else yield* [subsection, `${section} › ${subsection}`];
    return;
  }
  yield input.titles.find((title) => title.trim() !== "") ?? "Untitled";
}

/**
 * Names joined from labels: first the first `minConcepts`, and more up to `maxConcepts` while
 * the name stays within `maxLength`; then each further label added, for a name already taken.
 */
function* conceptNames(labels: Iterable<string>, { maxConcepts, minConcepts, maxLength, separator }: NamingOptions): Generator<string> {
  let name = "";
  let count = 0;
  let settled = false;
  for (const label of labels) {
    const longer = count === 0 ? label : name + separator + label;
    if (!settled && count >= Math.max(1, minConcepts) && (count >= maxConcepts || longer.length > maxLength)) {
      settled = true;
      yield name;
    }
    name = longer;
    count++;
    if (settled) yield name;
  }
  if (!settled && count > 0) yield name;
}

/**
 * The labels, less those whose words repeat an earlier one's ("Amazon Aurora PostgreSQL" after
 * "Amazon Aurora", or the reverse): a name that says a word twice says less.
 */
function* distinctLabels(labels: readonly string[]): Generator<string> {
  const kept: string[] = [];
  const words = (label: string) => ` ${label.trim().toLowerCase().split(/\s+/).join(" ")} `;
  for (const label of labels) {
    const mine = words(label);
    if (kept.some((other) => other.includes(mine) || mine.includes(other))) continue;
    kept.push(mine);
    yield label;
  }
}

/** The place most articles share (the first such in order on a tie); none when no article has a section. */
function commonestPlace(places: NamingInput["places"]): readonly [string, string] | undefined {
  const counts = new Map<string, { place: readonly [string, string]; count: number }>();
  for (const place of places) {
    if (place[0] === "") continue;
    const key = `${place[0]}\u0000${place[1]}`;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { place, count: 1 });
  }
  let best: { place: readonly [string, string]; count: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.count > best.count) best = entry;
  return best?.place;
}
