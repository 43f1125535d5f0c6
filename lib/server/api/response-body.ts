import "server-only";
import type { z } from "zod";

/** A value with every Date as its ISO string, as JSON carries it. */
export type TJsonDates<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? TJsonDates<U>[]
    : T extends object
      ? { [K in keyof T]: TJsonDates<T[K]> }
      : T;

/** Writes every Date inside a value as its ISO string (what Response.json would do), typed so. */
export function withIsoDates<T>(value: T): TJsonDates<T> {
  if (value instanceof Date) return value.toISOString() as TJsonDates<T>;
  if (Array.isArray(value)) return value.map((item) => withIsoDates(item)) as TJsonDates<T>;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withIsoDates(item)])) as TJsonDates<T>;
  }
  return value as TJsonDates<T>;
}

/**
 * A success body held to the route's declared `response` schema: typed by it at compile time, and
 * parsed at run time so fields the schema does not name are left out and a body that strays from
 * it is a server error (500), never a silently wrong document.
 */
export function responseBody<TSchema extends z.ZodType>(schema: TSchema, value: z.input<TSchema>): z.output<TSchema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`A response does not match its declared schema: ${parsed.error.message}`);
  return parsed.data;
}
