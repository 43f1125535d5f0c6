import { z } from "zod";
import { MeasureType } from "../../generated/prisma/enums";
import { listBody, ZAsOfJson, ZCurrentStatusJson, ZDateJson, ZPartyRefJson, ZPathJson, ZRelatedItemJson, ZSubjectStatusJson } from "./common";

/** GET /api/v1/measures: a page of trade measures with their current status. */
export const ZMeasureListBody = listBody(
  z.object({
    slug: z.string(),
    title: z.string(),
    measureType: z.enum(MeasureType),
    announcedOn: ZDateJson.nullable(),
    imposingParty: ZPartyRefJson,
    targets: z.array(ZPartyRefJson),
    current: ZCurrentStatusJson,
    links: z.object({ self: ZPathJson, page: ZPathJson, history: ZPathJson }),
  }),
  {
    total: z.int().min(0),
    isTotalAtLeast: z.boolean().meta({
      description: "True when total is a lower bound: for a very common word only the latest developments were searched for the subjects they name.",
    }),
    sort: z.string(),
    asOf: ZAsOfJson,
  },
).meta({ title: "MeasureList" });

/** GET /api/v1/measures/{slug}: a trade measure with its parties, products, derived status and timeline. */
export const ZMeasureBody = z
  .object({
    data: z.object({
      slug: z.string(),
      title: z.string(),
      measureType: z.enum(MeasureType),
      imposingParty: ZPartyRefJson,
      targets: z.array(ZPartyRefJson),
      products: z.string(),
      hsCodes: z.array(z.string()),
      announcedOn: ZDateJson.nullable(),
      effectiveOn: ZDateJson.nullable(),
      timeZone: z.string(),
      summary: z.string(),
      ...ZSubjectStatusJson,
      related: z.array(ZRelatedItemJson),
      links: z.object({ page: ZPathJson, history: ZPathJson, feed: ZPathJson }),
      asOf: ZAsOfJson,
    }),
  })
  .meta({ title: "Measure" });
