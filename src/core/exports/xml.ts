/**
 * What the XML exports (GEXF, GraphML) share: the text XML 1.0 can carry, and escaping.
 *
 * XML 1.0 cannot hold most C0 control characters, lone surrogates, U+FFFE or U+FFFF at all, not
 * even as character references, so a document's text holding one (a stray form feed, a title cut
 * in the middle of an emoji) would make the whole file unreadable. Each such character becomes
 * U+FFFD, the replacement character: the rest of the text survives and the loss shows. Everything
 * else round-trips: markup characters are escaped, and the characters a parser would normalise
 * become character references, which it keeps: tab, line feed and carriage return in attribute
 * values (a literal one becomes a space), carriage return in content (CR LF becomes LF), and NEL
 * and LINE SEPARATOR everywhere (XML 1.1's line ends, which xmldom, graphology's XML parser,
 * turns into line feeds in XML 1.0 documents too).
 */
import { InputError } from "../types";

/** Every character outside XML 1.0's `Char` production (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD");
}

/** Text for an attribute value in double quotes: markup escaped, and whitespace that attribute normalisation would eat. */
export function xmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r\u0085\u2028]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

/** Text for element content: markup escaped, and the line ends parsers would turn into line feeds. */
export function xmlContent(text: string): string {
  return xmlSafe(text).replace(/[&<>\r\u0085\u2028]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

/**
 * A serialised document with carriage return, NEL and LINE SEPARATOR as character references,
 * for a writer that leaves them literal (graphology-gexf's, in content, and the last two in
 * attribute values too). Safe on the whole document because that writer puts text only in
 * attribute values and content, where a reference means the character itself, and writes no
 * line breaks of its own.
 */
export function escapeLineEnds(xml: string): string {
  return xml.replace(/[\r\u0085\u2028]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\u0085": "&#133;",
  "\u2028": "&#8232;",
};

/**
 * Refuses a graph whose node or edge keys XML cannot carry. The build's keys are slugs (ASCII
 * letters, digits and `-`) joined by arrows, so this only fails for a graph made elsewhere; a key
 * is an identity, so it is refused rather than changed (two keys could become one).
 */
export function checkXmlKeys(keys: Iterable<string>): void {
  for (const key of keys) {
    NOT_XML_CHAR.lastIndex = 0;
    if (NOT_XML_CHAR.test(key)) throw new InputError(`the key ${JSON.stringify(key)} holds a character XML cannot carry`);
  }
}
