import "server-only";
import type { TCurrentStatus } from "@/lib/server/status-sql";

/** A list response: the page, the cursor of the next one and its address. */
export function listResponse<T, TExtra extends Record<string, unknown> = Record<never, never>>(request: Request, data: T[], nextCursor: string | null, extra: TExtra = {} as TExtra) {
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
