import { z } from "zod";
import { DatePrecision, EntryState, Reliability, SourceKind, Status } from "../../generated/prisma/enums";
import { listBody, ZAsOfJson, ZIdJson, ZInstantJson, ZPathJson } from "./common";

/** What every answer naming a source gives of it. */
export const SOURCE_JSON_FIELDS = {
  id: ZIdJson,
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  authors: z.array(z.string()),
  publishedAt: ZInstantJson.nullable(),
  kind: z.enum(SourceKind),
  reliability: z.enum(Reliability),
  retiredAt: ZInstantJson.nullable(),
};

/** GET /api/v1/sources: a page of sources (merged duplicates left out) with how often each is cited. */
export const ZSourceListBody = listBody(
  z.object({
    ...SOURCE_JSON_FIELDS,
    citations: z.int().min(0).meta({ description: "How often it is cited; as of an instant, by how many developments that stood then." }),
    links: z.object({ self: ZPathJson, page: ZPathJson }),
  }),
  {
    sort: z.string(),
    isRankCut: z.boolean().meta({
      description: "True when more sources match a relevance search than are ranked (500, the first found): sort=newest or sort=title lists every match.",
    }),
    asOf: ZAsOfJson,
  },
).meta({ title: "SourceList" });

/** GET /api/v1/sources/{id}: a source with its grade and the developments citing it. */
export const ZSourceBody = z
  .object({
    data: z.object({
      ...SOURCE_JSON_FIELDS,
      accessedAt: ZInstantJson.nullable(),
      language: z.string(),
      reliabilityNote: z.string().nullable(),
      archiveUrl: z.string().nullable(),
      retiredReason: z.string().nullable(),
      mergedIntoId: ZIdJson.nullable().meta({ description: "Always null here: a merged duplicate answers 307 to the source it joined." }),
      mergedFrom: z.array(z.object({ id: ZIdJson, url: z.string(), title: z.string() })),
      citedBy: z.array(
        z.object({
          id: ZIdJson,
          headline: z.string(),
          status: z.enum(Status),
          state: z.enum(EntryState),
          occurredAt: ZInstantJson,
          occurredPrecision: z.enum(DatePrecision),
          timeZone: z.string(),
          quote: z.string().nullable(),
          locator: z.string().nullable(),
          credibility: z.int(),
          agreementSlug: z.string().nullable(),
          measureSlug: z.string().nullable(),
          subjectName: z.string(),
          href: ZPathJson,
        }),
      ),
      citedByTotal: z.int().min(0),
      notYet: z.enum(["unpublished", "uncited"]).nullable().meta({
        description: "As of an instant with nothing citing the source: unpublished (not yet public then) or uncited (nothing in the record cited it yet); null otherwise.",
      }),
      asOf: ZAsOfJson,
      links: z.object({ page: ZPathJson }),
    }),
  })
  .meta({ title: "Source" });

/** POST /api/v1/sources: the registered (201) or already known (200) source. */
export const ZSourceSummaryBody = z
  .object(SOURCE_JSON_FIELDS)
  .omit({ authors: true })
  .extend({ retiredReason: z.string().nullable(), mergedIntoId: ZIdJson.nullable() })
  .meta({ title: "SourceSummary" });
