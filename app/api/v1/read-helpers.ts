import "server-only";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import type { TCurrentStatus } from "@/lib/server/status-sql";
import type { TAsOf } from "@/lib/server/as-of-sql";
import { keepAsOf } from "@/lib/domain/as-of-link";

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
  const sincePrecision: DatePrecision | "INSTANT" = current?.hasExactStart ? "INSTANT" : (current?.precision ?? "DAY");
  return current && { status: current.status, since: current.since.toISOString(), sincePrecision, timeZone: current.timeZone, changeId: current.changeId };
}

/** The asOf of a read as the API gives it (ZAsOfJson). */
export function asOfJson(asOf: TAsOf | undefined) {
  return asOf ? { instant: asOf.instant.toISOString(), axis: asOf.axis } : null;
}

/** Each of a body's links with the read's asOf and axis kept (decision 029). */
export function keepLinks<T extends Record<string, string>>(links: T, asOf: TAsOf | undefined): T {
  return Object.fromEntries(Object.entries(links).map(([name, href]) => [name, keepAsOf(href, asOf)])) as T;
}
