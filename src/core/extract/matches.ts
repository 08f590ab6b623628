/**
 * Every match of a global pattern, as `text.matchAll(pattern)` lists them, found by an exec loop
 * on the pattern itself. `matchAll` copies the pattern at every call, and on the short texts
 * extraction reads (a word, a field) the copy cost ten times the search. The pattern's
 * `lastIndex` is used during the call and left at 0.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern, not ${pattern}`);
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    out.push(match);
    // An empty match would be found again at the same place: step over one character (one code
    // point in a unicode pattern), as matchAll does.
    if (match[0] === "") {
      const at = pattern.lastIndex;
      const wide = pattern.unicode && at + 1 < text.length && (text.codePointAt(at) ?? 0) > 0xffff;
      pattern.lastIndex = at + (wide ? 2 : 1);
    }
  }
  pattern.lastIndex = 0;
  return out;
}
