import { describe, expect, it } from "vitest";
import { FOCUS_KINDS, tourSchema } from "../../../src/core/tours/schema";
import { VIEW_NAMES } from "../../../src/core/graph/types";
import { ENTITY_TYPES } from "../../../src/core/types";

type Schema = Record<string, unknown>;

/** Every subschema of the tour schema, with its path. */
function* subschemas(schema: unknown, path = "#"): Generator<[string, Schema]> {
  if (typeof schema !== "object" || schema === null) return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* subschemas(item, `${path}/${i}`);
    return;
  }
  yield [path, schema as Schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === "enum" || key === "required" || key === "dependentRequired") continue;
    yield* subschemas(value, `${path}/${key}`);
  }
}

describe("the tour schema (data/tours/tour.schema.json)", () => {
  it("is JSON Schema 2020-12", () => {
    expect(tourSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("allows no field it does not name, at any level", () => {
    const objects = [...subschemas(tourSchema)].filter(([, schema]) => schema.properties !== undefined);
    expect(objects.length).toBeGreaterThanOrEqual(6);
    for (const [path, schema] of objects) expect(schema.additionalProperties, path).toBe(false);
  });

  it("describes every field, for editors to show", () => {
    for (const [path, schema] of subschemas(tourSchema)) {
      if (typeof schema.properties !== "object") continue;
      for (const [name, field] of Object.entries(schema.properties as Record<string, Schema>)) {
        const described = typeof field.description === "string" || (typeof field.$ref === "string" && field.$ref.startsWith("#/$defs/"));
        expect(described, `${path}/properties/${name}`).toBe(true);
      }
    }
    for (const [name, definition] of Object.entries(tourSchema.$defs)) expect(typeof definition.description, name).toBe("string");
  });

  it("names the views, concept types and focus kinds of the code", () => {
    expect(tourSchema.$defs.step.properties.view.enum).toEqual([...VIEW_NAMES]);
    const hidden = new RegExp(tourSchema.$defs.filters.properties.hide.items.pattern);
    for (const type of ENTITY_TYPES) expect(hidden.test(`type:${type}`), type).toBe(true);
    expect(hidden.test("type:robot")).toBe(false);
    expect(hidden.test("section:Case Studies › Postmortems")).toBe(true);
    expect(hidden.test("section:")).toBe(false);
    expect(FOCUS_KINDS).toEqual(["node", "concepts", "path", "regionOf"]);
  });
});
