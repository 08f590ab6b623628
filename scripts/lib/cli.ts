/**
 * What every command-line script shares: reading an input file within bounds, with one-line
 * errors that name the file (and line); writing outputs so that a reader (or a static build)
 * never sees half of one; reading arguments strictly; and a `main` wrapper that turns every
 * failure into one line on stderr, never a stack trace (DEBUG=1 prints it).
 */
import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { mkdir, open, readdir, realpath, rename, rm, rmdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../../src/core/types";
import { decodeText, MAX_INPUT_BYTES, MAX_INPUT_LABEL } from "../../src/core/parse/bytes";
import { describeFailure, firstLine as oneLine } from "../../src/core/failure";

/** The largest input read, in bytes (50 MB): a reading list is text; anything larger is a mistake. */
export { MAX_INPUT_BYTES, MAX_INPUT_LABEL };

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CliError";
  }

  override toString(): string {
    const place = this.file === undefined ? "" : `${this.file}${this.line === undefined ? "" : `:${this.line}`}: `;
    return `error: ${place}${this.message}`;
  }
}

/** A bad command line: one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs `work` on behalf of `file`: whatever it throws becomes a CliError naming the file: an
 * InputError keeps its line, and a library's own failure (a stack overflow on deep nesting, a
 * RangeError, anything) keeps its message, and the original as `cause` for DEBUG=1.
 */
export function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asFileError(error, file);
  }
}

function asFileError(error: unknown, file: string): CliError {
  if (error instanceof CliError) return error.file === undefined ? new CliError(error.message, file, error.line, { cause: error }) : error;
  if (error instanceof InputError) return new CliError(oneLine(error.message), file, error.line, { cause: error });
  return new CliError(describeFailure(error), file, undefined, { cause: error });
}

/**
 * Reads a UTF-8 text file. Only a regular file is read: a directory, a FIFO, a device or a socket
 * is refused from its `stat`, before anything opens it (opening a FIFO blocks, reading
 * /dev/zero never ends). A file larger than MAX_INPUT_BYTES is refused, and so are missing,
 * unreadable, empty, binary or non-UTF-8 files, each with one message naming the file (and, for
 * bad bytes, their line).
 */
export async function readTextFile(file: string): Promise<string> {
  const bytes = await readBoundedFile(file);
  return inFile(file, () => decodeText(bytes));
}

async function readBoundedFile(file: string): Promise<Buffer> {
  const info = await stat(file).catch((error: unknown) => {
    throw new CliError(describeFsError(error), file);
  });
  refuseUnlessRegular(info, file);
  // The path could be swapped for a FIFO between stat and open: O_NONBLOCK makes such an open
  // return at once instead of waiting for a writer, and fstat below sees what was opened.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY).catch((error: unknown) => {
    throw new CliError(describeFsError(error), file);
  });
  try {
    const opened = await handle.stat();
    refuseUnlessRegular(opened, file);
    // Read one byte past the limit, so a file that grew since stat is still refused, not cut.
    const buffer = Buffer.alloc(Math.min(opened.size, MAX_INPUT_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_INPUT_BYTES) throw tooLarge(file);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(error), file);
  } finally {
    await handle.close();
  }
}

function refuseUnlessRegular(info: Stats, file: string): void {
  if (info.isFile()) {
    if (info.size > MAX_INPUT_BYTES) throw tooLarge(file);
    return;
  }
  throw new CliError(`${kindOf(info)}, not a regular file`, file);
}

function tooLarge(file: string): CliError {
  return new CliError(`larger than the ${MAX_INPUT_LABEL} an input may be`, file);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "is a directory";
  if (info.isFIFO()) return "is a named pipe (FIFO)";
  if (info.isSocket()) return "is a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "is a device";
  return "is not a file";
}

/**
 * What tells two paths apart as files: the device and inode of an existing file (so a symbolic
 * or hard link is the file it points to), else the resolved real path it would be created at.
 */
export async function fileIdentity(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info) return `inode:${info.dev}:${info.ino}`;
  const folder = await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path)));
  return `path:${join(folder, basename(path))}`;
}

/** One file to write: where, and its whole content. */
export interface Output {
  file: string;
  data: string;
}

/**
 * Writes every output or none. Each is written in full to a temporary file first, and only when
 * all were written are they renamed into place, the first output last: a failed secondary
 * output (a --gexf that names a folder) leaves the primary one untouched, and a build killed at
 * any point leaves every earlier output whole. Temporary files live where a static build never
 * picks them up (see `stagingFolders`); each write first removes those that dead processes left.
 */
export async function writeOutputs(outputs: readonly Output[]): Promise<void> {
  const folders: string[][] = [];
  for (const { file } of outputs) {
    await prepareOutput(file);
    folders.push(await stagingFolders(file));
    for (const folder of folders.at(-1)!) await removeAbandoned(folder, file);
  }
  const staged: { output: Output; temporary: string }[] = [];
  try {
    for (const [i, output] of outputs.entries()) staged.push({ output, temporary: await stage(output, folders[i]!) });
    for (const entry of [...staged].reverse()) entry.temporary = await commit(entry.output, entry.temporary);
  } finally {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
  }
  await Promise.all(outputs.map(({ file }) => removeEmptyHiddenStaging(file)));
}

/**
 * Makes sure `file` can be written: its folder exists (it is created), and it is not a folder
 * itself. Run before long work too, so a wrong output path fails at once.
 */
export async function prepareOutput(file: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (info?.isDirectory()) throw new CliError("cannot write: is a directory", file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write: ${describeFsError(error)}`, file);
  }
}

/** Every temporary file is named `.<output name>.<pid>.<random>.tmp`: hidden, and the pid says whose it is. */
const TEMPORARY = /^\.(?<name>.+)\.(?<pid>\d+)\.[0-9a-f]{8}\.tmp$/;
/** What earlier versions left beside the output: `.<output name>.<pid>.tmp`. */
const LEGACY_TEMPORARY = /^\.(?<name>.+)\.(?<pid>\d+)\.tmp$/;
/** The hidden folder beside the output's folder, when the system's temporary folder is on another device. */
export const HIDDEN_STAGING = ".insight-graph-staging";

/**
 * Where the temporary files for `file` may go, best first. A rename only works within one
 * file system, so: the system's temporary folder when it is on the output folder's device, then
 * a hidden folder beside the output's folder (`public/graph.json` → `.insight-graph-staging/`,
 * which `vite build` never copies), then, as a last resort, the output folder itself.
 */
export async function stagingFolders(file: string): Promise<string[]> {
  const folder = resolve(dirname(file));
  const parent = dirname(folder);
  const candidates: string[] = [];
  const [outputDevice, tmpDevice] = await Promise.all([deviceOf(folder), deviceOf(tmpdir())]);
  if (outputDevice !== undefined && outputDevice === tmpDevice) {
    candidates.push(join(tmpdir(), `insight-graph-staging-${process.getuid?.() ?? "user"}`));
  }
  if (parent !== folder) candidates.push(join(parent, HIDDEN_STAGING));
  candidates.push(folder);
  return candidates;
}

async function deviceOf(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.dev;
}

/** Writes `output` to a temporary file in the first staging folder that takes it. */
async function stage(output: Output, folders: readonly string[]): Promise<string> {
  let lastError: unknown;
  for (const folder of folders) {
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temporary = join(folder, `.${basename(output.file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      const handle = await open(temporary, "wx");
      try {
        await handle.writeFile(output.data);
        await handle.sync();
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      } finally {
        await handle.close();
      }
      return temporary;
    } catch (error) {
      lastError = error;
      // A folder we may not write to (another user's, a read-only mount): try the next one.
      if (!["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) break;
    }
  }
  throw new CliError(`cannot write: ${describeFsError(lastError)}`, output.file);
}

/**
 * Renames the temporary file into place. Should the rename still cross devices (EXDEV: a mount
 * inside the output's path), the output is staged again in the next folders, nearer to it.
 */
async function commit(output: Output, temporary: string): Promise<string> {
  try {
    await rename(temporary, output.file);
    return temporary;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw new CliError(`cannot write: ${describeFsError(error)}`, output.file);
    await rm(temporary, { force: true });
    const folders = await stagingFolders(output.file);
    const nearer = folders.slice(folders.indexOf(dirname(temporary)) + 1);
    if (nearer.length === 0) throw new CliError(`cannot write: ${describeFsError(error)}`, output.file);
    return commit(output, await stage(output, nearer));
  }
}

/**
 * Removes the temporary files that processes no longer running left in `folder` (a killed
 * build's), and, beside `output`, those earlier versions left there.
 */
async function removeAbandoned(folder: string, output: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const beside = resolve(folder) === resolve(dirname(output));
  await Promise.all(
    names.map(async (name) => {
      const own = TEMPORARY.exec(name)?.groups;
      const legacy = beside ? LEGACY_TEMPORARY.exec(name)?.groups : undefined;
      // Beside the output, only files named after an output: the folder is the user's.
      const found = beside ? (own?.name === basename(output) ? own : legacy?.name === basename(output) ? legacy : undefined) : own;
      if (found && !isRunning(Number(found.pid))) await rm(join(folder, name), { force: true });
    }),
  );
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The hidden staging folder goes once it holds nothing, so it does not linger beside the project. */
async function removeEmptyHiddenStaging(file: string): Promise<void> {
  await rmdir(join(dirname(resolve(dirname(file))), HIDDEN_STAGING)).catch(() => undefined);
}

/** Runs a script's main function: every failure becomes one line on stderr (exit 1, or 2 for usage). */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${oneLine(error.message)} (see --help)`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof CliError ? oneLine(error.toString()) : `error: ${describeFailure(error)}`);
    if (process.env.DEBUG) console.error(error instanceof CliError && error.cause !== undefined ? error.cause : error);
    process.exitCode = 1;
  });
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
      return "is a directory";
    case "ENOTDIR":
      return "a parent of this path is not a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return error instanceof Error ? oneLine(error.message) : String(error);
  }
}

/**
 * Reads the command line with `node:util` parseArgs, adding `-h, --help`. Unknown options,
 * missing values and an option given twice (parseArgs would silently keep the last) become a
 * UsageError (one line, exit code 2); only options declared `multiple` may repeat.
 */
export function readArguments<const Options extends NonNullable<ParseArgsConfig["options"]>>(
  options: Options,
  allowPositionals = false,
) {
  try {
    const { tokens, ...parsed } = parseArgs({
      args: process.argv.slice(2),
      options: { ...options, help: { type: "boolean", short: "h", default: false } },
      allowPositionals,
      strict: true,
      tokens: true,
    });
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== "option") continue;
      const repeatable = (options as ParseArgsConfig["options"])?.[token.name]?.multiple === true;
      if (seen.has(token.name) && !repeatable) throw new UsageError(`--${token.name} given more than once`);
      seen.add(token.name);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
