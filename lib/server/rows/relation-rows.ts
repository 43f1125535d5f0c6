import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZCount, ZInt } from "./columns";
import { ZCurrentStatusColumns } from "./current-status-columns";
import { ZBoundedSkeletonJson } from "./subject-json";

/** One of the two parties of a relation (get-relation.ts). */
export const ZRelationPartyRow = z.object({ code: z.string(), name: z.string() }).describe("relation party row");

/** An agreement or measure between the two parties; the skeleton only for the subjects with a timeline lane. */
export const ZRelationSubjectRow = ZCurrentStatusColumns.extend({
  list: z.enum(["agreements", "first", "second"]),
  sortKey: z.number(),
  total: ZCount,
  lane: ZCount,
  position: ZCount.nullable(),
  kind: z.enum(["AGREEMENT", "MEASURE"]),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  agreementKind: z.enum(AgreementKind).nullable(),
  measureType: z.enum(MeasureType).nullable(),
  imposingCode: z.string().nullable(),
  skeleton: ZBoundedSkeletonJson.nullable(),
}).describe("relation subject row");
export type TRelationSubjectRow = z.output<typeof ZRelationSubjectRow>;

/** Developments between the two parties in one year, by direction. */
export const ZRelationYearRow = z
  .object({ year: ZInt, escalations: ZInt, deEscalations: ZInt, neutral: ZInt })
  .describe("relation year row");
