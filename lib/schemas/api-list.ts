import { z } from "zod";
import { text } from "./text";

// The JSON shapes the API's lists and records share, so every response schema is declared once
// (the OpenAPI document of issue 11 and the contract tests read them) and handlers are typed by them.

/** An instant as the API writes it (ISO 8601, UTC). */
export const ZApiInstant = z.iso.datetime({ offset: true });
/** A calendar date as the API writes it (YYYY-MM-DD). */
export const ZApiDate = z.iso.date();

/** A keyset-paged list: the page, the opaque cursor of the next one and its address (null on the last page). */
export function ZApiList<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: text().nullable(),
    links: z.object({ next: text().nullable() }),
  });
}

/** One record, wrapped as the read API wraps records. */
export function ZApiRecord<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
