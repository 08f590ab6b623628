/** The shared command-line library: arguments, build time, and all-or-nothing writes. */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTimeFromEnvironment, inputNames } from "../../scripts/lib/build";
import { CliError, HIDDEN_STAGING, inFile, readArguments, stagingFolders, UsageError, writeOutputs } from "../../scripts/lib/cli";
import { InputError } from "../../src/core/types";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "insight-graph-cli-lib-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readArguments", () => {
  function withArgv<T>(args: string[], work: () => T): T {
    const saved = process.argv;
    process.argv = [saved[0]!, "script.ts", ...args];
    try {
      return work();
    } finally {
      process.argv = saved;
    }
  }
  const options = { input: { type: "string", multiple: true }, out: { type: "string" } } as const;

  it("collects an option meant to repeat, in order", () => {
    expect(withArgv(["--input", "a", "--input=b"], () => readArguments(options)).values.input).toEqual(["a", "b"]);
  });

  it("refuses any other option given twice, in whichever spelling", () => {
    expect(() => withArgv(["--out", "a", "--out=b"], () => readArguments(options))).toThrow(new UsageError("--out given more than once"));
    expect(() => withArgv(["-h", "--help"], () => readArguments(options))).toThrow(/--help given more than once/);
  });

  it("refuses unknown options and missing values as usage errors", () => {
    expect(() => withArgv(["--nope"], () => readArguments(options))).toThrow(UsageError);
    expect(() => withArgv(["--out"], () => readArguments(options))).toThrow(UsageError);
  });
});

describe("inFile", () => {
  it("names the file and keeps the line of an InputError", () => {
    const error = (() => {
      try {
        inFile("list.md", () => {
          throw new InputError("bad heading", 7);
        });
      } catch (e) {
        return e as CliError;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect(String(error)).toBe("error: list.md:7: bad heading");
  });

  it("names the file of any other failure, keeping the original as its cause", () => {
    const cause = new RangeError("Invalid array length");
    try {
      inFile("list.md", () => {
        throw cause;
      });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toBe("error: list.md: Invalid array length");
      expect((error as CliError).cause).toBe(cause);
    }
  });
});

describe("buildTimeFromEnvironment (SOURCE_DATE_EPOCH)", () => {
  it("records no time when it is unset or empty", () => {
    expect(buildTimeFromEnvironment({})).toBeUndefined();
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "" })).toBeUndefined();
  });

  it("reads whole seconds since 1970 as that UTC time", () => {
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "0" })?.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: "1700000000" })?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
  });

  it.each(["now", " 1", "1.0", "-5", "0x10", "999999999999999"])("refuses %j", (value) => {
    expect(() => buildTimeFromEnvironment({ SOURCE_DATE_EPOCH: value })).toThrow(UsageError);
  });
});

describe("inputNames", () => {
  it("names inputs by their base names, or by their paths when base names collide", () => {
    expect(inputNames(["data/a.md", "b.txt"])).toEqual(["a.md", "b.txt"]);
    expect(inputNames(["x/list.md", "y/list.md", "z.html"])).toEqual(["x/list.md", "y/list.md", "z.html"]);
  });
});

describe("writeOutputs", () => {
  it("stages temporary files outside the output's folder, where a static build never looks", async () => {
    const out = join(dir, "site", "public", "graph.json");
    const [first] = await stagingFolders(out);
    expect(first).not.toBe(dirname(out));
    expect([join(tmpdir(), `insight-graph-staging-${process.getuid?.() ?? "user"}`), join(dir, "site", HIDDEN_STAGING)]).toContain(first);
  });

  it("writes every output, and leaves nothing else behind", async () => {
    const folder = join(dir, "both");
    await writeOutputs([
      { file: join(folder, "graph.json"), data: "{}" },
      { file: join(folder, "graph.gexf"), data: "<gexf/>" },
    ]);
    expect((await readdir(folder)).sort()).toEqual(["graph.gexf", "graph.json"]);
    expect(await readdir(dir)).not.toContain(HIDDEN_STAGING);
    expect(await readFile(join(folder, "graph.gexf"), "utf8")).toBe("<gexf/>");
  });

  it("writes nothing when one output cannot be written: the earlier files stay as they were", async () => {
    const folder = join(dir, "one-bad");
    await mkdir(join(folder, "graph.gexf"), { recursive: true });
    await writeFile(join(folder, "graph.json"), "earlier");
    await expect(
      writeOutputs([
        { file: join(folder, "graph.json"), data: "new" },
        { file: join(folder, "graph.gexf"), data: "<gexf/>" },
      ]),
    ).rejects.toThrow(/is a directory/);
    expect(await readFile(join(folder, "graph.json"), "utf8")).toBe("earlier");
    expect((await readdir(folder)).sort()).toEqual(["graph.gexf", "graph.json"]);
  });

  it("reports a file it cannot create as one CliError naming it", async () => {
    const blocker = join(dir, "a-file");
    await writeFile(blocker, "");
    await expect(writeOutputs([{ file: join(blocker, "graph.json"), data: "{}" }])).rejects.toThrow(CliError);
  });
});
