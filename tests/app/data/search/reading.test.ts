import { describe, expect, it } from "vitest";
import { nameKey, queryTerms, tokenize, tokenizeName } from "../../../../src/app/data/search/reading";

describe("queryTerms", () => {
  it("reads hyphens, underscores, dots and spaces alike: every part is a word", () => {
    for (const query of ["lsm-tree", "LSM_tree", "lsm tree", "LSM.Tree"]) expect(queryTerms(query)).toEqual(["lsm", "tree"]);
  });

  it("does not add the joined form, which a name written with a space would not have", () => {
    expect(queryTerms("consistent-hashing")).toEqual(["consistent", "hashing"]);
  });

  it("folds case and accents and keeps C++ and C#", () => {
    expect(queryTerms("Café C++ C#")).toEqual(["cafe", "c++", "c#"]);
  });
});

describe("nameKey", () => {
  it("is one key however a name is cased, accented or split", () => {
    const keys = ["LSM tree", "lsm-tree", "LSM_Tree", "LSMTree", "lsmtree"].map(nameKey);
    expect(new Set(keys)).toEqual(new Set(["lsmtree"]));
    expect(nameKey("io_uring")).toBe(nameKey("io uring"));
    expect(nameKey("Café")).toBe(nameKey("cafe"));
  });

  it("tells different names apart", () => {
    expect(nameKey("CoDel")).not.toBe(nameKey("Claude Code"));
    expect(nameKey("C++")).not.toBe(nameKey("C#"));
  });
});

describe("tokenizeName", () => {
  it("indexes whole words, compounds joined", () => {
    expect(tokenizeName("LSM tree\nio_uring", "names")).toEqual(["lsm", "tree", "iouring"]);
  });

  it("indexes the parts of compounds apart, in their own field", () => {
    expect(tokenizeName("pg_repack\nNode.js\nKafka", "parts")).toEqual(["pg", "repack", "node", "js"]);
  });
});

describe("tokenize (insight text)", () => {
  it("indexes compounds whole and in parts", () => {
    expect(tokenize("io_uring rings")).toEqual(["io", "uring", "iouring", "rings"]);
  });
});
