import type { z } from "zod";

// Fields the schemas read from one joined value rather than repeated names ("JPN-KOR" becomes
// ["JPN", "KOR"]); written back the same way so a link parses to the query it came from.
const JOINED_FIELDS: Readonly<Record<string, string>> = { pair: "-" };

// Parsed but not part of the address: the instants "from"/"to" are read as.
const DERIVED_FIELDS = new Set(["range"]);

type TScalar = string | number | boolean;

function textsOf(key: string, value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) {
    const items = value.filter((item): item is TScalar => ["string", "number", "boolean"].includes(typeof item)).map(String).filter((item) => item !== "");
    const joiner = JOINED_FIELDS[key];
    return joiner && items.length > 0 ? [items.join(joiner)] : items;
  }
  return ["string", "number", "boolean"].includes(typeof value) ? [String(value)] : [];
}

/**
 * The query string of a parsed reader query: every field that differs from the schema's default
 * (what an empty query parses to), in the schema's own encoding, so links stay short and one view
 * has one address. `omit` leaves fields out (the cursor of an export link).
 */
export function toSearchParams<TSchema extends z.ZodType<object>>(
  schema: TSchema,
  query: Partial<z.output<TSchema>>,
  { omit = [] }: { omit?: readonly string[] } = {},
): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (DERIVED_FIELDS.has(key) || omit.includes(key)) continue;
    const texts = textsOf(key, value);
    if (texts.join("\u0000") === textsOf(key, defaults[key]).join("\u0000")) continue;
    for (const text of texts) params.append(key, text);
  }
  return params;
}
