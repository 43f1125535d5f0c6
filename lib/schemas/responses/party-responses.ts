import { z } from "zod";
import { AgreementKind, MeasureType, PartyKind } from "../../generated/prisma/enums";
import { listBody, ZCurrentStatusJson, ZPartyRefJson, ZPathJson, ZAsOfJson } from "./common";

/** GET /api/v1/parties: a page of parties with how many agreements and measures involve each. */
export const ZPartyListBody = listBody(
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(PartyKind),
    aliases: z.array(z.string()),
    agreements: z.int().min(0).meta({ description: "Agreements involving the party; as of an instant, those on the record then (one of their developments stood)." }),
    measures: z.int().min(0).meta({ description: "Measures it imposes or is targeted by; as of an instant, those on the record then." }),
    links: z.object({ self: ZPathJson, page: ZPathJson }),
  }),
  { total: z.int().min(0), asOf: ZAsOfJson },
).meta({ title: "PartyList" });

/** GET /api/v1/parties/{code}: a party with its agreements, measures and counterparts. */
export const ZPartyBody = z
  .object({
    data: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(PartyKind),
      aliases: z.array(z.string()),
      asOf: ZAsOfJson,
      totals: z.object({ agreements: z.int().min(0), imposed: z.int().min(0), targeted: z.int().min(0) }),
      agreements: z.array(z.object({ slug: z.string(), title: z.string(), name: z.string(), kind: z.enum(AgreementKind), others: z.array(ZPartyRefJson), current: ZCurrentStatusJson })),
      measures: z.array(
        z.object({ slug: z.string(), title: z.string(), measureType: z.enum(MeasureType), isImposing: z.boolean(), imposingParty: ZPartyRefJson, targets: z.array(ZPartyRefJson), current: ZCurrentStatusJson }),
      ),
      counterparts: z.array(
        z.object({ code: z.string(), name: z.string(), agreements: z.int().min(0), measuresImposed: z.int().min(0), measuresReceived: z.int().min(0), relation: ZPathJson }),
      ),
      links: z.object({ page: ZPathJson, history: ZPathJson, feed: ZPathJson }),
    }),
  })
  .meta({ title: "Party" });
