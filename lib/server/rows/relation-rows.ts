import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZInt } from "./columns";
import { ZCurrentStatusColumns } from "./current-status-columns";
import { ZSkeletonJson } from "./subject-json";

/** One of the two parties of a relation (get-relation.ts). */
export const ZRelationPartyRow = z.object({ code: z.string(), name: z.string() }).describe("relation party row");

/** An agreement or measure between the two parties; the skeleton only for the subjects with a timeline lane. */
export const ZRelationSubjectRow = ZCurrentStatusColumns.extend({
  kind: z.enum(["AGREEMENT", "MEASURE"]),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  agreementKind: z.enum(AgreementKind).nullable(),
  measureType: z.enum(MeasureType).nullable(),
  imposingCode: z.string().nullable(),
  skeleton: ZSkeletonJson.nullable(),
}).describe("relation subject row");

/** Developments between the two parties in one year, by direction. */
export const ZRelationYearRow = z
  .object({ year: ZInt, escalations: ZInt, deEscalations: ZInt, neutral: ZInt })
  .describe("relation year row");
