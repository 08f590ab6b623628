/**
 * Repair of "Key insights" bullets damaged by the export that produced the text format.
 *
 * The export lost inline code formatting. Where a bullet's first code span started, it broke
 * the line; the rest of that bullet follows on a line without `- `, and the next bullet is glued
 * onto that same line with ` - ` (or `- ` straight after a word). A glued bullet that has a code
 * span of its own breaks the line again, so a continuation line holds at most one glue, and the
 * glue comes after the code span that opens the line:
 *
 *     - IngestionEngine replaces translog with a no-op; stores
 *     _BatchStartPointer(min offset across active writers) with every Lucene commit for recovery - Recovery: init → retrieve last
 *
 * Telling the glue from a ` - ` that belongs to the text:
 * - only continuation lines are searched: the export never glued onto a line that starts with `- `;
 * - a glued bullet starts like a bullet: a capital or a digit ("- Recovery: …", "- 10-second …"),
 *   or a `label:` ("- ok_or/ok_or_else: convert …"); a subtraction inside the opening code span
 *   (`pg_current_wal_lsn() - restart_lsn;`) does not;
 * - a ` - ` between two digits is a range or a subtraction;
 * - when several candidates remain, the last one is the glue, since the code span that opens the
 *   line comes before it.
 */

/** Adds a line that does not start with `- ` to the last bullet of `block`, splitting off a glued bullet. */
export function appendContinuation(block: string[], line: string): void {
  const [head, glued] = splitGlue(line);
  const last = block.length - 1;
  if (last < 0) block.push(head);
  else block[last] = joinContinuation(block[last]!, head);
  if (glued !== undefined && glued !== "") block.push(glued);
}

/**
 * Joins a bullet and its continuation so the words read as written: a space where the line was
 * broken ("stores" + "_BatchStartPointer(min …" → "stores _BatchStartPointer(min …"), none after an
 * opening bracket or before closing punctuation ("(" + "lsn.flush.mode, …" → "(lsn.flush.mode, …").
 */
export function joinContinuation(bullet: string, continuation: string): string {
  if (bullet === "") return continuation;
  if (/[([{]$/.test(bullet) || /^[)\]},.;:!?]/.test(continuation)) return bullet + continuation;
  return `${bullet} ${continuation}`;
}

/** How a glued bullet starts: a capital, a digit, or a label ending in ":". */
const BULLET_START = /^(?:[\p{Lu}\p{N}]|[^\s:]+:(?:\s|$))/u;

/** `[text before the glue, glued bullet]`, or `[line]` when nothing is glued. */
export function splitGlue(line: string): [string] | [string, string] {
  let glue: { start: number; end: number } | undefined;
  for (const match of line.matchAll(/(\s?)- (?=\S)/g)) {
    const start = match.index;
    const dash = start + match[1]!.length;
    if (dash === 0 || line[dash - 1] === "-") continue;
    const before = line.slice(0, start).trimEnd();
    const after = line.slice(dash + 2);
    if (before === "") continue;
    if (/\d$/.test(before) && /^\d/.test(after)) continue;
    if (!BULLET_START.test(after)) continue;
    glue = { start, end: dash + 2 };
  }
  if (!glue) return [line];
  return [line.slice(0, glue.start).trimEnd(), line.slice(glue.end).trim()];
}

/**
 * One list from several "Key insights" blocks of an entry (two summaries of one article): order
 * kept, exact duplicates dropped. A bullet that only repeats the beginning of an earlier one is
 * dropped too: the export sometimes closes a block with the cut-off first line of its first
 * bullet again ("- Trigger: 84% dead tuples in"), which carries nothing the full bullet lacks.
 */
export function mergeInsightBlocks(blocks: readonly (readonly string[])[]): string[] {
  const kept: string[] = [];
  for (const bullet of blocks.flat()) {
    const text = bullet.trim();
    if (text === "" || kept.some((earlier) => repeats(earlier, text))) continue;
    kept.push(text);
  }
  return kept;
}

/** `fragment` equals `bullet` or is its beginning cut at a word boundary. */
function repeats(bullet: string, fragment: string): boolean {
  if (!bullet.startsWith(fragment)) return false;
  const next = bullet.charAt(fragment.length);
  return next === "" || !/[\p{L}\p{N}_]/u.test(next) || !/[\p{L}\p{N}_]$/u.test(fragment);
}
