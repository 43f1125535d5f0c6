import "server-only";
import { Prisma } from "../generated/prisma/client";
import { resolveAsOf, type TAsOfText } from "../domain/as-of";
import type { TTimeAxis } from "../domain/record-time";
import type { TSubjectColumn } from "./status-sql";
import type { TAsOfQuery } from "../schemas/as-of";

// The rule of lib/domain/record-time.ts (standsAt) over StatusChangeRecord, and the record as it
// stood at an instant shaped like "StatusChange" rows, so the history, skeleton and entry
// statements read it unchanged (decision 029). Every statement below is a walk of one of the
// record's history indexes with the axis tested on the index's trailing columns.

/** An asOf reading: the instant and the axis it is taken on. */
export type TAsOf = { instant: Date; axis: TTimeAxis };

/** The asOf of a query, its dates and wall times read in `timeZone`; undefined for the present. */
export function asOfFromQuery(query: { asOf?: TAsOfText; axis?: TTimeAxis }, timeZone = "UTC"): TAsOf | undefined {
  return query.asOf ? { instant: resolveAsOf(query.asOf, timeZone), axis: query.axis ?? "known" } : undefined;
}

/** A use case's asOf, given resolved or as the reader's query (its dates and wall times read in `timeZone`). */
export function resolveAsOfInput(asOfOrQuery: TAsOf | Partial<TAsOfQuery> | undefined, timeZone: string): TAsOf | undefined {
  if (!asOfOrQuery) return undefined;
  return "instant" in asOfOrQuery ? asOfOrQuery : asOfFromQuery(asOfOrQuery, timeZone);
}

/** Whether the version `r` stood at the instant on the axis (standsAt). */
export function standsAtSql(alias: "r" | "c", asOf: TAsOf): Prisma.Sql {
  const r = Prisma.raw(alias);
  return asOf.axis === "recorded"
    ? Prisma.sql`${r}."recordedFrom" <= ${asOf.instant}::timestamptz AND (${r}."recordedUntil" IS NULL OR ${r}."recordedUntil" > ${asOf.instant}::timestamptz)`
    : Prisma.sql`${r}."recordedUntil" IS NULL AND ${r}."knownAt" <= ${asOf.instant}::timestamptz`;
}

/**
 * A SELECT of the developments that stood at the instant, each in the version that stood, with
 * the columns of "StatusChange" the readers use (state PUBLISHED, no retraction: a development
 * stands or it does not). "cancelledFrom" is recomputed among the versions that stood (the rule
 * of pw_cancelled_from); "recordCitations" holds the version's citations. Wrap it as `sc` or `k`:
 * it is flattened into the caller, so the caller's subject filter and order reach the index.
 */
export function asOfChangesSql(asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`SELECT r."statusChangeId" AS id, r."agreementId", r."measureId", r.status, r.headline, r.body, r."occurredAt",
      r."occurredPrecision", r."timeZone", r."effectiveAt", r."effectiveTime", r.direction, 'PUBLISHED'::"EntryState" AS state,
      r."cancelsId", r."createdAt", r."recordedFrom" AS "updatedAt", current."publishedAt", NULL::timestamptz AS "retractedAt",
      NULL::text AS "retractionReason", NULL::uuid AS "retractedById", r.version, r."knownAt", r.citations AS "recordCitations",
      -- An analyst's corroboration judgment carries no time of its own, so a past reading shows the rule's level only.
      NULL::"CorroborationLevel" AS "corroborationLevel", NULL::text AS "corroborationReason",
      current.search,
      CASE WHEN r."effectiveAt" IS NOT NULL THEN (
        SELECT min(LEAST(c."occurredAt", c."effectiveTime")) FROM "StatusChangeRecord" c
        WHERE c."cancelsId" = r."statusChangeId" AND c."statusChangeId" <> r."statusChangeId" AND ${standsAtSql("c", asOf)}
          AND c."agreementId" IS NOT DISTINCT FROM r."agreementId" AND c."measureId" IS NOT DISTINCT FROM r."measureId"
          AND c."effectiveTime" <= r."effectiveAt") END AS "cancelledFrom"
    FROM "StatusChangeRecord" r JOIN "StatusChange" current ON current.id = r."statusChangeId"
    WHERE ${standsAtSql("r", asOf)}`;
}

/** The citations a history entry shows as of the instant: its version's, of sources public by then (undated ones kept). */
export function asOfCitationsSql(asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object(
      'id', c.id, 'quote', c.quote, 'quoteOriginal', c."quoteOriginal", 'quoteLanguage', c."quoteLanguage",
      'locator', c.locator, 'credibility', c.credibility,
      -- A source erratum (decision 030) shows once it was marked, by its own time.
      'erratum', CASE WHEN cur."erratumAt" <= ${asOf.instant}::timestamptz THEN cur.erratum END,
      'erratumAt', CASE WHEN cur."erratumAt" <= ${asOf.instant}::timestamptz THEN cur."erratumAt" END,
      'source', json_build_object('id', s.id, 'url', s.url, 'title', s.title, 'publisher', s.publisher, 'authors', s.authors,
        'publishedAt', s."publishedAt", 'kind', s.kind, 'reliability', s.reliability, 'retiredAt', s."retiredAt",
        'retiredReason', s."retiredReason", 'archiveUrl', s."archiveUrl", 'publisherGroup', s."publisherGroup",
        'origin', (SELECT json_build_object('id', o.id, 'publisher', o.publisher, 'publisherGroup', o."publisherGroup", 'reliability', o.reliability,
          'syndicatedFromId', o."syndicatedFromId", 'isRetired', o."retiredAt" IS NOT NULL) FROM "Source" o WHERE o.id = s."syndicatedFromId"))
    ) ORDER BY c.position, c.id)
    FROM jsonb_to_recordset(entry."recordCitations") AS c(id uuid, "sourceId" uuid, quote text, "quoteOriginal" text,
      "quoteLanguage" text, locator text, credibility int, position int)
    JOIN "Source" s ON s.id = c."sourceId"
    LEFT JOIN "Citation" cur ON cur.id = c.id
    WHERE s."publishedAt" IS NULL OR pw_source_known_from(s."publishedAt", s."publishedPrecision") <= ${asOf.instant}::timestamptz
  ), '[]'::json)`;
}

/** The subject filter on the record for one agreement or measure. */
export function asOfSubjectSql(column: TSubjectColumn, subjectId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`k.${Prisma.raw(`"${column}"`)} = ${subjectId}`;
}

/**
 * Whether an agreement or measure was on the record at the instant: one of its developments stood
 * then (decision 040). Subjects carry no time of their own that the record keeps, so a subject
 * "exists" as of an instant through what was recorded or known of it; one probe of its history index.
 */
export function asOfOnRecordSql(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM (${asOfChangesSql(asOf)}) k WHERE ${asOfSubjectSql(column, subjectId)})`;
}
