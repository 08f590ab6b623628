/**
 * Synthetic reading lists for the scale benchmark: N articles written the way people keep them
 * (a Markdown list under headings, or the bookmarks text format), made from a seeded
 * vocabulary, so a build of 1,000 or 10,000 articles needs no network and gives the same bytes
 * for the same seed.
 *
 * The graph they make has structure: articles come in topics, each topic with its own concepts
 * (names from the reviewed lexicon: techniques, technologies, organisations, people, and a few
 * invented product names, so the vocabulary grows with the list as a real one's does), and a
 * few mentions reach into a neighbouring topic. Topic sizes are skewed (Zipf-like): some
 * subjects hold many articles, most hold a few.
 */
import { loadLexicon } from "./lexicon";
import type { LexiconTerm } from "../../src/core/extract/lexicon";
import { seededRandom } from "../../src/core/random";

/** Names to write with, by what they are. */
export interface SyntheticVocabulary {
  organizations: readonly string[];
  people: readonly string[];
  techniques: readonly string[];
  technologies: readonly string[];
}

export interface SyntheticOptions {
  articles: number;
  /** "markdown": `## Section`, `### Topic`, `- [Title](url) - description`, insights as nested bullets; "text": the bookmarks format. */
  format: "markdown" | "text";
  seed?: number;
}

/** Words of the field that are no one's name, for the text between names. */
const WORDS = [
  "latency", "throughput", "tail latency", "backpressure", "hot partitions", "write amplification", "read path", "write path",
  "cold starts", "memory pressure", "lock contention", "cache misses", "query plans", "schema changes", "rollouts", "incidents",
  "on-call load", "cost", "capacity planning", "failover", "data loss", "observability", "tracing", "batch jobs", "migrations",
  "p99", "hot keys", "fan-out", "retries", "timeouts", "load spikes", "compaction debt", "storage costs", "build times",
];
const VERBS = ["cut", "halved", "removed", "bounded", "exposed", "explained", "traded off", "moved", "smoothed", "isolated"];
const SYLLABLES = ["ka", "ro", "mi", "tu", "sen", "dal", "vor", "qui", "lex", "pa", "zor", "ne", "fi", "gra", "tho", "bel", "cus", "dri"];
const PRODUCT_ENDINGS = ["DB", "MQ", "Flow", "Grid", "Store", "Scale"];

/** Concepts per topic, and mentions of a neighbouring topic's concepts in a hundred. */
const TOPIC_CONCEPTS = 12;
const CROSS_TOPIC_PERCENT = 15;

/**
 * The reviewed lexicon's names, by type: only names the extractor recognises without context
 * words or a request for broad concepts, so the graph's concepts are the ones written.
 */
export async function loadSyntheticVocabulary(): Promise<SyntheticVocabulary> {
  const { terms } = await loadLexicon(undefined, { catalogues: false });
  const plain = terms.filter((term) => (term.source ?? "curated") === "curated" && !term.context && !term.broad);
  const names = (type: LexiconTerm["type"]) => plain.filter((term) => term.type === type).map((term) => term.name);
  return {
    organizations: names("organization"),
    people: names("person"),
    techniques: names("technique"),
    technologies: names("technology"),
  };
}

interface Topic {
  name: string;
  organizations: string[];
  people: string[];
  concepts: string[];
}

/** A reading list of `options.articles` articles; the same options and vocabulary give the same text. */
export function syntheticReadingList(vocabulary: SyntheticVocabulary, options: SyntheticOptions): string {
  const { articles, format, seed = 2026 } = options;
  if (!Number.isInteger(articles) || articles < 1) throw new RangeError("articles: a whole number ≥ 1");
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const product = () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join("").replace(/^./, (c) => c.toUpperCase()) + pick(PRODUCT_ENDINGS);

  // About forty articles a topic, as long lists have them; each topic its own concepts.
  const topics: Topic[] = Array.from({ length: Math.max(4, Math.round(articles / 40)) }, () => {
    const concepts = Array.from({ length: TOPIC_CONCEPTS }, (_, i) =>
      i < 2 ? product() : pick(i % 2 ? vocabulary.technologies : vocabulary.techniques),
    );
    return {
      name: `${concepts[2]} and ${concepts[3]}`,
      organizations: [pick(vocabulary.organizations), pick(vocabulary.organizations)],
      people: [pick(vocabulary.people)],
      concepts,
    };
  });
  // Zipf-like sizes: topic k gets a share proportional to 1 / (k + 1)^0.8, every topic one at least.
  const weights = topics.map((_, k) => 1 / (k + 1) ** 0.8);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * articles)));
  for (let k = 0; sizes.reduce((sum, n) => sum + n, 0) < articles; k = (k + 1) % sizes.length) sizes[k]!++;
  for (let k = sizes.length - 1; sizes.reduce((sum, n) => sum + n, 0) > articles; k--) if (sizes[k]! > 1) sizes[k]!--;

  const titles = new Set<string>();
  const article = (topic: Topic, neighbour: Topic, number: number) => {
    const concept = () => (random() * 100 < CROSS_TOPIC_PERCENT ? pick(neighbour.concepts) : pick(topic.concepts));
    const org = pick(topic.organizations);
    const templates = [
      () => `How ${org} scaled ${concept()} with ${concept()}`,
      () => `${concept()} in practice: lessons from ${org}`,
      () => `Why ${org} moved from ${concept()} to ${concept()}`,
      () => `A deep dive into ${concept()} and ${pick(WORDS)}`,
      () => `${pick(topic.people)} on ${concept()}`,
      () => `Notes on ${concept()}, ${concept()} and ${pick(WORDS)}`,
    ];
    let title = pick(templates)().replace(/^./, (c) => c.toUpperCase());
    if (titles.has(title)) title = `${title} (part ${number})`;
    titles.add(title);
    const description = `${org} ${pick(VERBS)} ${pick(WORDS)} with ${concept()} and ${concept()}`;
    const insights =
      random() < 0.4
        ? Array.from(
            { length: 2 + Math.floor(random() * 4) },
            () => `${concept()} ${pick(VERBS)} ${pick(WORDS)} by ${10 + Math.floor(random() * 80)}% under ${pick(WORDS)}; ${concept()} kept ${pick(WORDS)} flat`,
          )
        : [];
    const url = `https://${org.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example/blog/${number}`;
    return { title, description, insights, url };
  };

  const SECTION_TOPICS = 8;
  const out: string[] = format === "markdown" ? ["# Synthetic reading list", ""] : ["Synthetic reading list", ""];
  let number = 0;
  topics.forEach((topic, k) => {
    if (k % SECTION_TOPICS === 0) {
      const name = `Part ${k / SECTION_TOPICS + 1}: ${topic.name}`;
      // In the text format a blurb (a line ending like a sentence) marks the line above it as a section.
      out.push(...(format === "markdown" ? [`## ${name}`, ""] : [name, `Further reading on ${topic.name}.`]));
    }
    out.push(...(format === "markdown" ? [`### ${topic.name}`, ""] : [topic.name]));
    const neighbour = topics[(k + 1) % topics.length]!;
    for (let i = 0; i < sizes[k]!; i++) {
      const { title, description, insights, url } = article(topic, neighbour, ++number);
      if (format === "markdown") {
        // One tight list per topic, insights nested under their article: the shape that made
        // micromark quadratic before the parser learnt to cut between items.
        out.push(`- [${title}](${url}) - ${description}`, ...insights.map((insight) => `  - ${insight}`));
      } else {
        out.push("-", `${title} -- ${description}`, ...(insights.length > 0 ? ["Key insights:", ...insights.map((insight) => `- ${insight}`)] : []));
      }
    }
    if (format === "markdown") out.push("");
  });
  return out.join("\n") + "\n";
}
