import { z } from "zod";
import { optionalText } from "./form-input";
import { isInstantInRange } from "./instant";
import { ZRecordId } from "./record-id";

// A time filter bound: "2019-11-22" (the whole day) or "2019-11-22T14:30" from a datetime-local
// field, both read as UTC. Anything else is ignored rather than refused: these come from a URL.
const ZTimeBound = (edge: "start" | "end") =>
  optionalText(40, "")
    .catch("")
    .transform((text): Date | null => {
      const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?$/.exec(text);
      if (!match) return null;
      const [, day, minutes, seconds] = match;
      const instant = new Date(minutes ? `${day}T${minutes}:${seconds ?? "00"}.000Z` : `${day}T00:00:00.000Z`);
      // "to 2019-11-22" includes that whole day; "to 14:30" includes that whole minute.
      const bound = edge === "end" ? new Date(instant.getTime() + (minutes ? (seconds ? 1_000 : 60_000) : 86_400_000)) : instant;
      // Year 0000 is a valid Date but no PostgreSQL timestamp; past 9999 there is nothing to find.
      return isInstantInRange(bound) ? bound : null;
    });

/** The audit log's filters, as they stand in the page's URL (and the CSV export's). */
export const ZAuditFilters = z.object({
  actor: z.union([z.literal("system"), z.literal(""), ZRecordId]).catch("").default(""),
  entityType: optionalText(60, "").catch(""),
  entityId: optionalText(100, "").catch(""),
  /** An exact action ("source:merge"), or a family ending in a colon ("source:"). */
  action: optionalText(60, "").catch(""),
  from: ZTimeBound("start"),
  to: ZTimeBound("end"),
  /** Keyset cursor: the last event of the previous page. */
  before: optionalText(80, "").catch(""),
});
export type TAuditFilters = z.output<typeof ZAuditFilters>;
