import fc from "fast-check";
import type { z } from "zod";

// Generated hostile input for the property tests of tests/input/: strings an attacker would try
// (NUL and other control characters, LIKE metacharacters, 36 dashes for a uuid, dates at and past
// the ends of the calendar, 5,000 nested quotes, huge numbers, lone surrogates) mixed with
// arbitrary strings, numbers, arrays and objects.

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\\",
  "%",
  "_",
  "%_\\",
  "a\\",
  "-".repeat(36),
  "0190a0a0-0000-7000-8000-000000000000",
  "0000-01-01",
  "0000-01-01T00:00",
  "9999-12-31",
  "9999-12-31T23:59",
  "10000-01-01",
  "2019-02-30",
  "1200",
  "99999999999999999999",
  "-1",
  "1e308",
  "NaN",
  "Infinity",
  "on",
  "publish",
  "agreement:gsomia",
  "measure:x",
  "JPN",
  "JPN-KOR",
  "Asia/Seoul",
  "Etc/GMT+12",
  "https://example.org/a?utm_source=x#f",
  "javascript:alert(1)",
  `${">".repeat(5000)} deep`,
  "x".repeat(5000),
  "\ud800",
  "\u202e\u200b",
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "../../etc/passwd",
  "%00",
  "%C0",
  "a\r\nb",
  "2019-01-01T00:00:00.000Z_9999999999999999999",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 8 })).map(([nasty, rest]) => `${rest}${nasty}${rest}`) },
);

/** Any JSON-ish value: hostile strings, numbers at the edges, booleans, null, arrays and objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: hostileString },
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1200, 1201, 2 ** 53, Number.MAX_SAFE_INTEGER)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("url", "sourceId", "quote", "type", "target", "credibility", "0", "__proto__"), tie("value"), { maxKeys: 3 }),
  ),
})).value;

type TZodDef = { type: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown; schema?: unknown; options?: unknown[] };

/** The field names an object schema reads, through the pipes, preprocessors and refinements around it. */
export function fieldNamesOf(schema: z.ZodType | undefined, depth = 0): string[] {
  if (!schema || depth > 8) return [];
  const def = (schema as unknown as { _zod: { def: TZodDef } })._zod.def;
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  const inner = [def.in, def.innerType, def.schema].find((candidate) => candidate && typeof candidate === "object");
  if (inner) {
    const names = fieldNamesOf(inner as z.ZodType, depth + 1);
    if (names.length > 0 || def.type !== "pipe") return names;
  }
  if (def.type === "pipe") return fieldNamesOf((schema as unknown as { _zod: { def: { out: z.ZodType } } })._zod.def.out, depth + 1);
  if (def.type === "union" && def.options) return [...new Set(def.options.flatMap((option) => fieldNamesOf(option as z.ZodType, depth + 1)))];
  return [];
}

/** An object with some of the schema's fields (and a stray one), each a hostile value. */
export function hostileObjectFor(schema: z.ZodType | undefined, value: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<Record<string, unknown>> {
  const names = [...fieldNamesOf(schema), "extra"];
  return fc.record(Object.fromEntries(names.map((name) => [name, value])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** What a fast-check run prints so a failure can be replayed: FAST_CHECK_SEED=<seed> reruns it. */
export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : Date.now() ^ (Math.random() * 0x100000000);
  return { numRuns, seed, endOnFailure: true, verbose: 1 };
}
