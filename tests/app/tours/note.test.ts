import { describe, expect, it } from "vitest";
import { liveAddress, MAX_NOTE_LENGTH, noteTree, writeNote, type NoteBlock, type NoteInline } from "../../../src/app/tours/note";

const text = (t: string): NoteInline => ({ kind: "text", text: t });
const paragraph = (...children: NoteInline[]): NoteBlock => ({ kind: "paragraph", children });

/** Every inline of a tree, depth first. */
function inlines(blocks: readonly NoteBlock[]): NoteInline[] {
  const found: NoteInline[] = [];
  const walkInline = (inline: NoteInline) => {
    found.push(inline);
    if ("children" in inline) inline.children.forEach(walkInline);
  };
  const walk = (block: NoteBlock) => {
    if (block.kind === "paragraph") block.children.forEach(walkInline);
    else if (block.kind === "list") block.items.flat().forEach(walk);
    else if (block.kind === "quote") block.children.forEach(walk);
  };
  blocks.forEach(walk);
  return found;
}

describe("noteTree", () => {
  it("reads paragraphs, emphasis, strong, strikethrough, code and line breaks", () => {
    expect(noteTree("Look at *this* and **that**, not ~~those~~: `VACUUM FULL`.  \nNext line.\n\nAnother.")).toEqual([
      paragraph(
        text("Look at "),
        { kind: "emphasis", children: [text("this")] },
        text(" and "),
        { kind: "strong", children: [text("that")] },
        text(", not "),
        { kind: "delete", children: [text("those")] },
        text(": "),
        { kind: "code", text: "VACUUM FULL" },
        text("."),
        { kind: "break" },
        text("Next line."),
      ),
      paragraph(text("Another.")),
    ]);
  });

  it("reads lists, tight or not, numbered from where they start", () => {
    expect(noteTree("- one\n- two")).toEqual([{ kind: "list", ordered: false, tight: true, items: [[paragraph(text("one"))], [paragraph(text("two"))]] }]);
    expect(noteTree("3. three\n\n4. four")).toEqual([
      { kind: "list", ordered: true, start: 3, tight: false, items: [[paragraph(text("three"))], [paragraph(text("four"))]] },
    ]);
    expect(noteTree("1. first")).toEqual([{ kind: "list", ordered: true, tight: true, items: [[paragraph(text("first"))]] }]);
  });

  it("turns headings into strong text: a note has no outline", () => {
    expect(noteTree("# Why it matters\nBecause.")).toEqual([paragraph({ kind: "strong", children: [text("Why it matters")] }), paragraph(text("Because."))]);
  });

  it("keeps quotes and code blocks", () => {
    expect(noteTree("> quoted\n\n```\nSELECT 1;\n```")).toEqual([
      { kind: "quote", children: [paragraph(text("quoted"))] },
      { kind: "code", text: "SELECT 1;" },
    ]);
  });

  it("makes http(s) links live, bare addresses too", () => {
    expect(noteTree("[CoDel](https://queue.acm.org/detail.cfm?id=2209336) and www.example.org")).toEqual([
      paragraph(
        { kind: "link", href: "https://queue.acm.org/detail.cfm?id=2209336", children: [text("CoDel")] },
        text(" and "),
        { kind: "link", href: "http://www.example.org/", children: [text("www.example.org")] },
      ),
    ]);
    expect(noteTree("[the paper][p]\n\n[p]: http://example.org/paper")).toEqual([
      paragraph({ kind: "link", href: "http://example.org/paper", children: [text("the paper")] }),
    ]);
  });

  it("shows a link to anything but http(s) as its text alone", () => {
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PGI+eDwvYj4=", "vbscript:x", "file:///etc/passwd", "/relative", "mailto:a@b.c"]) {
      const tree = noteTree(`[click](<${url}>) now`);
      expect(tree, url).toEqual([paragraph(text("click now"))]);
    }
    expect(noteTree("<javascript:alert(1)>")).toEqual([paragraph(text("javascript:alert(1)"))]);
  });

  it("shows raw HTML as the text it is, and no image", () => {
    const tree = noteTree('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> there ![a cat](http://example.org/cat.png) <b>bold</b>\n\n<iframe src="https://evil.example"></iframe>');
    expect(tree).toEqual([
      paragraph(text("<script>alert(1)</script>")),
      paragraph(text('Hi <img src=x onerror="alert(1)"> there a cat <b>bold</b>')),
      paragraph(text('<iframe src="https://evil.example"></iframe>')),
    ]);
  });

  it("cuts a note longer than a tour may hold", () => {
    const [block] = noteTree("x".repeat(MAX_NOTE_LENGTH * 10));
    expect(block).toEqual(paragraph(text(`${"x".repeat(MAX_NOTE_LENGTH - 1)}…`)));
  });

  it("holds only text, formatting and live http(s) links, whatever the note", () => {
    const hostile = [
      "[x](javascript:alert(1)) <a href=\"javascript:alert(1)\">y</a> <svg onload=alert(1)>",
      "<style>*{display:none}</style> [z](data:text/html;base64,PHNjcmlwdD4=)",
      "[ok](https://example.org/a?b=c#d) [no](//example.org) [no](http:/broken)",
    ];
    for (const note of hostile) {
      for (const inline of inlines(noteTree(note))) {
        expect(["text", "emphasis", "strong", "delete", "code", "link", "break"]).toContain(inline.kind);
        if (inline.kind === "link") expect(inline.href, note).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe("liveAddress", () => {
  it.each([
    ["https://example.org", "https://example.org/"],
    ["  http://example.org/a b ", "http://example.org/a%20b"],
    ["javascript:alert(1)", undefined],
    ["  javascript:alert(1)", undefined],
    ["java\nscript:alert(1)", undefined],
    ["ftp://example.org", undefined],
    ["example.org", undefined],
  ])("%j → %j", (url, expected) => {
    expect(liveAddress(url)).toBe(expected);
  });
});

/** Just enough of a Document to see what the writer creates (the app tests have no DOM). */
class FakeNode {
  children: FakeNode[] = [];
  attributes: Record<string, string> = {};
  constructor(
    readonly tag: string,
    readonly text = "",
  ) {}
  append(...nodes: FakeNode[]) {
    this.children.push(...nodes);
  }
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  get innerHTML(): string {
    throw new Error("the writer never touches innerHTML");
  }
  set innerHTML(_value: string) {
    throw new Error("the writer never touches innerHTML");
  }
  /** The tree as compact markup, for reading in a test (text escaped as a browser would). */
  toString(): string {
    if (this.tag === "#text") return this.text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const inner = this.children.map(String).join("");
    if (this.tag === "#fragment") return inner;
    const attributes = Object.entries(this.attributes).map(([name, value]) => ` ${name}="${value}"`).join("");
    return `<${this.tag}${attributes}>${inner}</${this.tag}>`;
  }
}
const fakeDocument = {
  createDocumentFragment: () => new FakeNode("#fragment"),
  createElement: (tag: string) => new FakeNode(tag),
  createTextNode: (text: string) => new FakeNode("#text", text),
} as unknown as Document;
const written = (markdown: string) => String(writeNote(noteTree(markdown), fakeDocument));

describe("writeNote", () => {
  it("writes each kind as its element", () => {
    expect(written("A *b* **c** ~~d~~ `e`  \nf")).toBe("<p>A <em>b</em> <strong>c</strong> <del>d</del> <code>e</code><br></br>f</p>");
    expect(written("- one\n- two")).toBe("<ul><li>one</li><li>two</li></ul>");
    expect(written("2. one\n\n3. two")).toBe('<ol start="2"><li><p>one</p></li><li><p>two</p></li></ol>');
    expect(written("> q\n\n```\n<b>\n```")).toBe("<blockquote><p>q</p></blockquote><pre><code>&lt;b></code></pre>");
  });

  it("opens a live link in a new tab that cannot reach back to this page", () => {
    expect(written("[CoDel](https://example.org/codel)")).toBe('<p><a href="https://example.org/codel" target="_blank" rel="noopener noreferrer">CoDel</a></p>');
  });

  it("gives a hostile note no element but text and http(s) anchors", () => {
    expect(written('<script>alert(1)</script> [x](https://example.org/)')).toBe("<p>&lt;script>alert(1)&lt;/script> [x](https://example.org/)</p>");
    const out = written('Hi <script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1)) [y](https://example.org/)');
    expect(out).toBe('<p>Hi &lt;script>alert(1)&lt;/script> &lt;img src=x onerror="alert(1)"> x <a href="https://example.org/" target="_blank" rel="noopener noreferrer">y</a></p>');
  });
});
