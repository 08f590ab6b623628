/**
 * A reading list's bytes as text, refused in the command line's words (scripts/lib/cli.ts
 * `readTextFile`) when they are not one: binary data or invalid UTF-8 (with the line where it
 * starts), nothing but blanks, or more than the command line reads. A byte-order mark is dropped
 * and line ends become "\n", so the page builds from the same text the command line would.
 */
import { SourceError } from "../../core/pipeline/index";

/** The command line's limit on one input (scripts/lib/cli.ts MAX_INPUT_BYTES). */
export const MAX_LIST_BYTES = 50 * 1024 * 1024;

export function decodeList(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_LIST_BYTES) throw new SourceError(`larger than ${MAX_LIST_BYTES / (1024 * 1024)} MB`, name);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new SourceError("not a text file (binary data)", name, lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError("not a text file (invalid UTF-8)", name, lineAt(bytes, firstInvalidUtf8(bytes)));
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new SourceError("file is empty", name);
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that is not UTF-8: the longest prefix that decodes, found by bisection. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      // `stream` allows a multi-byte character cut at the end of the prefix.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
