import "server-only";
import type { z } from "zod";
import { paramsToObject } from "@/lib/schemas/reader-queries";
import type { TCurrentStatus } from "@/lib/server/status-sql";

/** The request's query string read with a reader-query schema; a bad value throws (422 with the field named). */
export function readQuery<TSchema extends z.ZodType>(request: Request, schema: TSchema): z.output<TSchema> {
  return schema.parse(paramsToObject(new URL(request.url).searchParams));
}

/** A list response: the page, the cursor of the next one and its address. */
export function listResponse<T>(request: Request, data: T[], nextCursor: string | null, extra: Record<string, unknown> = {}) {
  let next: string | null = null;
  if (nextCursor) {
    const url = new URL(request.url);
    url.searchParams.set("cursor", nextCursor);
    next = `${url.pathname}${url.search}`;
  }
  return { data, ...extra, nextCursor, links: { next } };
}

/** A current status as the API gives it. */
export function currentStatusJson(current: TCurrentStatus | null) {
  return current && { status: current.status, since: current.since.toISOString(), sincePrecision: current.hasExactStart ? "INSTANT" : current.precision, timeZone: current.timeZone, changeId: current.changeId };
}
