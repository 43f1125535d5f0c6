import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType } from "../../generated/prisma/enums";
import { ZCount, ZInstant, ZPartyJson, ZSortKey } from "./columns";
import { ZCurrentStatusColumns } from "./current-status-columns";

/**
 * The keyset columns every subject list row carries (subject-list-sql.ts): id, sort key, the total
 * of matches and whether that total is a lower bound (a common word's developments were sampled).
 */
const ZKeysetColumns = z.object({ id: z.string(), sortKey: ZSortKey, total: ZCount, isTotalAtLeast: z.boolean() });

/** A row of the agreement list (list-agreements.ts). */
export const ZAgreementListRow = ZCurrentStatusColumns.extend(ZKeysetColumns.shape)
  .extend({
    slug: z.string(),
    title: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(AgreementKind),
    signedOn: ZInstant.nullable(),
    parties: z.array(ZPartyJson),
  })
  .describe("agreement list row");

/** A row of the trade-measure list (list-measures.ts). */
export const ZMeasureListRow = ZCurrentStatusColumns.extend(ZKeysetColumns.shape)
  .extend({
    slug: z.string(),
    title: z.string(),
    measureType: z.enum(MeasureType),
    announcedOn: ZInstant.nullable(),
    imposingParty: ZPartyJson,
    targets: z.array(ZPartyJson),
  })
  .describe("measure list row");
