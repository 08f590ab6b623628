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
 * - Nested lists make micromark's subtokenizer quadratic in the whole document: every pass of
 *   `subtokenize` applies its edit map (`micromark-util-edit-map` `consume`) to all the events
 *   so far (a tight list of 2,000 items with one nested bullet each: 7 s, 86% of it in
 *   `consume`; 4,000: 31 s), so {@link parseInChunks} splits the document between top-level
 *   blocks, list items included, and each chunk (about {@link CHUNK_SIZE} characters) is parsed
 *   on its own. Known limit: every chunk
 *   carries a copy of the reference definitions, so chunks grow to four times their size and a
 *   document with very many definitions and nested lists is parsed in fewer, slower chunks.
 */
import { InputError } from "../../types";

/** Deepest nesting of lists and block quotes read: deeper than any reading list needs. */
export const MAX_NESTING = 32;
/** Most closing brackets (`]`) in one paragraph, table row or heading. */
export const MAX_BRACKETS = 256;
/** A chunk ends at the first safe cut after this many characters (smaller is faster on nested lists). */
export const CHUNK_SIZE = 8_192;

/**
 * A line a chunk may start at. `sibling`: the line is an ordered item numbered other than 1
 * with this delimiter, which starts an item only as the next item of an open ordered list
 * (it cannot interrupt a paragraph), so the chunk before it must end in such a list.
 */
export interface Cut {
  /** 0-based index of the line. */
  line: number;
  sibling?: "." | ")";
}

/** What micromark made of one chunk: its top-level nodes, and the lines before the chunk. */
export interface ParsedChunk<Node> {
  nodes: Node[];
  lineOffset: number;
}

/** The part of an mdast root the chunk check reads (kept structural, so this module needs no mdast). */
interface TreeNode {
  type: string;
  ordered?: boolean | null;
  identifier?: string;
  label?: string | null;
  position?: { start: { line: number; column: number } };
  children?: TreeNode[];
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Checks the bounds above (throws `InputError` naming the line), then parses the document in
 * chunks with `parse` (text, first line), each about `chunkSize` characters, and returns every
 * chunk's top-level nodes in document order, as one parse of the whole would give them.
 *
 * Where a chunk may start (a cut), found by one pass over the lines outside fenced code and
 * HTML comments:
 * - after a blank line, a line at column 0 that opens no block quote: it closes every open list
 *   item and paragraph, so what follows reads the same alone;
 * - a list item at column 0 with content (not a thematic break or a table's delimiter row): it
 *   closes every item above it, and a bullet or an item numbered 1 interrupts any paragraph, so
 *   it starts an item wherever it stands; another number starts one only as a sibling.
 * Only micromark knows whether a fenced code block or an HTML block was still open at a cut
 * (they swallow what follows them, blank lines and list items included), so each chunk's parse
 * is checked: when its last top-level node is code or HTML, or a sibling cut does not follow an
 * ordered list of its delimiter, the cut is not taken and the chunk is parsed again, twice as
 * long. A list split between its items becomes several lists with the same items, which is all
 * the reader looks at.
 *
 * Reference definitions (`[label]: url`) apply document-wide, and micromark reads
 * `[text][label]` as a link only when `label` is defined, so every chunk ends with a copy of
 * the definitions (its nodes are not returned: each definition comes once, where it stands).
 * The line scan guesses which lines are definitions; micromark decides (a definition may sit in
 * a list item; a `[label]:` line may continue a paragraph), so when the labels it found differ
 * from the guess, the document is parsed again with copies of exactly those labels. Chunks grow
 * with the copies so that they stay a small share of the work.
 */
export function parseInChunks<Node extends TreeNode>(
  text: string,
  parse: (chunk: string, firstLine: number) => { children: Node[] },
  chunkSize = CHUNK_SIZE,
): ParsedChunk<Node>[] {
  const lines = text.split(LINE_BREAK);
  const guessed: string[] = [];
  const cuts: Cut[] = [];
  const scan = new LineScan();
  for (let index = 0; index < lines.length; index++) {
    const cut = scan.read(lines[index]!, index + 1);
    if (cut && index > 0) cuts.push({ line: index, ...(cut === true ? {} : { sibling: cut }) });
    if (scan.definition) guessed.push(lines[index]!);
  }
  const chunks = parseChunks(lines, cuts, guessed.join("\n"), parse, chunkSize);
  if (chunks.length === 1) return chunks;
  const found = chunks.flatMap((chunk) => definitionsIn(chunk.nodes));
  const copied = guessed.length > 0 ? definitionsIn(parse(guessed.join("\n"), 1).children) : [];
  const identifiers = (definitions: readonly TreeNode[]) => [...new Set(definitions.map((node) => node.identifier))].sort().join("\n");
  if (identifiers(found) === identifiers(copied)) return chunks;
  const copies = found.map((node) => `[${node.label ?? node.identifier}]: #`).join("\n");
  return parseChunks(lines, cuts, copies, parse, chunkSize);
}

/** The document's chunks, cut where {@link endsBefore} allows, each parsed with `copies` after it. */
function parseChunks<Node extends TreeNode>(
  lines: readonly string[],
  cuts: readonly Cut[],
  copies: string,
  parse: (chunk: string, firstLine: number) => { children: Node[] },
  chunkSize: number,
): ParsedChunk<Node>[] {
  const shared = copies === "" ? "" : `\n\n${copies}\n`;
  const size = Math.max(chunkSize, 4 * shared.length);
  /** Character offset of every line's start, and of the end. */
  const offsets = [0];
  for (const line of lines) offsets.push(offsets.at(-1)! + line.length + 1);

  const result: ParsedChunk<Node>[] = [];
  let from = 0;
  let next = 0;
  while (from < lines.length) {
    while (next < cuts.length && cuts[next]!.line <= from) next++;
    for (let want = size; ; want *= 2) {
      let end = next;
      while (end < cuts.length && offsets[cuts[end]!.line]! - offsets[from]! < want) end++;
      const cut = cuts[end];
      const to = cut?.line ?? lines.length;
      const own = lines.slice(from, to).join("\n");
      const root = parse(from === 0 && cut === undefined ? own : own + shared, from + 1);
      const nodes = root.children.filter((node) => (node.position?.start.line ?? Infinity) <= to - from);
      if (cut === undefined || endsBefore(cut, nodes, lines, from)) {
        result.push({ nodes, lineOffset: from });
        from = to;
        break;
      }
    }
  }
  return result;
}

/** The definition nodes among `nodes` and in their lists, items and block quotes. */
function definitionsIn(nodes: readonly TreeNode[]): TreeNode[] {
  const found: TreeNode[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "definition") found.push(node);
    else if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") stack.push(...[...(node.children ?? [])].reverse());
  }
  return found;
}

/**
 * Whether the chunk starting at line index `from`, parsed as `nodes`, leaves the state a fresh
 * parse starts from at `cut`: no fenced code or HTML block open at its end, and for a sibling
 * cut an ordered list of the same delimiter still open. The check is on the last top-level node
 * of the chunk's own lines; nested blocks all close at a line that starts at column 0. Code and HTML refuse the cut even when closed: safe, rare.
 */
function endsBefore(cut: Cut, nodes: readonly TreeNode[], lines: readonly string[], from: number): boolean {
  const last = nodes.at(-1);
  if (last?.type === "code" || last?.type === "html") return false;
  if (cut.sibling === undefined) return true;
  const item = last?.type === "list" && last.ordered ? last.children?.at(-1) : undefined;
  if (!item?.position) return false;
  const { line, column } = item.position.start;
  return /^\d{1,9}([.)])/.exec(lines[from + line - 1]!.slice(column - 1))?.[1] === cut.sibling;
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

  /**
   * Reads line `number`; returns whether a chunk may start at it (see {@link parseInChunks}):
   * `true`, or the delimiter of an ordered item that may start one only as a sibling.
   */
  read(line: string, number: number): boolean | "." | ")" {
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
    const cut = boundary || itemCut(line, markers, quotes, rest);
    if (this.markers.length + quotes > MAX_NESTING) {
      throw new InputError(`lists and block quotes nested deeper than ${MAX_NESTING} levels`, number);
    }

    const fence = /^(`{3,}|~{3,})/.exec(rest);
    if (fence) {
      this.fence = { char: fence[1]![0]!, length: fence[1]!.length };
      this.previousBlank = false;
      return cut;
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
    if (!this.inTable && this.previousHadPipe && TABLE_DELIMITER_ROW.test(rest) && rest.includes("-")) {
      this.inTable = true;
    }
    if (startsBlock) this.startParagraph(number);
    for (let i = 0; i < rest.length; i++) if (rest.charCodeAt(i) === 93 /* ] */) this.brackets++;
    if (this.brackets > MAX_BRACKETS) {
      throw new InputError(`more than ${MAX_BRACKETS} closing brackets ("]") in one paragraph`, this.paragraphLine);
    }
    this.previousHadPipe = rest.includes("|");
    this.previousBlank = false;
    return cut;
  }

  private startParagraph(number: number): void {
    this.brackets = 0;
    this.paragraphLine = number;
  }
}

const TABLE_DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Whether a line with these containers is a list item at column 0 with content, that is not
 * also a table's delimiter row (`- | - |`): `true` for a bullet or an item numbered 1, which
 * start an item wherever they stand; the delimiter for another number.
 */
function itemCut(line: string, markers: readonly number[], quotes: number, rest: string): boolean | "." | ")" {
  if (quotes > 0 || markers[0] !== 0 || rest.trim() === "" || TABLE_DELIMITER_ROW.test(line)) return false;
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (!ordered || ordered[1] === "1") return true;
  return ordered[2] as "." | ")";
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
