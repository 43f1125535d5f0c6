import "server-only";
import { z } from "zod";
import { ZInstant, ZInt, ZStatus } from "./columns";

/** How many agreements or measures are in one current status (count-by-status.ts); status null: none yet. */
export const ZStatusCountRow = z
  .object({ subject: z.enum(["agreements", "measures"]), status: ZStatus.nullable(), count: ZInt })
  .describe("status count row");

/** A published scheduled change not yet in effect (list-pending-deadlines.ts). */
export const ZScheduledChangeRow = z
  .object({
    id: z.string(),
    status: ZStatus,
    headline: z.string(),
    effectiveAt: ZInstant,
    timeZone: z.string(),
    agreementSlug: z.string().nullable(),
    measureSlug: z.string().nullable(),
    subjectName: z.string(),
  })
  .describe("scheduled change row");

/** An auto-renewing agreement in force, with its current status (list-pending-deadlines.ts). */
export const ZRenewingAgreementRow = z
  .object({
    slug: z.string(),
    name: z.string(),
    inForceOn: ZInstant,
    termMonths: ZInt.nullable(),
    autoRenews: z.boolean(),
    noticeDays: ZInt.nullable(),
    timeZone: z.string(),
    currentStatus: ZStatus.nullable(),
  })
  .describe("renewing agreement row");
