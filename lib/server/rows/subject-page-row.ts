import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZInstant, ZInt, ZPartyJson } from "./columns";
import { ZRelatedJson, ZBoundedSkeletonJson } from "./subject-json";

/** The head of an agreement's page (get-agreement.ts): its fields, parties, related items and skeleton. */
export const ZAgreementPageRow = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(AgreementKind),
    summary: z.string(),
    signedOn: ZInstant.nullable(),
    inForceOn: ZInstant.nullable(),
    termMonths: ZInt.nullable(),
    autoRenews: z.boolean(),
    noticeDays: ZInt.nullable(),
    timeZone: z.string(),
    updatedAt: ZInstant,
    parties: z.array(ZPartyJson),
    related: z.array(ZRelatedJson),
  })
  .describe("agreement page row");

/** The head of a trade measure's page (get-measure.ts). */
export const ZMeasurePageRow = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    measureType: z.enum(MeasureType),
    products: z.string(),
    hsCodes: z.array(z.string()),
    announcedOn: ZInstant.nullable(),
    effectiveOn: ZInstant.nullable(),
    timeZone: z.string(),
    summary: z.string(),
    updatedAt: ZInstant,
    imposingParty: ZPartyJson,
    targets: z.array(ZPartyJson),
    related: z.array(ZRelatedJson),
  })
  .describe("measure page row");

/** The bounded skeleton of a subject page, read in a statement of its own (get-agreement.ts, get-measure.ts). */
export const ZBoundedSkeletonRow = z.object({ skeleton: ZBoundedSkeletonJson }).describe("bounded skeleton row");
