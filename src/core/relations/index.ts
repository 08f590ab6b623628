/**
 * Relations the build adds to the mention graph: related articles (TF-IDF cosine of the concepts
 * they mention) and co-occurring concepts (named together more often than chance).
 */
export { related, DEFAULT_RELATED_OPTIONS, type RelatedEdge, type RelatedOptions } from "./related";
export { cooccurs, DEFAULT_COOCCURS_OPTIONS, logLikelihoodRatio, type CooccursEdge, type CooccursOptions } from "./cooccurs";
export { mentionIncidence, type MentionIncidence } from "./incidence";
