import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readDictionary, refresh, serialise, type KnownTerm, type Review } from "../../scripts/lexicon/catalogues";
import { parseFoldocArticle, selectFoldoc, type SelectionContext } from "../../scripts/lexicon/foldoc";
import { abbreviates, acronymsFor, parseVeraArticle } from "../../scripts/lexicon/vera";
import { PROJECT_ROOT } from "../../scripts/lib/paths";

const FIXTURES = join(PROJECT_ROOT, "tests/fixtures/lexicon");
const NO_REVIEW: Review = { rejected: [], accepted: [], overrides: [] };

function article(text: string) {
  return parseFoldocArticle({ headwords: [], text });
}

const context: SelectionContext = {
  isCommonWord: (w) => ["snapshot", "wibble", "scope"].includes(w),
  stopwords: new Set(["database", "server"]),
  citations: new Map([
    ["multiversionconcurrencycontrol", 2],
    ["snapshotisolation", 1],
    ["localvariable", 3],
    ["openkerberos", 4],
    ["bloomfilter", 1],
    ["bloomfilteralgorithm", 1],
    ["forwarderrorcorrection", 1],
    ["concurrenthaskell", 1],
  ]),
};

describe("reading FOLDOC articles", () => {
  it("takes every headword line, the tags of each sense and the revision date", () => {
    const a = article("Multi-Version Concurrency Control\nMVCC\n\n   <database> (MVCC) Readers see a {snapshot}.\n\n   (2019-01-01)\n\n");
    expect(a).toEqual({ names: ["Multi-Version Concurrency Control", "MVCC"], senses: [{ tags: ["database"], text: "<database> (MVCC) Readers see a {snapshot}." }], revised: "2019-01-01" });
  });

  it("splits numbered senses, each with its own tags", () => {
    const a = article("ls\n\n   1. <file system, tool> The Unix command.\n\n   2. <networking> The country code for Lesotho.\n\n   (2000-03-18)\n");
    expect(a.senses.map((s) => s.tags)).toEqual([["file system", "tool"], ["networking"]]);
  });
});

describe("the FOLDOC selection rules", () => {
  const select = (text: string) => selectFoldoc(article(text), context);

  it("keeps a cited concept of the field and makes its acronym an alias", () => {
    expect(select("Multi-Version Concurrency Control\nMVCC\n\n   <database> (MVCC) x.\n\n   (1999-01-01)\n")).toEqual({
      judged: { name: "Multi-Version Concurrency Control", type: "technique", aliases: ["MVCC"] },
    });
  });

  it("types a current proper name under product tags as a technology, one word with its case", () => {
    expect(select("OpenKerberos\n\n   <security, protocol> An authentication protocol.\n\n   (2008-01-01)\n").judged).toEqual({
      name: "OpenKerberos",
      type: "technology",
      aliases: [],
      caseSensitive: true,
    });
  });

  it("refuses one capitalised word, which every sentence may open with", () => {
    expect(select("Finder\n\n   <operating system, software> The file manager.\n\n   (2008-01-01)\n").refusal).toBe("common-word");
  });

  it("refuses what is off the field, untagged, ambiguous, or only an acronym", () => {
    expect(select("Bloom filter\n\n   <jargon, algorithm> x\n\n   (2008-01-01)\n").refusal).toBe("off-field");
    expect(select("Bloom filter\n\n   A filter, with no tag.\n").refusal).toBe("untagged");
    expect(select("Bloom filter\n\n   1. <algorithm> x\n\n   2. <networking> y\n").refusal).toBe("ambiguous");
    expect(select("KRB\n\n   <security> x\n").refusal).toBe("acronym-only");
  });

  it("refuses one common-noun word, even under a method's tag, and everyday phrases", () => {
    expect(select("scope\n\n   <algorithm> x\n").refusal).toBe("common-word");
    expect(select("ciphertext\n\n   <cryptography> x\n").refusal).toBe("common-word");
    expect(select("local variable\n\n   <programming> x\n").refusal).toBe("everyday-phrase");
  });

  it("refuses a name no other article cites", () => {
    expect(select("frobnicator algorithm\n\n   <algorithm> x\n").refusal).toBe("unreferenced");
  });

  it("takes what the review accepted despite rules 4 to 6, never despite the field or the shape", () => {
    const accepting = { ...context, accepted: new Set(["localvariable", "frobnicatoralgorithm", "wibble"]) };
    expect(selectFoldoc(article("local variable\n\n   <programming> x\n"), accepting).judged?.name).toBe("local variable");
    expect(selectFoldoc(article("frobnicator algorithm\n\n   <algorithm> x\n"), accepting).judged?.name).toBe("frobnicator algorithm");
    expect(selectFoldoc(article("wibble\n\n   <jargon> x\n"), accepting).refusal).toBe("off-field");
  });

  it("refuses product names that are historic or read as ordinary phrases, and leaves languages to Linguist", () => {
    expect(select("OpenKerberos\n\n   <security, protocol> A protocol developed in 1975.\n\n   (2008-01-01)\n").refusal).toBe("historic");
    expect(select("OpenKerberos\n\n   <security, protocol> An obsolete protocol.\n\n   (2008-01-01)\n").refusal).toBe("historic");
    expect(select("Concurrent Haskell\n\n   <language, functional programming> x\n\n   (2008-01-01)\n").refusal).toBe("language");
    const ordinary = { ...context, isCommonWord: (w: string) => ["basic", "open", "look"].includes(w), stopwords: new Set(["system", "server"]) };
    const cited = (name: string) => ({ ...ordinary, citations: new Map([[name, 1]]) });
    expect(selectFoldoc(article("Open Look\n\n   <operating system> A look and feel.\n"), cited("openlook")).refusal).toBe("ordinary-phrase");
    // An abbreviation makes a name of ordinary words.
    expect(selectFoldoc(article("Basic Server System\nBSS\n\n   <networking> x\n"), cited("basicserversystem")).judged?.name).toBe("Basic Server System");
  });

  it("reads a capitalised expansion ending in a method word as a technique, unless a tag says product", () => {
    expect(select("Forward Error Correction\nFEC\n\n   <networking> x\n\n   (2008-01-01)\n").judged?.type).toBe("technique");
    expect(select("Forward Error Correction\nFEC\n\n   <networking, protocol> x\n\n   (2008-01-01)\n").judged?.type).toBe("technology");
    expect(select("Bloom filter algorithm\n\n   <database, software> x\n").judged?.type).toBe("technique");
  });
});

describe("V.E.R.A. acronyms", () => {
  const vera = (text: string) => parseVeraArticle({ headwords: [], text });

  it("reads the expansion without brackets, topics and a trailing qualifier", () => {
    expect(vera("MVCC\n       MultiVersion Concurrency Control [system] (PostgeSQL, DB)\n")).toEqual({ acronym: "MVCC", expansion: "MultiVersion Concurrency Control" });
    expect(vera("AAA\n       Authentication, Authorization and Accounting [= Triple A]\n")?.expansion).toBe("Authentication, Authorization and Accounting");
  });

  it("offers only distinctive acronyms: one expansion, three letters or more, made of its initials, not taken", () => {
    const list = [
      { acronym: "SI", expansion: "Snapshot Isolation" },
      { acronym: "SNISO", expansion: "SNapshot ISOlation" },
      { acronym: "SNAPI", expansion: "Snapshot Isolation" },
      { acronym: "ZTP", expansion: "Zero Touch Provisioning" },
      { acronym: "ZTP", expansion: "Zorp Transfer Protocol" },
      { acronym: "MVCC", expansion: "Multi-Version Concurrency Control" },
    ];
    expect(acronymsFor(list, new Set(["mvcc"]))).toEqual(new Map([["snapshotisolation", ["SNISO"]]]));
  });
});

describe("an acronym abbreviates its expansion", () => {
  it("by the initials of its words and the capitals inside them, in order", () => {
    expect(abbreviates("RSVP", "Resource ReSerVation Protocol")).toBe(true);
    expect(abbreviates("SASL", "Simple Authentication and Security Layer")).toBe(true);
    expect(abbreviates("WMF", "Wikipedia")).toBe(false);
    expect(abbreviates("MMIO", "memory-mapped files")).toBe(false);
  });
});

describe("a refresh", () => {
  const curated: KnownTerm[] = [{ name: "snapshot isolation", type: "technique", aliases: ["SI"] }];

  async function run(review: Review = NO_REVIEW) {
    const [foldoc, vera] = await Promise.all([readDictionary(FIXTURES, "foldoc", "test"), readDictionary(FIXTURES, "vera", "test")]);
    return refresh({ foldoc, vera, curated, stopwords: ["database"], review });
  }

  it("writes the selected terms with their catalogue, leaving out what the curated lexicon has", async () => {
    const { files } = await run();
    expect(files.get("foldoc")?.terms).toEqual([
      { name: "hacker's delight algorithm", type: "technique", catalogue: "foldoc" },
      { name: "Multi-Version Concurrency Control", type: "technique", aliases: ["MVCC"], catalogue: "foldoc" },
      { name: "Zorp Transfer Protocol", type: "technology", catalogue: "foldoc" },
    ]);
    expect(files.get("foldoc")?.source).toMatchObject({ id: "foldoc", version: "test", licence: "GFDL-1.1-or-later" });
  });

  it("drops an acronym alias that V.E.R.A. expands in more than one way", async () => {
    // The fixture's FOLDOC spells "Zorp Transfer Protocol" / "ZTP"; its V.E.R.A. also has "Zero Touch Provisioning".
    const { files } = await run();
    expect(files.get("foldoc")?.terms.find((t) => t.name === "Zorp Transfer Protocol")?.aliases).toBeUndefined();
  });

  it("lends a curated term the acronym V.E.R.A. gives its expansion, and only that", async () => {
    const { files } = await run();
    expect(files.get("vera")?.terms).toEqual([{ name: "snapshot isolation", type: "technique", aliases: ["SNISO"], catalogue: "vera" }]);
    expect(files.get("vera")?.adds).toBe("aliases");
  });

  it("keeps the review's rejections, acceptances and overrides", async () => {
    const review: Review = {
      rejected: [{ catalogue: "foldoc", name: "Hacker's Delight algorithm", reason: "a book's title" }],
      accepted: [{ catalogue: "foldoc", name: "local variable", reason: "a concept, whatever its tags" }],
      overrides: [{ catalogue: "foldoc", name: "Zorp Transfer Protocol", type: "technique", broad: true }],
    };
    const { files, refusals } = await run(review);
    const names = files.get("foldoc")?.terms.map((t) => t.name);
    expect(names).not.toContain("hacker's delight algorithm");
    expect(refusals.get("rejected by review")).toBe(1);
    expect(names).toContain("local variable");
    expect(files.get("foldoc")?.terms.find((t) => t.name === "Zorp Transfer Protocol")).toMatchObject({ type: "technique", broad: true });
  });

  it("reports the review decisions that name nothing in their source any more", async () => {
    const gone = { catalogue: "foldoc", name: "quantum frobnication", reason: "generic" };
    const kept = { catalogue: "foldoc", name: "local variable", reason: "generic" };
    const { unused } = await run({ rejected: [gone, kept], accepted: [], overrides: [] });
    expect(unused).toEqual([gone]);
  });

  it("writes the same bytes twice", async () => {
    const first = serialise((await run()).files.get("foldoc")!);
    const second = serialise((await run()).files.get("foldoc")!);
    expect(second).toBe(first);
    expect(JSON.parse(first).terms).toHaveLength(3);
  });
});

describe("npm run lexicon:refresh", () => {
  const exec = promisify(execFile);
  const tsx = join(PROJECT_ROOT, "node_modules/.bin/tsx");
  const script = join(PROJECT_ROOT, "scripts/lexicon/refresh.ts");

  async function lexicon(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "lexicon-refresh-"));
    await writeFile(join(dir, "sources.json"), JSON.stringify({ linguist: { types: [], singleWordTypes: [], exclude: [] }, simpleIcons: { exclude: [] }, stopwords: [], glueWords: [] }));
    await writeFile(join(dir, "techniques.json"), JSON.stringify({ type: "technique", terms: [{ name: "snapshot isolation" }] }));
    await mkdir(join(dir, "catalogues"));
    await writeFile(join(dir, "catalogues/review.json"), JSON.stringify(NO_REVIEW));
    return dir;
  }

  it("rewrites the catalogue files byte for byte on a rerun", async () => {
    const dir = await lexicon();
    await exec(tsx, [script, "--dict-dir", FIXTURES, "--lexicon", dir]);
    const first = await readFile(join(dir, "catalogues/foldoc.json"), "utf8");
    await exec(tsx, [script, "--dict-dir", FIXTURES, "--lexicon", dir]);
    expect(await readFile(join(dir, "catalogues/foldoc.json"), "utf8")).toBe(first);
    expect(JSON.parse(first).terms.map((t: { name: string }) => t.name)).toContain("Multi-Version Concurrency Control");
  });

  it("names the missing package and how to install it", async () => {
    const dir = await lexicon();
    const empty = await mkdtemp(join(tmpdir(), "no-dict-"));
    await cp(join(FIXTURES, "vera.index"), join(empty, "vera.index"));
    const failure = await exec(tsx, [script, "--dict-dir", empty, "--lexicon", dir]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr.trim()).toMatch(/^error: .*foldoc\.index: dict-foldoc is not installed .*apt-get install -y dict-foldoc$/);
  });
});
