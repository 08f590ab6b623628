/** Communities: the named, coloured regions of the article–concept graph. */
export {
  bySize,
  communities,
  DEFAULT_COMMUNITY_OPTIONS,
  type CommunityOptions,
  type CommunityOptionsInput,
  type CommunityResult,
} from "./detect";
export {
  communityNames,
  DEFAULT_NAMING_OPTIONS,
  rankConcepts,
  specificity,
  type ConceptCounts,
  type NamingInput,
  type NamingOptions,
} from "./naming";
export {
  communityColors,
  COMMUNITY_SCHEME,
  DEFAULT_COLOR_OPTIONS,
  OTHER_COLOR,
  type CommunityColorOptions,
  type CommunityLink,
} from "./colors";
