/**
 * Failures said in one line, as the command line and the page both say them (scripts/lib/cli.ts,
 * src/core/pipeline). Kept apart from the pipeline so that a reader of it does not load the
 * extractor.
 */

/** The first line of a message, trimmed: every failure is said in one line. */
export function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0]!.trim();
}

/** A library's failure, said in one line; a stack overflow is what deep nesting does to a parser. */
export function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "nested too deeply to read (maximum call stack size exceeded)";
  return firstLine(error instanceof Error ? error.message : String(error)) || "failed";
}
