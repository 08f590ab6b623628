/**
 * Browser bookmark exports: the Netscape bookmark file format that Chrome, Firefox, Edge and
 * Safari write. Folders are `<DT><H3>name</H3>` followed by a `<DL>` of their contents; a
 * bookmark is `<DT><A HREF="…">title</A>`, optionally followed by `<DD>description`. The tags are
 * never closed (`<DT>`, `<DD>`, `<p>`), so the file is read as a stream of tags with htmlparser2,
 * keeping the folder path by `<DL>` depth rather than by a DOM tree.
 *
 * Folder path → outline: a root folder that holds everything ("Bookmarks bar") is skipped, and so is
 * each following level while it is a single folder without bookmarks of its own; then the first
 * folder is the section and the second the subsection (deeper folders fold into the subsection).
 * Firefox's `place:` queries and `javascript:` bookmarklets are not reading material and are skipped.
 */
import { Parser } from "htmlparser2";
import { InputError, type Entry, type ParsedDocument, type Section } from "../types";
import { sourceOf } from "./source";

interface RawBookmark {
  folders: string[];
  title: string;
  url: string;
  description: string;
  line: number;
}

type Capture = "folder" | "bookmark" | "description" | "h1" | "title";

export function parseHtml(text: string): ParsedDocument {
  const lineAt = lineLocator(text);
  const bookmarks: RawBookmark[] = [];
  const folders: string[] = [];
  /** For each open `<DL>`: whether it opened a folder (and so pushed onto `folders`). */
  const lists: boolean[] = [];
  let pendingFolder: string | undefined;
  /** The export's visible heading (`<H1>Bookmarks Menu</H1>`), else its `<TITLE>`. */
  let heading = "";
  let title = "";
  let capture: { kind: Capture; text: string; href?: string; line: number } | undefined;
  let describing: RawBookmark | undefined;

  const finishCapture = (): void => {
    if (!capture) return;
    const value = normalizeSpace(capture.text);
    if (capture.kind === "folder") pendingFolder = value;
    else if (capture.kind === "h1") heading ||= value;
    else if (capture.kind === "title") title ||= value;
    else if (capture.kind === "description" && describing) describing.description = value;
    else if (capture.kind === "bookmark" && capture.href !== undefined) {
      const bookmark = { folders: [...folders], title: value || capture.href, url: capture.href, description: "", line: capture.line };
      bookmarks.push(bookmark);
      describing = bookmark;
    }
    capture = undefined;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(parser.startIndex);
        finishCapture();
        switch (name) {
          case "dl":
            lists.push(pendingFolder !== undefined);
            if (pendingFolder !== undefined) folders.push(pendingFolder);
            pendingFolder = undefined;
            describing = undefined;
            break;
          case "h3":
            capture = { kind: "folder", text: "", line };
            pendingFolder = undefined;
            describing = undefined;
            break;
          case "h1":
          case "title":
            capture = { kind: name, text: "", line };
            break;
          case "a": {
            const href = (attributes.href ?? "").trim();
            pendingFolder = undefined;
            describing = undefined;
            if (href !== "" && !/^(?:place|javascript):/i.test(href)) capture = { kind: "bookmark", text: "", href, line };
            break;
          }
          case "dd":
            if (describing) capture = { kind: "description", text: "", line };
            break;
          case "dt":
            describing = undefined;
            break;
        }
      },
      ontext(data) {
        if (capture) capture.text += data;
      },
      onclosetag(name) {
        if (name === "a" || name === "h3" || name === "h1" || name === "title") {
          if (capture && capture.kind !== "description") finishCapture();
        } else if (name === "dl") {
          finishCapture();
          if (lists.pop()) folders.pop();
          describing = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  finishCapture();

  if (bookmarks.length === 0) throw new InputError("no entries found");
  const skip = skippedRootLevels(bookmarks.map((b) => b.folders));
  const entries = bookmarks.map((b): Entry => {
    const [section = "", subsection = ""] = b.folders.slice(skip);
    return {
      kind: "bookmark",
      title: b.title,
      description: b.description,
      section,
      subsection,
      insights: [],
      note: "",
      source: sourceOf(b.title),
      url: b.url,
      line: b.line,
    };
  });
  return { title: heading || title, sections: outlineOf(entries), entries };
}

/**
 * How many leading folder levels to skip: the sole root ("Bookmarks bar", "Bookmarks Menu") always,
 * then any further level that is again a single folder holding no bookmarks directly.
 */
function skippedRootLevels(paths: string[][]): number {
  let skip = 0;
  for (;;) {
    const roots = new Set(paths.map((p) => p[skip]));
    if (roots.size !== 1 || roots.has(undefined)) return skip;
    const holdsBookmarks = paths.some((p) => p.length === skip + 1);
    if (skip > 0 && holdsBookmarks) return skip;
    skip += 1;
    if (holdsBookmarks) return skip;
  }
}

function outlineOf(entries: Entry[]): Section[] {
  const sections: Section[] = [];
  for (const { section: name, subsection } of entries) {
    if (name === "") continue;
    let section = sections.find((s) => s.name === name);
    if (!section) sections.push((section = { name, subsections: [] }));
    if (subsection !== "" && !section.subsections.includes(subsection)) section.subsections.push(subsection);
  }
  return sections;
}

/** 1-based line of a character offset. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
