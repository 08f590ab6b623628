/**
 * Where JSON text goes wrong, and why, in words and by line and column. `JSON.parse` says so
 * in a different form in every engine (some give only an offset, Safari gives nothing), so a
 * file a person hand-edited is read again by this scanner once `JSON.parse` has refused it.
 * It follows RFC 8259 and keeps its own stack, so deep nesting cannot overflow the call stack.
 */

export interface JsonSyntaxError {
  /** From 1. */
  line: number;
  /** From 1, in characters (UTF-16 code units) of that line. */
  column: number;
  message: string;
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const failure = scan(text);
  return failure && { ...lineAndColumn(text, failure.at), message: failure.message };
}

interface Failure {
  at: number;
  message: string;
}

/**
 * What the scanner expects next: a value (after a comma in an array too), a value or "]" just
 * after "[", a property name or "}" just after "{", a property name after a comma, or what
 * follows a complete value.
 */
type Expect = "value" | "value-or-end" | "name-or-end" | "name" | "after";

function scan(text: string): Failure | undefined {
  const open: ("{" | "[")[] = [];
  let at = 0;
  let expect: Expect = "value";
  const fail = (message: string, where = at): Failure => ({ at: where, message });

  for (;;) {
    at = skipSpace(text, at);
    const c = text[at];
    if (expect === "after") {
      const container = open.at(-1);
      if (container === undefined) return c === undefined ? undefined : fail(`unexpected ${shown(c)} after the end of the JSON value`);
      const close = container === "{" ? "}" : "]";
      if (c === ",") {
        at += 1;
        expect = container === "{" ? "name" : "value";
      } else if (c === close) {
        at += 1;
        open.pop();
      } else {
        const what = container === "{" ? "a property value" : "an item";
        return fail(c === undefined ? `the file ends inside ${container === "{" ? "an object" : "an array"}` : `expected "," or "${close}" after ${what}, found ${shown(c)}`);
      }
      continue;
    }
    if (c === undefined) return fail(expect === "value" && open.length === 0 ? "no JSON value (the file is empty)" : "the file ends too early");
    if (expect === "name" || expect === "name-or-end") {
      if (c === "}" && expect === "name-or-end") {
        at += 1;
        open.pop();
        expect = "after";
        continue;
      }
      if (c !== '"') {
        if (c === "}") return fail('a comma before "}" (JSON allows no trailing comma)');
        return fail(`expected a property name in double quotes, found ${shown(c)}`);
      }
      const end = scanString(text, at);
      if (typeof end !== "number") return end;
      at = skipSpace(text, end);
      if (text[at] !== ":") return fail(text[at] === undefined ? "the file ends too early" : `expected ":" after a property name, found ${shown(text[at]!)}`);
      at += 1;
      expect = "value";
      continue;
    }
    // A value.
    if (c === "]" && expect === "value-or-end") {
      at += 1;
      open.pop();
      expect = "after";
      continue;
    }
    if (c === "{" || c === "[") {
      open.push(c);
      at += 1;
      expect = c === "{" ? "name-or-end" : "value-or-end";
      continue;
    }
    const end = c === '"' ? scanString(text, at) : c === "-" || isDigit(c) ? scanNumber(text, at) : scanLiteral(text, at);
    if (typeof end !== "number") {
      if (c === "]" && open.at(-1) === "[") return fail('a comma before "]" (JSON allows no trailing comma)');
      return end;
    }
    at = end;
    expect = "after";
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at += 1;
  return at;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** The end of the string starting at `start` (its opening quote), or why it is not one. */
function scanString(text: string, start: number): number | Failure {
  let at = start + 1;
  for (;;) {
    const c = text[at];
    if (c === undefined) return { at: start, message: "a string that is never closed" };
    if (c === '"') return at + 1;
    if (c === "\n" || c === "\r") return { at, message: "a line break inside a string (write \\n, or close the string)" };
    if (c < " ") return { at, message: `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}) inside a string` };
    if (c === "\\") {
      const escaped = text[at + 1];
      if (escaped === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) return { at, message: "\\u must be followed by four hexadecimal digits" };
        at += 6;
        continue;
      }
      if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) return { at, message: `an escape JSON does not have (${shown(`\\${escaped ?? ""}`)})` };
      at += 2;
      continue;
    }
    at += 1;
  }
}

/** The end of the number starting at `start`: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
function scanNumber(text: string, start: number): number | Failure {
  const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  match.lastIndex = start;
  const found = match.exec(text);
  const end = found ? start + found[0].length : start;
  // A number must end where a value may: "01", "1.", "-" or "1e" are not numbers.
  if (!found || found[0] === "-" || /[0-9A-Za-z.+\-]/.test(text[end] ?? " ")) return { at: start, message: "a malformed number" };
  return end;
}

function scanLiteral(text: string, start: number): number | Failure {
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, start) && !/[A-Za-z0-9_]/.test(text[start + literal.length] ?? " ")) return start + literal.length;
  }
  const c = text[start]!;
  if (c === "'") return { at: start, message: "a string in single quotes (JSON wants double quotes)" };
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(start, start + 40))?.[0];
  if (word) return { at: start, message: `unexpected word ${shown(word)} (text must be in double quotes)` };
  return { at: start, message: `unexpected ${shown(c)}` };
}

/** A character or short text as a message shows it. */
function shown(text: string): string {
  if (text.length === 1 && text < " ") return `U+${text.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return JSON.stringify(text.length > 20 ? `${text.slice(0, 19)}…` : text);
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
