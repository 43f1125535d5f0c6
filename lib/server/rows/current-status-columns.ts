import "server-only";
import { z } from "zod";
import { ZDatePrecision, ZInstant, ZStatus } from "./columns";

/** The columns currentStatusJoin (status-sql.ts) adds: all null when the subject has no status yet. */
export const ZCurrentStatusColumns = z.object({
  currentId: z.string().nullable(),
  currentStatus: ZStatus.nullable(),
  /** The change in effect when the uninterrupted run of the current status began. */
  sinceId: z.string().nullable(),
  currentSince: ZInstant.nullable(),
  currentEffectiveAt: ZInstant.nullable(),
  currentPrecision: ZDatePrecision.nullable(),
  currentTimeZone: z.string().nullable(),
});

export type TCurrentStatusColumns = z.infer<typeof ZCurrentStatusColumns>;
