import "server-only";
import { orNotFound as orNotFoundOf } from "@/lib/server/or-not-found";

/** Awaits a use case, turning "no such record" (or a stale page cursor) into the route's not-found page. */
export function orNotFound<T>(work: Promise<T>): Promise<T> {
  return orNotFoundOf(work, { also: ["INVALID_INPUT"] });
}

/** The first value of a search parameter. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
