/**
 * A reading list's bytes as text, or the reason they are not one: binary data (a NUL byte) or
 * invalid UTF-8, each with the line where it starts, or nothing but blanks. A byte-order mark is
 * dropped and line ends become "\n", so every reader (the command line, the page's import
 * worker) builds from the same text. The largest list anyone reads is `MAX_INPUT_BYTES`.
 */
import { InputError } from "../types";

/** The most bytes one reading list may hold: past it, a list is refused, not cut. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** How MAX_INPUT_BYTES reads in messages and help. */
export const MAX_INPUT_LABEL = `${MAX_INPUT_BYTES / (1024 * 1024)} MB`;

/** `bytes` as text; throws InputError (with the line, where there is one) when they are not a text file. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`larger than ${MAX_INPUT_LABEL}`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError("not a text file (binary data)", lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("not a text file (invalid UTF-8)", lineAt(bytes, firstInvalidUtf8(bytes)));
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new InputError("file is empty");
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
