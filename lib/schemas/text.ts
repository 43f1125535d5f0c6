import { z } from "zod";

// The one string primitive of lib/schemas: every schema that reads text builds on `text()`, so
// no field anywhere lets a NUL character through to PostgreSQL (which refuses it in text columns
// and parameters, an error that used to surface as a 500). tests/input-fuzz/schemas.test.ts checks
// that no schema outputs a NUL, and that no file here calls z.string() directly.

export const NUL_MESSAGE = "Text cannot contain a NUL character (\\u0000): remove it and send again";

const NUL = "\u0000";

/** Whether a string holds a NUL character. */
export function hasNul(value: string): boolean {
  return value.includes(NUL);
}

/** z.string() that refuses NUL characters with a message naming the cause. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasNul(value), NUL_MESSAGE);
}
