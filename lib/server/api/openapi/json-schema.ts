import { z } from "zod";

// zod 4's own JSON Schema output (decision 021), with two corrections for request schemas: a
// field whose schema turns a missing value into a default (z.preprocess, .default) is optional to
// a client, which z.toJSONSchema cannot see through a preprocess, so `required` is recomputed by
// asking each field whether it accepts undefined; and examples are kept.

export type TJsonSchema = Record<string, unknown>;

function shapeOf(schema: unknown): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

function acceptsMissing(field: z.ZodType): boolean {
  try {
    return field.safeParse(undefined).success;
  } catch {
    return false;
  }
}

/**
 * A schema as a JSON Schema (2020-12, OpenAPI 3.1's dialect): "input" for what a client sends
 * (query strings, bodies: before preprocessing and transforms), "output" for what it receives.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): TJsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    // Refinements and transforms cannot be written in JSON Schema; they are described by the
    // fields they guard (and checked by the server), so they are left out rather than refused.
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      // zod leaves examples out of input schemas that preprocess (they are written as received,
      // so they hold for the input): put them back.
      const examples = io === "input" ? z.globalRegistry.get(zodSchema as unknown as z.ZodType)?.examples : undefined;
      if (Array.isArray(examples)) jsonSchema.examples = examples;
      const shape = io === "input" ? shapeOf(zodSchema) : null;
      if (!shape) return;
      const required = Object.keys(shape).filter((key) => !acceptsMissing(shape[key]!));
      if (required.length) jsonSchema.required = required;
      else delete jsonSchema.required;
    },
  }) as TJsonSchema;
  delete json.$schema;
  return json;
}
