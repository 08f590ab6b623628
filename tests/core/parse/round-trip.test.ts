/**
 * Any well-formed Markdown list or bookmark export gives back what was written into it.
 * (The text format's round trip is in text.test.ts.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/core/parse";

const word = fc.stringMatching(/^[A-Za-zéü0-9][A-Za-z0-9éü'&+#.,:?!"<>]{0,7}$/);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const heading = fc.array(fc.stringMatching(/^[A-Z][a-z]{1,7}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
const url = fc.webUrl({ withQueryParameters: true }).filter((u) => !/[()<>\s]/.test(u));

const entryArb = fc.record({ title: phrase(1, 6), url, description: phrase(0, 6), insights: fc.array(phrase(1, 6), { maxLength: 3 }) });
const sectionsArb = fc.array(
  fc.record({
    name: heading,
    subsections: fc.array(fc.record({ name: heading, entries: fc.array(entryArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 3 },
);

/** Markdown escaping for text inside a link label or a paragraph. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>&!#]/g, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("round trip", () => {
  it("Markdown: sections, subsections, titles, URLs, descriptions and insights", () => {
    fc.assert(
      fc.property(sectionsArb, (sections) => {
        const lines = ["# Generated List", ""];
        const expected: unknown[] = [];
        for (const section of sections) {
          lines.push(`## ${section.name}`, "");
          for (const subsection of section.subsections) {
            lines.push(`### ${subsection.name}`, "");
            for (const e of subsection.entries) {
              const description = e.description === "" ? "" : ` - ${escapeMarkdown(e.description)}`;
              lines.push(`- [${escapeMarkdown(e.title)}](<${e.url}>)${description}`);
              for (const insight of e.insights) lines.push(`  - ${escapeMarkdown(insight)}`);
              expected.push({ section: section.name, subsection: subsection.name, ...e });
            }
            lines.push("");
          }
        }
        const doc = parseDocument(lines.join("\n"), "markdown");
        expect(doc.title).toBe("Generated List");
        expect(doc.entries.map(({ section, subsection, title, url, description, insights }) => ({ section, subsection, title, url, description, insights }))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("HTML: folders, titles, URLs and descriptions, through entity escaping", () => {
    fc.assert(
      fc.property(sectionsArb, (sections) => {
        const lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<TITLE>Bookmarks</TITLE>", "<H1>Bookmarks</H1>", "<DL><p>"];
        const expected: unknown[] = [];
        for (const section of sections) {
          lines.push(`<DT><H3>${escapeHtml(section.name)}</H3>`, "<DL><p>");
          for (const subsection of section.subsections) {
            lines.push(`<DT><H3>${escapeHtml(subsection.name)}</H3>`, "<DL><p>");
            for (const e of subsection.entries) {
              lines.push(`<DT><A HREF="${escapeHtml(e.url)}" ADD_DATE="1709251200">${escapeHtml(e.title)}</A>`);
              if (e.description !== "") lines.push(`<DD>${escapeHtml(e.description)}`);
              expected.push({ section: section.name, subsection: subsection.name, title: e.title, url: e.url, description: e.description });
            }
            lines.push("</DL><p>");
          }
          lines.push("</DL><p>");
        }
        lines.push("</DL><p>");
        const doc = parseDocument(lines.join("\n"), "html");
        // A single root folder is skipped as a "Bookmarks bar"; then its folders are the sections.
        const shift = sections.length === 1;
        expect(
          doc.entries.map(({ section, subsection, title, url, description }) => ({ section, subsection, title, url, description })),
        ).toEqual(shift ? expected.map((e) => ({ ...(e as object), section: (e as { subsection: string }).subsection, subsection: "" })) : expected);
      }),
      { numRuns: 200 },
    );
  });
});
