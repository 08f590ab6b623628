/** Modules made by this project's Vite plugins (scripts/vite/). */
declare module "virtual:insight-graph/lexicon" {
  import type { Lexicon } from "../core/extract/lexicon";
  /** The extraction lexicon the command line resolves from data/lexicon (scripts/vite/lexicon.ts). */
  const lexicon: Lexicon;
  export default lexicon;
}
