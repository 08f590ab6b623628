/**
 * Appearance as data: the colour and size scales shared by the build (which bakes them into
 * graph.json) and the app (whose legend explains them). Pure d3-scale factories.
 */
import { scaleOrdinal, scaleSqrt } from "d3-scale";
import { ENTITY_TYPES, type EntityType } from "../types";

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and still
 * apart on a washed-out projector. Articles stay neutral so concepts carry the colour.
 */
export const ARTICLE_COLOR = "#5f6b7a";
export const entityColor = scaleOrdinal<EntityType, string>()
  .domain(ENTITY_TYPES)
  .range(["#D55E00", "#0072B2", "#009E73", "#CC79A7"]);

/** Size ranges, in sigma's node size units (pixels at camera ratio 1). */
export const ENTITY_SIZE_RANGE: readonly [number, number] = [3, 22];
export const ARTICLE_SIZE_RANGE: readonly [number, number] = [3, 9];

/** Area, not radius, grows with the count: `scaleSqrt`, clamped so outliers do not swamp the view. */
export function entitySizeScale(maxArticleCount: number) {
  return scaleSqrt()
    .domain([1, Math.max(2, maxArticleCount)])
    .range(ENTITY_SIZE_RANGE)
    .clamp(true);
}

export function articleSizeScale(maxConceptCount: number) {
  return scaleSqrt()
    .domain([0, Math.max(1, maxConceptCount)])
    .range(ARTICLE_SIZE_RANGE)
    .clamp(true);
}
