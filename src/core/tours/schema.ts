/**
 * A tour checked against its JSON Schema (data/tours/tour.schema.json, the file editors read
 * too), with `@cfworker/json-schema`: it interprets the schema rather than compiling it to code
 * with `new Function`, so it runs under the page's Content Security Policy as well as in the build.
 *
 * The validator reports every keyword that failed, the summaries above them included ("a
 * subschema had errors"); people need the ones at the bottom, said in the tour's words.
 */
import { Validator, type OutputUnit } from "@cfworker/json-schema";
import tourSchema from "../../../data/tours/tour.schema.json";
import { ENTITY_TYPES } from "../types";
import { located, quoted, type TourError } from "./errors";

export { tourSchema };

/** The keys a step's `show` may name, one of them (from the schema's `oneOf`). */
export const FOCUS_KINDS: readonly string[] = tourSchema.$defs.show.oneOf.map((branch) => branch.required[0]!);

let validator: Validator | undefined;

/** Made on first use, not at import: importing the module costs nothing. */
function tourValidator(): Validator {
  validator ??= new Validator(tourSchema as object, "2020-12", false);
  return validator;
}

/** The schema's complaints about `value`, each where it is, in plain words; none when it is a tour file. */
export function schemaErrors(value: unknown, file: string): TourError[] {
  const { valid, errors } = tourValidator().validate(value);
  if (valid) return [];
  const seen = new Set<string>();
  const found: TourError[] = [];
  for (const unit of errors) {
    const error = describe(unit, value, file);
    if (!error) continue;
    const key = `${error.step}|${error.field}|${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(error);
  }
  return found;
}

/** Keywords that only say that something below them failed: what failed below is reported. */
const SUMMARIES = new Set(["properties", "items", "prefixItems", "$ref", "allOf", "anyOf", "false", "unevaluatedProperties"]);

function describe(unit: OutputUnit, root: unknown, file: string): TourError | undefined {
  // A branch of `oneOf` fails by design; the `oneOf` itself says what is wrong.
  if (SUMMARIES.has(unit.keyword) || /\/oneOf\/\d+\//.test(unit.keywordLocation)) return undefined;
  const path = pointer(unit.instanceLocation);
  const value = valueAt(root, path);
  const bound = keywordValue(unit);
  switch (unit.keyword) {
    case "required":
    case "additionalProperties": {
      // The property is named in the message only: 'Instance does not have required property "title".'
      const name = /"([^"]+)"/.exec(unit.error)?.[1];
      if (name === undefined) return located(file, path, unit.error);
      return located(file, [...path, name], unit.keyword === "required" ? "missing" : `not a field of ${owner(path)}`);
    }
    case "oneOf":
      // Something other than an object matches every branch; its type error says what is wrong.
      return isObject(value) ? located(file, path, `must name exactly one of ${FOCUS_KINDS.join(", ")}, not ${namedIn(value)}`) : undefined;
  }
  return located(file, path, message(unit, value, bound));
}

/** What a failed keyword means for `value`, given the keyword's value in the schema (`bound`). */
function message(unit: OutputUnit, value: unknown, bound: unknown): string {
  switch (unit.keyword) {
    case "type":
      return `expected ${[bound].flat().map((type) => TYPE_NAMES[String(type)] ?? String(type)).join(" or ")}, found ${typeName(value)}`;
    case "dependentRequired":
      return `"match" goes with "concepts" only`;
    case "enum":
      return Array.isArray(bound) ? `${quoted(value)} is not one of ${bound.map((choice) => JSON.stringify(choice)).join(", ")}` : unit.error;
    case "minLength":
      return "is empty";
    case "maxLength":
      return `is too long (${(value as string).length} characters, at most ${bound})`;
    case "minItems":
      return `needs at least ${bound} item${bound === 1 ? "" : "s"}`;
    case "maxItems":
      return `has ${(value as unknown[]).length} items, at most ${bound}`;
    case "uniqueItems":
      return "names the same item twice";
    case "pattern":
      // The one pattern: a hidden choice, "type:…" or "section:…".
      return typeof value === "string" && value.startsWith("type:")
        ? `no concept type ${quoted(value.slice("type:".length))} (there are ${ENTITY_TYPES.join(", ")})`
        : `${quoted(value)} names neither "type:" and a concept type nor "section:" and a section`;
    case "minimum":
      return `must be at least ${bound}`;
    case "exclusiveMinimum":
      return `must be more than ${bound}`;
    default:
      return unit.error;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

/**
 * The value of the keyword that failed, read from the schema by the unit's keyword location
 * ("#/properties/steps/items/$ref/properties/title/maxLength" → 80), following local $refs.
 */
function keywordValue(unit: OutputUnit): unknown {
  let schema: unknown = tourSchema;
  for (const segment of pointer(unit.keywordLocation).slice(0, -1)) {
    if (!isObject(schema) && !Array.isArray(schema)) return undefined;
    const next = (schema as Record<string | number, unknown>)[segment];
    schema = segment === "$ref" && typeof next === "string" ? valueAt(tourSchema, pointer(next)) : next;
  }
  return isObject(schema) ? schema[unit.keyword] : undefined;
}

/** The instance location "#/steps/2/show/node" as path segments: ["steps", 2, "show", "node"]. */
function pointer(location: string): (string | number)[] {
  return location
    .replace(/^#\/?/, "")
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function owner(path: readonly (string | number)[]): string {
  if (path.length === 0) return "a tour";
  if (path[0] === "steps" && path.length === 2) return "a step";
  const last = [...path].reverse().find((segment) => typeof segment === "string");
  return `"${last}"`;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const segment of path) value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function namedIn(value: Record<string, unknown>): string {
  const named = FOCUS_KINDS.filter((kind) => kind in value);
  return named.length === 0 ? "none" : named.join(" and ");
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `text ${quoted(value)}`;
  if (typeof value === "number") return Number.isInteger(value) ? `the whole number ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}
