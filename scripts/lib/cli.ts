/**
 * What every command-line script shares: reading an input file with one-line errors that name
 * the file (and line), writing outputs atomically, and a `main` wrapper that turns expected
 * failures into `error: FILE:LINE: message` and exit code 1, never a stack trace.
 */
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../../src/core/types";

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "CliError";
  }

  override toString(): string {
    const place = this.file === undefined ? "" : `${this.file}${this.line === undefined ? "" : `:${this.line}`}: `;
    return `error: ${place}${this.message}`;
  }
}

/** Attach the file name to an InputError thrown by a parser; other errors pass through. */
export function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError) throw new CliError(error.message, file, error.line);
    throw error;
  }
}

/**
 * Reads a UTF-8 text file. Missing, unreadable, empty, binary or non-UTF-8 files are refused
 * with a message naming the file (and, for bad bytes, the line they are on).
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliError("is a directory, not a file", file);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(error), file);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new CliError("not a text file (binary data)", file, lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError("not a text file (invalid UTF-8)", file, lineAt(bytes, firstInvalidUtf8(bytes)));
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new CliError("file is empty", file);
  return text;
}

/** Writes through a temporary file in the same folder, then renames: readers never see half a file. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write: ${describeFsError(error)}`, file);
  }
}

/** Runs a script's main function; expected failures become one line on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof CliError) {
      console.error(error.toString());
    } else if (error instanceof Error && error.name === "UsageError") {
      console.error(`error: ${error.message} (see --help)`);
      process.exitCode = 2;
      return;
    } else {
      console.error(`error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      if (process.env.DEBUG) console.error(error);
    }
    process.exitCode = 1;
  });
}

export class UsageError extends Error {
  override name = "UsageError";
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a file";
    case "ENOTDIR":
      return "a parent of this path is not a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Bisect on prefixes: a prefix that decodes (allowing a cut multi-byte tail) is clean.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/**
 * Reads the command line with `node:util` parseArgs, adding `-h, --help`; unknown options and
 * missing values become a UsageError (one line, exit code 2).
 */
export function readArguments<const Options extends NonNullable<ParseArgsConfig["options"]>>(
  options: Options,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
