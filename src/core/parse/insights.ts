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

/**
 * The bullets of one "Key insights" block while it is read. A bullet's lines are kept apart and
 * joined once, when the block is done: joining as each line comes would copy the growing bullet
 * for every continuation, quadratic in a bullet continued over thousands of lines.
 */
export class InsightBlock {
  private readonly lines: string[][] = [];

  /** A line that starts with `- ` (given without it): a new bullet. */
  addBullet(text: string): void {
    this.lines.push([text]);
  }

  /** A line that does not start with `- `: it continues the last bullet, and may carry a glued one. */
  addContinuation(line: string): void {
    const [head, glued] = splitGlue(line);
    const last = this.lines[this.lines.length - 1];
    if (last) last.push(head);
    else this.lines.push([head]);
    if (glued !== undefined && glued !== "") this.lines.push([glued]);
  }

  bullets(): string[] {
    return this.lines.map(joinLines);
  }
}

/**
 * Joins a bullet and its continuation so the words read as written: a space where the line was
 * broken ("stores" + "_BatchStartPointer(min …" → "stores _BatchStartPointer(min …"), none after an
 * opening bracket or before closing punctuation ("(" + "lsn.flush.mode, …" → "(lsn.flush.mode, …").
 */
export function joinContinuation(bullet: string, continuation: string): string {
  return bullet + separator(bullet, continuation) + continuation;
}

/** `joinContinuation` over all the lines of a bullet, in one pass. */
function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  /** The last non-empty line: the end of the text joined so far. */
  let previous = "";
  for (const line of lines) {
    parts.push(separator(previous, line), line);
    if (line !== "") previous = line;
  }
  return parts.join("");
}

/** What goes between text that ends with `before` and a continuation line. */
function separator(before: string, continuation: string): string {
  if (before === "" || /[([{]$/.test(before) || /^[)\]},.;:!?]/.test(continuation)) return "";
  return " ";
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
 *
 * Comparing each bullet with every earlier one would be quadratic in the bullets of an entry;
 * instead every beginning of a kept bullet that ends at a word boundary is indexed by a hash
 * (linear in the bullets' length), and a hit is confirmed by comparing the strings.
 */
export function mergeInsightBlocks(blocks: readonly (readonly string[])[]): string[] {
  const kept: string[] = [];
  const beginnings = new BeginningIndex();
  for (const bullet of blocks.flat()) {
    const text = bullet.trim();
    if (text === "") continue;
    const earlier = beginnings.lookup(text);
    if (earlier !== undefined && repeats(kept[earlier]!, text)) continue;
    // A hash collision (vanishingly rare): fall back to comparing with every kept bullet.
    if (earlier !== undefined && kept.some((b) => repeats(b, text))) continue;
    beginnings.add(text, kept.length);
    kept.push(text);
  }
  return kept;
}

/** `fragment` equals `bullet` or is its beginning cut at a word boundary. */
function repeats(bullet: string, fragment: string): boolean {
  return bullet.startsWith(fragment) && isCut(bullet, fragment.length);
}

/** Whether `text` cut after `length` code units leaves a whole beginning (not half a word). */
function isCut(text: string, length: number): boolean {
  return length === text.length || !isWordUnit(text, length) || !isWordUnit(text, length - 1);
}

const WORD = /[\p{L}\p{N}_]/u;

/** Whether the code unit at `index` belongs to a word; a surrogate half alone does not. */
function isWordUnit(text: string, index: number): boolean {
  return WORD.test(text.charAt(index));
}

/**
 * Hashes of the beginnings of strings → the index of the first string that began so. Two
 * polynomial hashes modulo primes below 2³¹, combined into one integer below 2⁵³ (exact as a
 * number).
 */
class BeginningIndex {
  private readonly first = new Map<number, number>();

  /** Indexes every beginning of `text` that `repeats` would accept, `text` itself included. */
  add(text: string, index: number): void {
    const hash = new PrefixHash();
    for (let length = 1; length <= text.length; length++) {
      hash.extend(text.charCodeAt(length - 1));
      if (isCut(text, length) && !this.first.has(hash.value)) this.first.set(hash.value, index);
    }
  }

  lookup(text: string): number | undefined {
    const hash = new PrefixHash();
    for (let i = 0; i < text.length; i++) hash.extend(text.charCodeAt(i));
    return this.first.get(hash.value);
  }
}

class PrefixHash {
  private h1 = 0;
  private h2 = 0;

  extend(unit: number): void {
    this.h1 = (this.h1 * 1_000_003 + unit) % 2_147_483_647;
    this.h2 = (this.h2 * 999_983 + unit) % 2_147_483_629;
  }

  /** h1 and the low 22 bits of h2. */
  get value(): number {
    return this.h1 * 4_194_304 + (this.h2 % 4_194_304);
  }
}
