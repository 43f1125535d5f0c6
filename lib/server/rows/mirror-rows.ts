import "server-only";
import { z } from "zod";
import { MeasureType } from "../../generated/prisma/enums";

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A measure of the pair as mirror-sql.ts aggregates it (dates are local ISO dates). */
const ZMirrorMeasureJson = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  imposingCode: z.string(),
  version: z.number().int(),
  measureType: z.enum(MeasureType),
  announcedOn: ZIsoDate.nullable(),
  inForceOn: ZIsoDate.nullable(),
  liftedOn: ZIsoDate.nullable(),
});

/** The one row of mirrorSql: the pair's measures (bounded), their RETALIATION_FOR links and the dismissed proposals. */
export const ZMirrorRow = z
  .object({
    measures: z.array(ZMirrorMeasureJson),
    totalMeasures: z.number().int(),
    links: z.array(z.object({ answerId: z.string(), originalId: z.string() })),
    dismissals: z.array(z.object({ firstMeasureId: z.string(), secondMeasureId: z.string() })),
  })
  .describe("mirror row");
