import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZCurrentStatusJson, ZPartyRefJson, ZPathJson, ZAsOfJson } from "./common";

const ZRelationItem = z.object({
  kind: z.enum(["AGREEMENT", "MEASURE"]),
  slug: z.string(),
  name: z.string(),
  title: z.string(),
  href: ZPathJson,
  agreementKind: z.enum(AgreementKind).nullable(),
  measureType: z.enum(MeasureType).nullable(),
  imposingCode: z.string().nullable(),
  current: ZCurrentStatusJson,
});

/** GET /api/v1/relations/{pair}: what two parties share, each list a keyset page. */
export const ZRelationBody = z
  .object({
    data: z.object({
      pair: z.string().meta({ description: "The two codes in alphabetical order, joined by a hyphen." }),
      parties: z.array(ZPartyRefJson).length(2),
      agreements: z.array(ZRelationItem),
      measures: z.array(ZRelationItem).meta({ description: "Measures the first party imposes on the second, then those the second imposes on the first." }),
      totals: z.object({ agreements: z.int().min(0), first: z.int().min(0), second: z.int().min(0) }),
      years: z.array(z.object({ year: z.int(), escalations: z.int().min(0), deEscalations: z.int().min(0), neutral: z.int().min(0) })),
      links: z.object({ page: ZPathJson, history: ZPathJson, feed: ZPathJson }),
      asOf: ZAsOfJson,
    }),
    links: z.object({ nextAgreements: z.string().nullable(), nextFirst: z.string().nullable(), nextSecond: z.string().nullable() }),
  })
  .meta({ title: "Relation" });
