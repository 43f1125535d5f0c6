import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isInstantInRange } from "../../lib/schemas/instant";
import { hasNul } from "../../lib/schemas/text";
import { fieldNamesOf, hostileObjectFor, hostileValue, propertyParameters } from "../support/hostile-input";

// Every zod schema lib/schemas exports, found by importing each module (a new schema is covered
// without touching this file), parses generated hostile input without throwing, and whatever it
// accepts is safe to hand to a use case: no NUL anywhere, every Date within the years 1 to 9999.

const SCHEMAS = path.resolve(import.meta.dirname, "../../lib/schemas");
const modules = fs.readdirSync(SCHEMAS).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));

async function exportedSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const found: { name: string; schema: z.ZodType }[] = [];
  for (const file of modules) {
    const module = (await import(path.join(SCHEMAS, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof z.ZodType) found.push({ name: `${file}#${name}`, schema: value });
  }
  return found;
}

/** Where in an accepted value something unsafe sits, or null. */
function unsafePart(value: unknown, at = "$", seen = new Set<unknown>()): string | null {
  if (typeof value === "string") return hasNul(value) ? `${at} holds a NUL` : null;
  if (value instanceof Date) return isInstantInRange(value) ? null : `${at} is ${Number.isNaN(value.getTime()) ? "an invalid Date" : `out of range (${value.toISOString()})`}`;
  if (typeof value === "number") return Number.isFinite(value) ? null : `${at} is ${value}`;
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  for (const [key, inner] of Object.entries(value)) {
    const problem = unsafePart(inner, `${at}.${key}`, seen);
    if (problem) return problem;
  }
  return null;
}

describe("every schema of lib/schemas", () => {
  it("is found (the enumeration sees the desk's, the reader's and the admin's schemas)", async () => {
    const names = (await exportedSchemas()).map((entry) => entry.name);
    expect(names.length).toBeGreaterThan(30);
    for (const expected of ["status-change.ts#ZLogStatusChange", "reader-queries.ts#ZDevelopmentQuery", "audit.ts#ZAuditFilters", "admin-source.ts#ZMergeSources"]) expect(names).toContain(expected);
  });

  it("never throws on generated input and accepts nothing a database or a page cannot take", async () => {
    const schemas = await exportedSchemas();
    for (const { name, schema } of schemas) {
      const input = fc.oneof(hostileObjectFor(schema), hostileValue);
      fc.assert(
        fc.property(input, (value) => {
          const result = schema.safeParse(value);
          if (!result.success) return true;
          const problem = unsafePart(result.data);
          if (problem) throw new Error(`${name} accepted ${JSON.stringify(value)?.slice(0, 300)}: ${problem}`);
          return true;
        }),
        propertyParameters(fieldNamesOf(schema).length > 0 ? 150 : 40),
      );
    }
  });

  it("reads text only through text() (lib/schemas/text.ts), so NUL is refused everywhere", () => {
    const offenders = modules.filter((file) => file !== "text.ts" && /\bz\s*\.string\s*\(/.test(fs.readFileSync(path.join(SCHEMAS, file), "utf8")));
    expect(offenders, "files in lib/schemas calling z.string() directly instead of text()").toEqual([]);
  });
});
