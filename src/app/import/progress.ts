/**
 * How far an import is, in words and as one bar: the pipeline's stages (src/core/pipeline) said
 * for a reader, and a pace-keeper so the worker posts a few messages a second, not one per article.
 */
import { PIPELINE_STAGES, type PipelineProgress, type PipelineStage } from "../../core/pipeline/index";

/** What each stage does, for the person waiting. */
const STAGE_WORDS: Record<PipelineStage, string> = {
  parse: "Reading the list",
  extract: "Finding concepts",
  graph: "Linking articles and concepts",
  metrics: "Measuring the graph",
  layout: "Laying out the map",
};

/**
 * Each stage's rough share of a build's time (CPU seconds of a 1,000-article list, README's scale
 * table: extraction is most of it, parsing and layout much of the rest), so that one bar moves
 * steadily across the whole build instead of filling once per stage.
 */
const STAGE_SHARE: Record<PipelineStage, number> = { parse: 0.15, extract: 0.65, graph: 0.04, metrics: 0.04, layout: 0.12 };

export interface ProgressWords {
  /** The stage, in words ("Finding concepts"). */
  stage: string;
  /** The units done, when they mean something to a reader ("120 of 919 articles"), else "". */
  count: string;
  /** The whole build's share done, 0 to 1, for a progress bar. */
  fraction: number;
}

export function describeProgress(progress: PipelineProgress): ProgressWords {
  const { stage, done, total } = progress;
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  let before = 0;
  for (const earlier of PIPELINE_STAGES) {
    if (earlier === stage) break;
    before += STAGE_SHARE[earlier];
  }
  const count = stage === "extract" ? `${done.toLocaleString("en")} of ${total.toLocaleString("en")} ${total === 1 ? "article" : "articles"}` : "";
  return { stage: STAGE_WORDS[stage], count, fraction: Math.min(1, before + STAGE_SHARE[stage] * within) };
}

/**
 * Passes progress on at most once every `intervalMs`, except what a reader must not miss: a
 * stage's start and its end. A progress report dropped in between is only ever superseded by a
 * later one, so nothing is held back for later.
 */
export function paced(
  post: (progress: PipelineProgress) => void,
  intervalMs = 200,
  now: () => number = () => performance.now(),
): (progress: PipelineProgress) => void {
  let last = -Infinity;
  let stage: PipelineStage | undefined;
  return (progress) => {
    const at = now();
    const milestone = progress.stage !== stage || progress.done === 0 || progress.done >= progress.total;
    if (!milestone && at - last < intervalMs) return;
    stage = progress.stage;
    last = at;
    post(progress);
  };
}
