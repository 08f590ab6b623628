/**
 * A dropped file becomes text as the command line reads a file (scripts/lib/cli.ts
 * `readTextFile`): UTF-8 only, binary refused, a byte-order mark dropped, line ends made "\n",
 * and a refusal names the file and, where there is one, the line.
 */
import { describe, expect, it } from "vitest";
import { SourceError } from "../../../src/core/pipeline/index";
import { decodeList, MAX_LIST_BYTES } from "../../../src/app/import/text";

const bytesOf = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

function refusal(bytes: Uint8Array, name = "list.txt"): string {
  try {
    decodeList(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return String(error);
  }
  throw new Error("not refused");
}

describe("decodeList", () => {
  it("reads UTF-8, drops a byte-order mark and makes every line end \\n", () => {
    expect(decodeList(bytesOf([0xef, 0xbb, 0xbf], "Café\r\n- one\r- two\n"), "list.txt")).toBe("Café\n- one\n- two\n");
  });

  it("refuses binary data at the line of its first NUL", () => {
    expect(refusal(bytesOf("a\nb\n", [0], "c"))).toBe("list.txt:3: not a text file (binary data)");
  });

  it("refuses invalid UTF-8 (Latin-1, say) at its line", () => {
    expect(refusal(bytesOf("first\nsecond caf", [0xe9], "\n"), "notes.md")).toBe("notes.md:2: not a text file (invalid UTF-8)");
  });

  it("refuses a file with nothing but blanks", () => {
    expect(refusal(bytesOf(" \n\t\n"))).toBe("list.txt: file is empty");
  });

  it("refuses more than the command line reads", () => {
    expect(refusal(new Uint8Array(MAX_LIST_BYTES + 1).fill(0x41))).toBe("list.txt: larger than 50 MB");
  });
});
