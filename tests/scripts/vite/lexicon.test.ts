import { describe, expect, it } from "vitest";
import { LEXICON_MODULE, lexiconPlugin } from "../../../scripts/vite/lexicon";
import { LEXICON_DIR, loadLexicon } from "../../../scripts/lib/lexicon";

type Hook = (this: { addWatchFile(file: string): void }, id: string) => Promise<string | undefined> | string | undefined;

describe("the lexicon plugin (virtual:insight-graph/lexicon)", () => {
  const plugin = lexiconPlugin();
  const resolveId = plugin.resolveId as unknown as Hook;
  const load = plugin.load as unknown as Hook;

  it("resolves only its own module id", () => {
    const context = { addWatchFile() {} };
    expect(resolveId.call(context, LEXICON_MODULE)).toBe(`\0${LEXICON_MODULE}`);
    expect(resolveId.call(context, "virtual:something-else")).toBeUndefined();
    expect(resolveId.call(context, "./lexicon.json")).toBeUndefined();
  });

  it("exports the lexicon the command line loads, term for term, and watches every lexicon file", async () => {
    const watched: string[] = [];
    const code = await load.call({ addWatchFile: (file) => watched.push(file) }, `\0${LEXICON_MODULE}`);
    const match = /^export default JSON\.parse\((.*)\);\n$/s.exec(code ?? "");
    expect(match).not.toBeNull();
    const exported = JSON.parse(JSON.parse(match![1]!) as string);
    expect(exported).toEqual(JSON.parse(JSON.stringify(await loadLexicon())));
    expect(watched).toContain(`${LEXICON_DIR}/techniques.json`);
    expect(watched.some((file) => file.includes("/catalogues/"))).toBe(true);
  });

  it("leaves other modules to Vite", async () => {
    expect(await load.call({ addWatchFile() {} }, "/src/app/main.ts")).toBeUndefined();
  });
});
