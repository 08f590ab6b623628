/**
 * Reading a document into entries: one parser per input format, all pure (text in, data out).
 */
import { InputError, type InputFormat, type ParsedDocument } from "../types";
import { parseHtml } from "./html";
import { parseMarkdown } from "./markdown";
import { parseText } from "./text";

export { sourceOf } from "./source";

const FORMATS: readonly InputFormat[] = ["text", "markdown", "html"];

/** Parses `text` as `format`; throws `InputError` (with a line when one is known) on bad input. */
export function parseDocument(text: string, format: InputFormat): ParsedDocument {
  if (text.trim() === "") throw new InputError("file is empty");
  switch (format) {
    case "text":
      return parseText(text);
    case "markdown":
      return parseMarkdown(text);
    case "html":
      return parseHtml(text);
  }
}

/**
 * The format of a file: an explicit `override` ("text" | "markdown" | "html") wins; otherwise
 * `.md`/`.markdown` is Markdown, `.html`/`.htm` is HTML, anything else is the text format.
 */
export function formatForPath(path: string, override?: string): InputFormat {
  if (override !== undefined) {
    if ((FORMATS as readonly string[]).includes(override)) return override as InputFormat;
    throw new InputError(`unknown format "${override}" (expected ${FORMATS.join(", ")})`);
  }
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "html" || extension === "htm") return "html";
  return "text";
}
