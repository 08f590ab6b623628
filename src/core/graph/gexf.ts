/** The GEXF export moved to src/core/exports/gexf.ts, beside the other formats; this keeps earlier imports working. */
export { GEXF_CREATOR, LIST_SEPARATOR, toGexf } from "../exports/gexf";
