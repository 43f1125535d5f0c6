import { z } from "zod";

// The one string primitive of lib/schemas: every schema that reads text builds on `text()`, so
// no field anywhere lets a NUL character through to PostgreSQL (which refuses it in text columns
// and parameters, an error that used to surface as a 500), nor half of a surrogate pair, which is
// no character at all: JSON.stringify writes it as a \ud800 escape that PostgreSQL's json parser
// refuses, so a publish (whose revision snapshot is JSON) answered 500. tests/input-fuzz/schemas.test.ts checks
// that no schema outputs a NUL, and that no file here calls z.string() directly.

export const NUL_MESSAGE = "Text cannot contain a NUL character (\\u0000): remove it and send again";

const NUL = "\u0000";

export const SURROGATE_MESSAGE = "Text contains half of a character (an unpaired UTF-16 surrogate): send it as valid Unicode";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds half of a surrogate pair (is not well-formed Unicode). */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** Whether a string holds a NUL character. */
export function hasNul(value: string): boolean {
  return value.includes(NUL);
}

/** z.string() that refuses NUL characters and unpaired surrogates with a message naming the cause. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((value) => !hasNul(value), NUL_MESSAGE)
    .refine((value) => !hasLoneSurrogate(value), SURROGATE_MESSAGE);
}
