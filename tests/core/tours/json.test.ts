import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSyntaxError } from "../../../src/core/tours/json";

describe("jsonSyntaxError", () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'a comma before "}" (JSON allows no trailing comma)'],
    ["[1, 2,]", 1, 7, 'a comma before "]" (JSON allows no trailing comma)'],
    ['{\n  "title": "x"\n  "steps": []\n}', 3, 3, 'expected "," or "}" after a property value, found "\\""'],
    ["[1 2]", 1, 4, 'expected "," or "]" after an item, found "2"'],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found \"'\""],
    ['{"a": \'b\'}', 1, 7, "a string in single quotes (JSON wants double quotes)"],
    ['{"a" 1}', 1, 6, 'expected ":" after a property name, found "1"'],
    ['{"a": yes}', 1, 7, 'unexpected word "yes" (text must be in double quotes)'],
    ['{"a": tru}', 1, 7, 'unexpected word "tru" (text must be in double quotes)'],
    ['{"a": 01}', 1, 7, "a malformed number"],
    ['{"a": 1.}', 1, 7, "a malformed number"],
    ['{"a": -}', 1, 7, "a malformed number"],
    ['{"a": "b\nc"}', 1, 9, "a line break inside a string (write \\n, or close the string)"],
    ['{"a": "\\x"}', 1, 8, 'an escape JSON does not have ("\\\\x")'],
    ['{"a": "\\u12"}', 1, 8, "\\u must be followed by four hexadecimal digits"],
    ['{"a": "b', 1, 7, "a string that is never closed"],
    ['{"a": [1, 2', 1, 12, "the file ends inside an array"],
    ['{"a": ', 1, 7, "the file ends too early"],
    ["", 1, 1, "no JSON value (the file is empty)"],
    ["  \n ", 2, 2, "no JSON value (the file is empty)"],
    ["{} {}", 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the JSON value'],
    ['{"a": \u0007}', 1, 7, "unexpected U+0007"],
  ])("%j: %i:%i %s", (text, line, column, message) => {
    expect(jsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it("counts columns within the line the error is on", () => {
    const text = '{\n  "steps": [\n    {"show": {"node": "a"},}\n  ]\n}';
    expect(jsonSyntaxError(text)).toMatchObject({ line: 3, column: 28 });
  });

  it("survives nesting far deeper than the call stack", () => {
    expect(jsonSyntaxError("[".repeat(200_000))).toEqual({ line: 1, column: 200_001, message: "the file ends too early" });
    expect(jsonSyntaxError(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBeUndefined();
  });

  it("finds nothing wrong in any JSON, as JSON.parse reads it", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonSyntaxError(text)).toBeUndefined();
      }),
    );
  });

  it("finds an error exactly where JSON.parse refuses the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."{}[],:\"' \n0123-.etrufalsn\\x") }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
