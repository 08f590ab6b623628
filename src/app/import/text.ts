/**
 * A reading list's bytes as text, refused in the command line's words when they are not one
 * (src/core/parse/bytes.ts, which scripts/lib/cli.ts `readTextFile` uses too): the message names
 * the list, and the line where bad bytes start.
 */
import { decodeText, MAX_INPUT_BYTES } from "../../core/parse/bytes";
import { inSource } from "../../core/pipeline/index";

/** The command line's limit on one input. */
export const MAX_LIST_BYTES = MAX_INPUT_BYTES;

export function decodeList(bytes: Uint8Array, name: string): string {
  return inSource(name, () => decodeText(bytes));
}
