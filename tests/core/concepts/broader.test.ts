import { describe, expect, it } from "vitest";
import { broaderRelations } from "../../../src/core/concepts/index";
import type { LexiconTerm } from "../../../src/core/extract/lexicon";
import type { Entity, EntityType } from "../../../src/core/types";
import { slug } from "../../../src/core/slug";

function entity(name: string, type: EntityType = "technique", aliases: string[] = []): Entity {
  return { id: slug(name), name, type, aliases };
}

function term(name: string, broader?: string[], type: EntityType = "technique"): LexiconTerm {
  return { name, type, ...(broader ? { broader } : {}) };
}

const pairs = (result: ReturnType<typeof broaderRelations>) => result.relations.map((r) => `${r.narrower} → ${r.broader} (${r.origin})`);

describe("broaderRelations: the lexicon's broader fields", () => {
  const terms = [
    term("write-ahead logging"),
    term("WAL archiving", ["write-ahead logging"]),
    term("multiversion concurrency control", ["concurrency control"]),
    term("concurrency control"),
  ];

  it("relate the entities that stand for the terms, narrower → broader", () => {
    const entities = [entity("write-ahead logging", "technique", ["WAL"]), entity("WAL archiving"), entity("MVCC")];
    expect(pairs(broaderRelations(entities, terms, { heads: false }))).toEqual(["wal-archiving → write-ahead-logging (lexicon)"]);
  });

  it("find a term's entity by an alias when the entity is named otherwise", () => {
    const entities = [entity("MVCC", "technique", ["multiversion concurrency control"]), entity("concurrency control")];
    expect(pairs(broaderRelations(entities, terms, { heads: false }))).toEqual(["mvcc → concurrency-control (lexicon)"]);
  });

  it("ignore a broader name the lexicon does not know", () => {
    const entities = [entity("WAL archiving"), entity("archiving")];
    const result = broaderRelations(entities, [term("WAL archiving", ["archiving"])], { heads: false });
    expect(result.relations).toEqual([]);
  });
});

describe("broaderRelations: a broader term no article mentions", () => {
  const terms = [
    term("consensus algorithm"),
    term("Raft", ["consensus algorithm"]),
    term("Paxos", ["consensus algorithm"]),
    term("Zab", ["consensus algorithm"]),
  ];

  it("becomes a grouping concept when two concepts of the graph share it", () => {
    const result = broaderRelations([entity("Raft"), entity("Paxos")], terms);
    expect(result.groups).toEqual([{ id: "consensus-algorithm", name: "consensus algorithm", type: "technique", aliases: [] }]);
    expect(pairs(result)).toEqual(["raft → consensus-algorithm (lexicon)", "paxos → consensus-algorithm (lexicon)"]);
  });

  it("is left out for a single narrower concept: it would group nothing", () => {
    const result = broaderRelations([entity("Raft")], terms);
    expect(result.groups).toEqual([]);
    expect(result.relations).toEqual([]);
  });

  it("follows the threshold given", () => {
    expect(broaderRelations([entity("Raft"), entity("Paxos")], terms, { minNarrower: 3 }).groups).toEqual([]);
  });

  it("stacks: grouping concepts can themselves be grouped", () => {
    const stacked = [
      ...terms,
      term("distributed algorithm"),
      term("consensus algorithm", ["distributed algorithm"]),
      term("gossip protocol", ["distributed algorithm"]),
    ];
    // The first "consensus algorithm" wins (file order), so give the second its broader term.
    const lexicon = [stacked[4]!, stacked[5]!, stacked[6]!, ...terms.slice(1)];
    const result = broaderRelations([entity("Raft"), entity("Paxos"), entity("gossip protocol")], lexicon);
    expect(result.groups.map((g) => g.id).sort()).toEqual(["consensus-algorithm", "distributed-algorithm"]);
    expect(pairs(result)).toContain("consensus-algorithm → distributed-algorithm (lexicon)");
  });
});

describe("broaderRelations: the head rule", () => {
  it("makes a compound narrower than the concept its last words name", () => {
    const entities = [entity("range partitioning"), entity("partitioning"), entity("leaderless replication"), entity("replication")];
    expect(pairs(broaderRelations(entities))).toEqual([
      "range-partitioning → partitioning (head)",
      "leaderless-replication → replication (head)",
    ]);
  });

  it("finds the head by an alias, and a plural head by its singular", () => {
    const entities = [
      entity("SQLite WAL", "technology"),
      entity("write-ahead logging", "technique", ["WAL"]),
      entity("distributed transactions"),
      entity("transaction"),
    ];
    expect(pairs(broaderRelations(entities))).toEqual([
      "sqlite-wal → write-ahead-logging (head)",
      "distributed-transactions → transaction (head)",
    ]);
  });

  it("takes the longest head that names a concept", () => {
    const entities = [entity("geo-distributed hash partitioning"), entity("hash partitioning"), entity("partitioning")];
    expect(pairs(broaderRelations(entities))).toContain("geo-distributed-hash-partitioning → hash-partitioning (head)");
    expect(pairs(broaderRelations(entities))).not.toContain("geo-distributed-hash-partitioning → partitioning (head)");
  });

  it("never takes a brand or an organisation for a kind", () => {
    const entities = [
      entity("Google Cloud", "technology"),
      entity("Cloud", "technology"),
      entity("Amazon Aurora PostgreSQL", "technology"),
      entity("PostgreSQL", "technology"),
      entity("Netflix Engineering", "organization"),
      entity("engineering"),
    ];
    expect(broaderRelations(entities).relations).toEqual([]);
  });

  it("relates no person or organisation, whatever its name ends with", () => {
    const entities = [entity("Bloom Filter Labs", "organization"), entity("Bloom filter")];
    expect(broaderRelations(entities).relations).toEqual([]);
  });

  it("reaches a concept through an acronym or a brand only when the head keeps its capitals", () => {
    const entities = [entity("encryption at rest"), entity("REST"), entity("SQLite WAL", "technology"), entity("write-ahead logging", "technique", ["WAL"])];
    expect(pairs(broaderRelations(entities))).toEqual(["sqlite-wal → write-ahead-logging (head)"]);
  });

  it("reads headline case as no capitals of a name", () => {
    const entities = [entity("ARIES-style write-ahead logging"), entity("Write-Ahead Logging", "technique", ["WAL"])];
    expect(pairs(broaderRelations(entities))).toEqual(["aries-style-write-ahead-logging → write-ahead-logging (head)"]);
  });

  it("reads no kind into a phrase with a preposition: its last words are an object", () => {
    const entities = [entity("composition over inheritance"), entity("inheritance"), entity("encryption at rest"), entity("rest")];
    expect(broaderRelations(entities).relations).toEqual([]);
  });

  it("reads no kind into an empty modifier, nor into a hyphen", () => {
    const entities = [entity("the replication"), entity("replication"), entity("B-tree"), entity("tree")];
    expect(broaderRelations(entities).relations).toEqual([]);
  });

  it("prefers the concept a head labels to one it is only an alias of", () => {
    const entities = [entity("log shipping"), entity("shipping"), entity("package delivery", "technique", ["shipping"])];
    expect(pairs(broaderRelations(entities))).toEqual(["log-shipping → shipping (head)"]);
  });

  it("leaves a head two concepts share at the same level undecided", () => {
    const entities = [entity("log replay"), entity("record and replay", "technique", ["replay"]), entity("message replay", "technique", ["replay"])];
    expect(broaderRelations(entities).relations.filter((r) => r.narrower === "log-replay")).toEqual([]);
  });
});

describe("broaderRelations: no cycle", () => {
  it("drops a relation that would lead back to its narrower concept", () => {
    const terms = [term("A", ["B"]), term("B", ["C"]), term("C", ["A"])];
    const result = broaderRelations([entity("A"), entity("B"), entity("C")], terms);
    expect(pairs(result)).toEqual(["a → b (lexicon)", "b → c (lexicon)"]);
  });

  it("lets the lexicon win over the head rule when they disagree", () => {
    // The lexicon says partitioning is a kind of "range partitioning" (wrongly, on purpose): the
    // head rule's opposite relation would close a cycle and is dropped.
    const terms = [term("partitioning", ["range partitioning"]), term("range partitioning")];
    const result = broaderRelations([entity("range partitioning"), entity("partitioning")], terms);
    expect(pairs(result)).toEqual(["partitioning → range-partitioning (lexicon)"]);
  });

  it("keeps each pair once when the lexicon and the head rule agree", () => {
    const terms = [term("range partitioning", ["partitioning"]), term("partitioning")];
    const result = broaderRelations([entity("range partitioning"), entity("partitioning")], terms);
    expect(pairs(result)).toEqual(["range-partitioning → partitioning (lexicon)"]);
  });
});
