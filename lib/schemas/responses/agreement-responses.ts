import { z } from "zod";
import { AgreementKind } from "../../generated/prisma/enums";
import { listBody, ZAsOfJson, ZCurrentStatusJson, ZDateJson, ZInstantJson, ZPartyRefJson, ZPathJson, ZRelatedItemJson, ZSubjectStatusJson } from "./common";

/** GET /api/v1/agreements: a page of agreements with their current status. */
export const ZAgreementListBody = listBody(
  z.object({
    slug: z.string(),
    title: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(AgreementKind),
    signedOn: ZDateJson.nullable(),
    parties: z.array(ZPartyRefJson),
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
).meta({ title: "AgreementList" });

/** GET /api/v1/agreements/{slug}: an agreement with its terms, derived status, deadline and timeline. */
export const ZAgreementBody = z
  .object({
    data: z.object({
      slug: z.string(),
      title: z.string(),
      shortName: z.string().nullable(),
      kind: z.enum(AgreementKind),
      summary: z.string(),
      parties: z.array(ZPartyRefJson),
      signedOn: ZDateJson.nullable(),
      inForceOn: ZDateJson.nullable(),
      terms: z.object({ termMonths: z.int().nullable(), autoRenews: z.boolean(), noticeDays: z.int().nullable(), timeZone: z.string() }),
      ...ZSubjectStatusJson,
      noticeDeadline: z
        .object({ lastDayToGiveNotice: ZDateJson, noticeDeadlineAt: ZInstantJson, termEndsAt: ZInstantJson })
        .nullable()
        .meta({ description: "The next day by which notice must be given for the agreement not to renew, when its terms set one." }),
      related: z.array(ZRelatedItemJson),
      links: z.object({ page: ZPathJson, history: ZPathJson, feed: ZPathJson }),
      asOf: z
        .object({ instant: ZInstantJson, axis: z.enum(["known", "recorded"]) })
        .nullable()
        .meta({ description: "The instant and axis the agreement was read as of (asOf, axis), or null for the present." }),
    }),
  })
  .meta({ title: "Agreement" });
