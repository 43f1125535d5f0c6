import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZCount, ZInt } from "./columns";
import { ZCurrentStatusColumns } from "./current-status-columns";
import { ZBoundedSkeletonJson } from "./subject-json";

/** One of the two parties of a relation (get-relation.ts). */
export const ZRelationPartyRow = z.object({ code: z.string(), name: z.string() }).describe("relation party row");

/** An agreement or measure between the two parties (a page of a list, or a timeline lane). */
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
}).describe("relation subject row");
export type TRelationSubjectRow = z.output<typeof ZRelationSubjectRow>;

/** The bounded skeleton of a subject with a lane on the relation's timeline. */
export const ZRelationLaneRow = z.object({ id: z.string(), skeleton: ZBoundedSkeletonJson }).describe("relation lane row");

/** Developments between the two parties in one year, by direction. */
export const ZRelationYearRow = z
  .object({ year: ZInt, escalations: ZInt, deEscalations: ZInt, neutral: ZInt })
  .describe("relation year row");
