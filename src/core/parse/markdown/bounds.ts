/**
 * Bounds on what micromark is asked to read, checked by one linear pass over the lines before
 * parsing. This is a guard, not a parser: it over-estimates (it may see nesting or a paragraph
 * where CommonMark sees less) but never under-estimates, so it can only refuse, never misread.
 *
 * Measured on micromark 4 (CPU time, 2-core machine), each limit answers one super-linear case:
 * - Container nesting (lists and block quotes) costs micromark work proportional to the depth on
 *   every line, and its recursion overflows the stack near 4,000 levels (`- - - … x` on one
 *   line: 2,000 levels 5.7 s, 4,000 levels "Maximum call stack size exceeded" after 29 s).
 *   {@link MAX_NESTING} levels keep every line's cost constant.
 * - Closing brackets in one paragraph: each `[…]` that does not become a link leaves data tokens
 *   that micromark merges with an `Array#splice` per run, quadratic in the paragraph
 *   (`[a]` × 20,000: 3.6 s; × 80,000: 33 s). {@link MAX_BRACKETS} per paragraph bounds it.
 * - Nested lists make micromark's subtokenizer quadratic in the whole document (2,000 items with
 *   one nested bullet each: 11 s; 4,000: 43 s), so {@link chunks} splits the document at block
 *   boundaries and each chunk (about {@link CHUNK_SIZE} characters) is parsed on its own: 10,000
 *   such items then take about 11 s under load instead of minutes. Known limit: every chunk
 *   carries a copy of the reference definitions, so chunks grow to four times their size and a
 *   document with very many definitions and nested lists is parsed in fewer, slower chunks.
 */
import { InputError } from "../../types";

/** Deepest nesting of lists and block quotes read: deeper than any reading list needs. */
export const MAX_NESTING = 32;
/** Most closing brackets (`]`) in one paragraph, table row or heading. */
export const MAX_BRACKETS = 256;
/** A chunk ends at the first safe boundary after this many characters (smaller is faster on nested lists). */
export const CHUNK_SIZE = 8_192;

/** A piece of the document parsed on its own; `firstLine` is its 1-based first line. */
export interface Chunk {
  text: string;
  firstLine: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Checks the bounds above (throws `InputError` naming the line) and cuts the document into chunks.
 * A chunk boundary is a line that starts at column 0 after a blank line, outside fenced code and
 * HTML comments: such a line closes every open list and quote, so what follows reads the same
 * alone. Reference definitions (`[label]: url`) apply document-wide, so every chunk gets a copy
 * of them; chunks grow with the definitions so copies stay a small share of the work.
 */
export function chunks(text: string): Chunk[] {
  const lines = text.split(LINE_BREAK);
  const definitions: string[] = [];
  const boundaries: number[] = [];
  const scan = new LineScan();
  for (let index = 0; index < lines.length; index++) {
    if (scan.read(lines[index]!, index + 1) && index > 0) boundaries.push(index);
    if (scan.definition) definitions.push(lines[index]!);
  }
  const shared = definitions.length > 0 ? `\n\n${definitions.join("\n")}\n` : "";
  const size = Math.max(CHUNK_SIZE, 4 * shared.length);

  const result: Chunk[] = [];
  let from = 0;
  let chars = 0;
  let next = 0;
  for (let index = 0; index < lines.length; index++) {
    if (index === boundaries[next]) {
      next++;
      if (chars >= size) {
        result.push({ text: lines.slice(from, index).join("\n") + shared, firstLine: from + 1 });
        from = index;
        chars = 0;
      }
    }
    chars += lines[index]!.length + 1;
  }
  const last = lines.slice(from).join("\n");
  result.push({ text: result.length === 0 ? last : last + shared, firstLine: from + 1 });
  return result;
}

/** One line at a time: container depth, brackets per paragraph, fences, boundaries. */
class LineScan {
  /** Columns of the list markers that may still be open, innermost last. */
  private readonly markers: number[] = [];
  private fence: { char: string; length: number } | undefined;
  private inComment = false;
  private inTable = false;
  private previousBlank = true;
  private previousHadPipe = false;
  private brackets = 0;
  private paragraphLine = 0;
  /** Whether the line just read stands in a run of definitions that follows a blank line. */
  private afterDefinition = false;
  /** Whether the line just read looks like a reference definition. */
  definition = false;

  /** Reads line `number`; returns whether a chunk may start at it. */
  read(line: string, number: number): boolean {
    this.definition = false;
    const boundary = this.previousBlank && !this.fence && !this.inComment && /^[^\s>]/.test(line);
    if (this.fence) {
      if (closesFence(line, this.fence)) this.fence = undefined;
      this.previousBlank = false;
      return false;
    }
    if (this.inComment) {
      if (line.includes("-->")) this.inComment = false;
      this.previousBlank = false;
      return false;
    }
    const blank = line.trim() === "";
    if (blank) {
      this.previousBlank = true;
      this.inTable = false;
      this.startParagraph(number);
      return false;
    }

    const { column, quotes, markers, rest } = leadingContainers(line);
    if (this.previousBlank || markers.length > 0) {
      // After a blank line a less indented line closes the items it is not inside; a marker
      // closes its siblings. Without either, the line may be a lazy continuation: keep them.
      const at = markers[0] ?? column;
      while (this.markers.length > 0 && this.markers[this.markers.length - 1]! >= at) this.markers.pop();
    }
    const listWasOpen = this.markers.length > 0;
    this.markers.push(...markers);
    if (this.markers.length + quotes > MAX_NESTING) {
      throw new InputError(`lists and block quotes nested deeper than ${MAX_NESTING} levels`, number);
    }

    const fence = /^(`{3,}|~{3,})/.exec(rest);
    if (fence) {
      this.fence = { char: fence[1]![0]!, length: fence[1]!.length };
      this.previousBlank = false;
      return boundary;
    }
    if (rest.startsWith("<!--") && !rest.includes("-->")) this.inComment = true;
    // A definition cannot interrupt a paragraph: only after a blank line or another definition.
    const wasDefinition = this.afterDefinition;
    this.definition = quotes === 0 && markers.length === 0 && column <= 3 && /^\[[^\]]+\]:/.test(rest);
    this.afterDefinition = this.definition && (this.previousBlank || wasDefinition);

    // Where a new paragraph (or row, or heading) starts, the bracket count starts again. An
    // ordered marker other than 1 cannot interrupt a paragraph unless a list is already open.
    const ordered = /^\d/.test(markers.length > 0 ? line.slice(markers[0]) : "");
    const startsBlock =
      this.previousBlank ||
      (markers.length > 0 && (!ordered || listWasOpen || /^1[.)]/.test(line.slice(markers[0])))) ||
      /^#{1,6}(\s|$)/.test(rest) ||
      this.afterDefinition ||
      this.inTable;
    if (!this.inTable && this.previousHadPipe && /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(rest) && rest.includes("-")) {
      this.inTable = true;
    }
    if (startsBlock) this.startParagraph(number);
    for (let i = 0; i < rest.length; i++) if (rest.charCodeAt(i) === 93 /* ] */) this.brackets++;
    if (this.brackets > MAX_BRACKETS) {
      throw new InputError(`more than ${MAX_BRACKETS} closing brackets ("]") in one paragraph`, this.paragraphLine);
    }
    this.previousHadPipe = rest.includes("|");
    this.previousBlank = false;
    return boundary;
  }

  private startParagraph(number: number): void {
    this.brackets = 0;
    this.paragraphLine = number;
  }
}

/**
 * The container markers a line opens with: `>` quotes, and list markers (`-`, `*`, `+`, `1.`,
 * `1)`) with the column of each; `rest` is what follows them. Tabs advance to the next stop of 4.
 */
function leadingContainers(line: string): { column: number; quotes: number; markers: number[]; rest: string } {
  let position = 0;
  let column = 0;
  let quotes = 0;
  const markers: number[] = [];
  let firstColumn = -1;
  for (;;) {
    while (position < line.length && (line[position] === " " || line[position] === "\t")) {
      column = line[position] === "\t" ? column + 4 - (column % 4) : column + 1;
      position++;
    }
    if (firstColumn < 0) firstColumn = column;
    const char = line[position];
    if (char === ">") {
      quotes++;
      position++;
      column++;
      continue;
    }
    const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(position, position + 11));
    if (!marker || (markers.length === 0 && isThematicBreak(line.slice(position)))) break;
    // Past the limit the count no longer matters: stop, so a line of markers costs its length.
    if (markers.length > MAX_NESTING) break;
    markers.push(column);
    position += marker[0].length;
    column += marker[0].length;
  }
  return { column: firstColumn, quotes, markers, rest: line.slice(position) };
}

function isThematicBreak(text: string): boolean {
  return /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text);
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const trimmed = line.trimStart();
  let run = 0;
  while (trimmed[run] === fence.char) run++;
  return run >= fence.length && trimmed.slice(run).trim() === "";
}
