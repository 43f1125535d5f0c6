import { z } from "zod";
import { DatePrecision, LinkType, Status } from "../../generated/prisma/enums";

// Building blocks of the JSON API's success bodies (decision 021). The handlers' plain results are
// type-checked against these (apiRoute's `response`), the OpenAPI document is generated from them
// and the contract tests hold real bodies to them, so the three cannot drift apart.

/** An instant as the API writes it: ISO 8601 in UTC ("2019-11-22T15:00:00.000Z"). */
export const ZInstantJson = z.iso.datetime();
/** A calendar date ("2019-11-22"). */
export const ZDateJson = z.iso.date();
/** A record's id (UUID v7). */
export const ZIdJson = z.uuid();
/** An address on this site, relative to its origin ("/agreements/gsomia"). */
export const ZPathJson = z.string().regex(/^\//);

export const ZPartyRefJson = z.object({ code: z.string(), name: z.string() });

/** A subject's current status in a list: since when, how precisely, and the development that set it. */
export const ZCurrentStatusJson = z
  .object({
    status: z.enum(Status),
    since: ZInstantJson,
    /** INSTANT when the status took effect at a stated time, else the precision of the day it occurred. */
    sincePrecision: z.enum(["INSTANT", ...Object.values(DatePrecision)]),
    timeZone: z.string(),
    changeId: ZIdJson,
  })
  .nullable()
  .meta({ description: "null while nothing is published about the subject." });

/** A link between two entries (an agreement and a measure that answers it, say). */
export const ZRelatedItemJson = z
  .object({ type: z.enum(LinkType), note: z.string(), outgoing: z.boolean(), kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string(), name: z.string(), href: ZPathJson })
  ;

/** A subject's derived status, schedules and status bands (app/api/v1/subject-json.ts). */
export const ZSubjectStatusJson = {
  status: z.object({
    current: z.object({ status: z.enum(Status), since: ZInstantJson, changeId: ZIdJson }).nullable(),
    pending: z.array(z.object({ status: z.enum(Status), effectiveAt: ZInstantJson, changeId: ZIdJson })),
    cancelled: z.array(z.object({ changeId: ZIdJson, cancelledById: ZIdJson })),
  }),
  timeline: z.object({
    bands: z.array(z.object({ status: z.enum(Status), from: ZInstantJson, to: ZInstantJson.nullable(), changeId: ZIdJson })),
    scheduled: z.array(z.object({ status: z.enum(Status), from: ZInstantJson, changeId: ZIdJson })),
    startsLater: z.boolean().meta({ description: "True when the bands start at the latest few hundred changes, not the first: the history has every one." }),
  }),
};

/** A keyset-paged list: the page, the next page's cursor and address (null on the last page). */
export function listBody<TItem extends z.ZodType, TExtra extends z.ZodRawShape>(item: TItem, extra: TExtra) {
  return z.object({
    data: z.array(item),
    ...extra,
    nextCursor: z.string().nullable().meta({ description: "Send as ?cursor= for the next page; null on the last page." }),
    links: z.object({ next: z.string().nullable().meta({ description: "The next page's address (path and query), or null." }) }),
  });
}

/** The version of a record after a write: send it back as "version" with the next edit. */
export const ZVersionJson = z.int().min(1);

/** The instant and axis a read was taken as of (the query's asOf, axis), or null for the present (decision 029). */
export const ZAsOfJson = z
  .object({ instant: ZInstantJson, axis: z.enum(["known", "recorded"]) })
  .nullable()
  .meta({ description: "The instant and axis the record was read as of (asOf, axis), or null for the present. Links in the body keep them." });
