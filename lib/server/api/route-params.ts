import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { hasNul } from "../../schemas/text";
import { AppError } from "../errors";

// The path's dynamic segments, checked once for every route made with apiRoute before any use
// case sees them: a segment with a NUL (a database error, a 500) or an {id} that is no uuid (36
// dashes passed the older checks and broke the ::uuid cast) names no record, so the answer is 404.

/** The params as Next.js decoded them, or NOT_FOUND when one cannot name a record. */
export function checkedRouteParams<TParam extends string>(params: Record<TParam, string | string[]>): Record<TParam, string | string[]> {
  for (const [name, value] of Object.entries(params) as [string, string | string[]][]) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((segment) => typeof segment !== "string" || hasNul(segment))) {
      throw new AppError("NOT_FOUND", "Nothing is recorded at this address: it holds a NUL character.");
    }
    if (name === "id" && !values.every(isRecordId)) {
      throw new AppError("NOT_FOUND", "Nothing is recorded at this address: ids look like 0190a0a0-0000-7000-8000-000000000000.");
    }
  }
  return params;
}
