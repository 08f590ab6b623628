/** Concepts above and below each other: the broader/narrower hierarchy of an extraction. */
export {
  broaderRelations,
  DEFAULT_BROADER_OPTIONS,
  type BroaderOptions,
  type BroaderOrigin,
  type BroaderRelation,
  type ConceptHierarchy,
} from "./broader";
