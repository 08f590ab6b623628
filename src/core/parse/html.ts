/**
 * Browser bookmark exports: the Netscape bookmark file format that Chrome, Firefox, Edge and
 * Safari write. Folders are `<DT><H3>name</H3>` followed by a `<DL>` of their contents; a
 * bookmark is `<DT><A HREF="…" ADD_DATE="…">title</A>`, optionally followed by `<DD>description`.
 * The tags are never closed (`<DT>`, `<DD>`, `<p>`), so the file is read as a stream of tags with
 * htmlparser2's tokenizer, following the folders by `<DL>` depth rather than through a DOM tree.
 *
 * Folder path → outline: a root folder that holds everything ("Bookmarks bar") is skipped, and so is
 * each following level while it is a single folder without bookmarks of its own; then the first
 * folder is the section and the second the subsection (deeper folders fold into the subsection).
 *
 * Only bookmarks of web pages are entries: an `HREF` must be an absolute http(s) URL as the WHATWG
 * URL parser reads it (`isWebUrl`), after htmlparser2 has decoded its entities. Bookmarklets
 * (`javascript:`, however disguised: `java&#x09;script:`, `&#x01;javascript:`), `vbscript:`,
 * `data:`, Firefox's `place:` queries, `file:` and relative links are skipped.
 *
 * Exports nest folders as deep as their owners like, so time and memory stay linear in the file:
 * folders form a tree with parent links (a bookmark points at its folder instead of copying the
 * path), and each folder's place in the outline is worked out once.
 */
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { InputError, type Entry, type ParsedDocument, type Section } from "../types";
import { isWebUrl } from "../url";
import { OutlineBuilder } from "./outline";
import { sourceOf } from "./source";

/**
 * A folder of the export. Sibling folders of the same name are one folder, as they are one
 * section of the outline. `depth` is 0 for the document itself, 1 for its top-level folders.
 */
interface Folder {
  name: string;
  parent: Folder | undefined;
  depth: number;
  children: Map<string, Folder>;
  /** Whether bookmarks sit directly in this folder. */
  holdsBookmarks: boolean;
  /** Whether bookmarks sit in this folder or any folder below it. */
  leadsToBookmarks: boolean;
  /** Its place in the outline, set once the skipped root levels are known. */
  section: string;
  subsection: string;
}

interface RawBookmark {
  folder: Folder;
  title: string;
  url: string;
  description: string;
  addedAt: string | undefined;
  line: number;
}

type Capture = "folder" | "bookmark" | "description" | "h1" | "title";

/** The end tag that finishes each capture; a description runs to the next tag. */
const CLOSES: Record<Capture, string | undefined> = { folder: "h3", bookmark: "a", h1: "h1", title: "title", description: undefined };

export function parseHtml(text: string): ParsedDocument {
  const lineAt = lineLocator(text);
  const root = newFolder("", undefined);
  /** Every folder, parents before their children (the order they open in). */
  const folders: Folder[] = [root];
  const bookmarks: RawBookmark[] = [];
  let folder = root;
  /** For each open `<DL>`: whether it opened a folder (and so must close it). */
  const lists: boolean[] = [];
  let pendingFolder: string | undefined;
  /** The export's visible heading (`<H1>Bookmarks Menu</H1>`), else its `<TITLE>`. */
  let heading = "";
  let title = "";
  let capture: { kind: Capture; text: string; href?: string; addedAt?: string; line: number } | undefined;
  let describing: RawBookmark | undefined;

  const finishCapture = (): void => {
    if (!capture) return;
    const value = normalizeSpace(capture.text);
    if (capture.kind === "folder") pendingFolder = value;
    else if (capture.kind === "h1") heading ||= value;
    else if (capture.kind === "title") title ||= value;
    else if (capture.kind === "description" && describing) describing.description = value;
    else if (capture.kind === "bookmark" && capture.href !== undefined) {
      const bookmark = { folder, title: value || capture.href, url: capture.href, description: "", addedAt: capture.addedAt, line: capture.line };
      bookmarks.push(bookmark);
      markBookmarked(folder);
      describing = bookmark;
    }
    capture = undefined;
  };

  readTags(text, {
    open(name, attributes, offset) {
      const line = lineAt(offset);
      finishCapture();
      switch (name) {
        case "dl":
          lists.push(pendingFolder !== undefined);
          if (pendingFolder !== undefined) {
            let child = folder.children.get(pendingFolder);
            if (!child) {
              child = newFolder(pendingFolder, folder);
              folder.children.set(pendingFolder, child);
              folders.push(child);
            }
            folder = child;
          }
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
          const href = (attributes.get("href") ?? "").trim();
          pendingFolder = undefined;
          describing = undefined;
          if (isWebUrl(href)) capture = { kind: "bookmark", text: "", href, addedAt: dateOfSeconds(attributes.get("add_date")), line };
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
    text(data) {
      if (capture) capture.text += data;
    },
    close(name) {
      if (name === "dl") {
        finishCapture();
        if (lists.pop()) folder = folder.parent ?? root;
        describing = undefined;
      } else if (capture && CLOSES[capture.kind] === name) finishCapture();
    },
  });
  finishCapture();

  if (bookmarks.length === 0) throw new InputError("no entries found");
  placeInOutline(folders, skippedRootLevels(root));
  const entries = bookmarks.map((b): Entry => {
    const entry: Entry = {
      kind: "bookmark",
      title: b.title,
      description: b.description,
      section: b.folder.section,
      subsection: b.folder.subsection,
      insights: [],
      note: "",
      source: sourceOf(b.title),
      url: b.url,
      line: b.line,
    };
    if (b.addedAt !== undefined) entry.addedAt = b.addedAt;
    return entry;
  });
  return { title: heading || title, sections: outlineOf(entries), entries };
}

function newFolder(name: string, parent: Folder | undefined): Folder {
  const depth = parent ? parent.depth + 1 : 0;
  return { name, parent, depth, children: new Map(), holdsBookmarks: false, leadsToBookmarks: false, section: "", subsection: "" };
}

/** Records a bookmark in `folder`; each folder is marked once, so all marking is linear. */
function markBookmarked(folder: Folder): void {
  folder.holdsBookmarks = true;
  for (let f: Folder | undefined = folder; f && !f.leadsToBookmarks; f = f.parent) f.leadsToBookmarks = true;
}

/**
 * How many leading folder levels to skip: the sole root ("Bookmarks bar", "Bookmarks Menu") always,
 * then any further level that is again a single folder holding no bookmarks directly. Folders
 * without bookmarks anywhere below them do not count.
 */
function skippedRootLevels(root: Folder): number {
  let skip = 0;
  for (let level = root; !level.holdsBookmarks; ) {
    const below = [...level.children.values()].filter((f) => f.leadsToBookmarks);
    if (below.length !== 1) return skip;
    const only = below[0]!;
    if (skip > 0 && only.holdsBookmarks) return skip;
    skip += 1;
    if (only.holdsBookmarks) return skip;
    level = only;
  }
  return skip;
}

/**
 * Sets each folder's section and subsection: the folder `skip + 1` levels down is a section, the
 * next one its subsection, and deeper folders take their parent's place. `folders` lists parents
 * before children, so one pass suffices.
 */
function placeInOutline(folders: readonly Folder[], skip: number): void {
  for (const folder of folders) {
    const parent = folder.parent;
    if (!parent || folder.depth <= skip) continue;
    if (folder.depth === skip + 1) folder.section = folder.name;
    else {
      folder.section = parent.section;
      folder.subsection = folder.depth === skip + 2 ? folder.name : parent.subsection;
    }
  }
}

/**
 * `ADD_DATE` (whole seconds since 1970) as an ISO 8601 date-time; `undefined` when the value is
 * missing, not a plain integer, 0 (what some exporters write when they do not know), or past the
 * year 9999, where ISO 8601 dates need an extended year.
 */
function dateOfSeconds(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  const seconds = Number(value.trim());
  if (seconds === 0 || seconds > LAST_SECOND_OF_9999) return undefined;
  return new Date(seconds * 1000).toISOString();
}

const LAST_SECOND_OF_9999 = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

function outlineOf(entries: Entry[]): Section[] {
  const outline = new OutlineBuilder();
  for (const { section, subsection } of entries) if (section !== "") outline.add(section, subsection);
  return outline.toSections();
}

interface TagHandler {
  /** A start tag, its name and attribute names lower-cased; `offset` is where the tag starts. */
  open(name: string, attributes: ReadonlyMap<string, string>, offset: number): void;
  /** Text between tags, entities decoded. */
  text(data: string): void;
  close(name: string): void;
}

/**
 * Reads `text` as a stream of HTML tags with htmlparser2's `Tokenizer`, which decodes entities
 * in text and attribute values as browsers do. Not its `Parser`: that one keeps the open
 * elements in an array it shifts and unshifts at every tag, and since an export never closes
 * `<DT>` or `<p>`, the array grows with the folder depth and each tag costs time in proportion
 * to it (20,000 nested folders took seconds, 20,000 bookmarks below them half a minute). The
 * export's structure is all in its `<DL>` nesting, which the caller follows itself.
 */
function readTags(text: string, handler: TagHandler): void {
  let tag = { name: "", offset: 0, attributes: new Map<string, string>() };
  let attribute: { name: string; value: string } | undefined;
  const slice = (start: number, end: number): string => text.slice(start, end);
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      // `start` is just after `<`.
      tag = { name: slice(start, end).toLowerCase(), offset: start - 1, attributes: new Map() };
    },
    onattribname(start, end) {
      attribute = { name: slice(start, end).toLowerCase(), value: "" };
    },
    onattribdata(start, end) {
      if (attribute) attribute.value += slice(start, end);
    },
    onattribentity(codepoint) {
      if (attribute) attribute.value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      // As in browsers, the first of two attributes with one name wins.
      if (attribute && !tag.attributes.has(attribute.name)) tag.attributes.set(attribute.name, attribute.value);
      attribute = undefined;
    },
    onopentagend() {
      handler.open(tag.name, tag.attributes, tag.offset);
    },
    onselfclosingtag() {
      handler.open(tag.name, tag.attributes, tag.offset);
    },
    onclosetag(start, end) {
      handler.close(slice(start, end).toLowerCase());
    },
    ontext(start, end) {
      handler.text(slice(start, end));
    },
    ontextentity(codepoint) {
      handler.text(String.fromCodePoint(codepoint));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(text);
  tokenizer.end();
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
