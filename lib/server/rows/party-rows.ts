import "server-only";
import { z } from "zod";
import { AgreementKind, MeasureType, PartyKind } from "../../generated/prisma/enums";
import { ZCount, ZInt, ZPartyJson, ZSortKey } from "./columns";
import { ZCurrentStatusColumns } from "./current-status-columns";

/** The party itself (get-party.ts). */
export const ZPartyRow = z
  .object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(PartyKind), aliases: z.array(z.string()) })
  .describe("party row");

/** An agreement on a party's page, with the other parties and its current status. */
export const ZPartyAgreementRow = ZCurrentStatusColumns.extend({
  slug: z.string(),
  title: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(AgreementKind),
  others: z.array(ZPartyJson),
  total: ZInt,
}).describe("party agreement row");

/** A measure the party imposes or is targeted by, with its current status. */
export const ZPartyMeasureRow = ZCurrentStatusColumns.extend({
  slug: z.string(),
  title: z.string(),
  measureType: z.enum(MeasureType),
  isImposing: z.boolean(),
  imposingParty: ZPartyJson,
  targets: z.array(ZPartyJson),
  total: ZInt,
}).describe("party measure row");

/** A party this one has relations with, and how many of each kind. */
export const ZCounterpartRow = z
  .object({ code: z.string(), name: z.string(), agreements: ZInt, measuresImposed: ZInt, measuresReceived: ZInt })
  .describe("counterpart row");

/** A row of the party list (list-parties.ts). */
export const ZPartyListRow = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(PartyKind),
    aliases: z.array(z.string()),
    agreements: ZInt,
    measures: ZInt,
    sortKey: ZSortKey,
    total: ZCount,
  })
  .describe("party list row");
