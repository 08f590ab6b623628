/** graphology-gexf's writer module on its own (see ./gexf.ts): the same function its entry point exports. */
declare module "graphology-gexf/common/writer.js" {
  import type { write } from "graphology-gexf";
  const writeGexf: typeof write;
  export default writeGexf;
}
