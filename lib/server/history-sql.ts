import "server-only";
import { corroborate, type TCorroboration, type TCorroborationLevel, type TCorroborationSource } from "../domain/corroboration";
import { Prisma } from "../generated/prisma/client";
import type { THistoryEntry } from "./history-select";
import type { TKeyValues } from "./keyset";
import type { THistoryRow } from "./rows/history-row";
import { scheduleSql } from "./status-sql";
import { asOfCitationsSql, type TAsOf } from "./as-of-sql";
import { subjectHref } from "../domain/subject-ref";

// History entries in one round trip: a page of status changes (chosen by the caller's keyset
// query) with their subject, their retraction and every citation with its source, aggregated as
// JSON by PostgreSQL instead of one query per entry.

/** The two orders a history can be read in. */
export type THistoryOrder = "effective" | "occurred";

/**
 * ORDER BY for the order, on alias `sc` (history: newest effective time first, the SQL form of
 * lib/domain's compareChronologically; newsroom: newest occurrence first). `direction` "ASC"
 * reads the same order oldest first, as deriveStatus does.
 */
export function historyOrderSql(order: THistoryOrder, alias: "sc" | "entry" | "page" | "k" = "sc", direction: "ASC" | "DESC" = "DESC"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const d = Prisma.raw(direction);
  return order === "effective"
    ? Prisma.sql`${a}."effectiveTime" ${d}, ${a}."occurredAt" ${d}, ${a}."createdAt" ${d}, ${a}.id ${d}`
    : Prisma.sql`${a}."occurredAt" ${d}, ${a}."createdAt" ${d}, ${a}.id ${d}`;
}

/** The keyset condition "strictly after this key" for the order, on alias `sc`. */
export function historyAfterSql(order: THistoryOrder, key: readonly [Date, Date, Date, string] | readonly [Date, Date, string]): Prisma.Sql {
  if (order === "effective") {
    const [effectiveTime, occurredAt, createdAt, id] = key as readonly [Date, Date, Date, string];
    return Prisma.sql`(sc."effectiveTime", sc."occurredAt", sc."createdAt", sc.id) < (${effectiveTime}::timestamptz, ${occurredAt}::timestamptz, ${createdAt}::timestamptz, ${id}::uuid)`;
  }
  const [occurredAt, createdAt, id] = key as readonly [Date, Date, string];
  return Prisma.sql`(sc."occurredAt", sc."createdAt", sc.id) < (${occurredAt}::timestamptz, ${createdAt}::timestamptz, ${id}::uuid)`;
}

/** The sort key of an entry in the order, for its cursor. */
export function historyKeyOf(order: THistoryOrder, entry: THistoryEntry): TKeyValues {
  return order === "effective"
    ? [entry.effectiveTime.toISOString(), entry.occurredAt.toISOString(), entry.createdAt.toISOString(), entry.id]
    : [entry.occurredAt.toISOString(), entry.createdAt.toISOString(), entry.id];
}

/**
 * Wraps `page`, a SELECT of whole "StatusChange" rows (already ordered and limited), into entries
 * with subject, retraction and citations, in the same order.
 */
export function historyEntriesSql(page: Prisma.Sql, order: THistoryOrder, now: Date, asOf?: TAsOf): Prisma.Sql {
  // As of an instant (decision 029), `page` selects asOfChangesSql rows: each entry's version
  // then, its citations of sources public by then, and the saves made by then.
  const citations = asOf
    ? asOfCitationsSql(asOf)
    : Prisma.sql`COALESCE((
        SELECT json_agg(json_build_object(
          'id', c.id, 'quote', c.quote, 'quoteOriginal', c."quoteOriginal", 'quoteLanguage', c."quoteLanguage",
          'locator', c.locator, 'credibility', c.credibility, 'erratum', c.erratum, 'erratumAt', c."erratumAt",
          'source', json_build_object('id', s.id, 'url', s.url, 'title', s.title, 'publisher', s.publisher, 'authors', s.authors,
            'publishedAt', s."publishedAt", 'kind', s.kind, 'reliability', s.reliability, 'retiredAt', s."retiredAt",
            'retiredReason', s."retiredReason", 'archiveUrl', s."archiveUrl", 'publisherGroup', s."publisherGroup",
            -- The source it carries (one step of the chain, by primary key), for corroboration.
            'origin', (SELECT json_build_object('id', o.id, 'publisher', o.publisher, 'publisherGroup', o."publisherGroup", 'reliability', o.reliability,
              'syndicatedFromId', o."syndicatedFromId", 'isRetired', o."retiredAt" IS NOT NULL) FROM "Source" o WHERE o.id = s."syndicatedFromId"))
        ) ORDER BY c.position, c.id)
        FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId"
        WHERE c."statusChangeId" = entry.id
      ), '[]'::json)`;
  const revisedBy = asOf ? Prisma.sql`AND r."createdAt" <= ${asOf.instant}::timestamptz` : Prisma.empty;
  return Prisma.sql`
    SELECT entry.id, entry."agreementId", entry."measureId", entry.status::text AS status, entry.headline, entry.body,
      entry."occurredAt", entry."occurredPrecision"::text AS "occurredPrecision", entry."timeZone", entry."effectiveAt",
      entry."effectiveTime", entry.direction::text AS direction, entry.state::text AS state, entry."cancelsId",
      entry."createdAt", entry."updatedAt", entry."publishedAt", entry."retractedAt", entry."retractionReason", entry."corroborationLevel"::text AS "corroborationLevel", entry."corroborationReason", entry.version,
      retractor.name AS "retractedByName",
      agreement.slug AS "agreementSlug", COALESCE(agreement."shortName", agreement.title) AS "agreementName", agreement.title AS "agreementTitle",
      measure.slug AS "measureSlug", measure.title AS "measureTitle",
      ${scheduleSql("entry", now)} AS schedule,
      revised.count AS "revisionCount", revised.last AS "revisedAt", revised.corrections AS "correctionCount", entry."knownAt",
      ${citations} AS citations
    FROM (${page}) entry
      -- Saves after publication (the publication itself writes a revision at publishedAt, without
      -- a kind; every later save of a published entry has one, issue 12; revisions written before
      -- kinds existed are told apart by time).
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS count, max(r."createdAt") AS last, (count(*) FILTER (WHERE r.kind = 'CORRECTION'))::int AS corrections FROM "Revision" r
        WHERE r."entityType" = 'StatusChange' AND r."entityId" = entry.id
          AND (r.kind IS NOT NULL OR r."createdAt" > entry."publishedAt" + interval '1 second') ${revisedBy}
      ) revised ON true
      LEFT JOIN "Agreement" agreement ON agreement.id = entry."agreementId"
      LEFT JOIN "TradeMeasure" measure ON measure.id = entry."measureId"
      LEFT JOIN "User" retractor ON retractor.id = entry."retractedById"
    ORDER BY ${historyOrderSql(order, "entry")}`;
}

/** Where a development belongs: its agreement or its trade measure. */
export type TSubjectRef = { kind: "AGREEMENT" | "MEASURE"; slug: string; name: string; title: string; href: string };

/** A history entry as readers see it, with its subject and what became of its schedule. */
export type TReaderEntry = THistoryEntry & {
  updatedAt: Date;
  subject: TSubjectRef;
  schedule: "pending" | "cancelled" | "took-effect" | null;
  /** Edits saved after publication, when the last was, and how many of them were corrections. */
  revisions: { count: number; last: Date | null; corrections: number };
  /** How many independent, graded sources back it (lib/domain/corroboration.ts). */
  corroboration: Pick<TCorroboration, "level" | "independent" | "gradedBOrBetter" | "summary"> & {
    /** The rule's level; `level` is the analyst's where one judged it (with the reason), else this. */
    suggestedLevel: TCorroborationLevel;
    judgment: { level: TCorroborationLevel; reason: string } | null;
  };
};

/** Maps a row of historyEntriesSql to the entry components render. */
export function toReaderEntry(row: THistoryRow): TReaderEntry {
  const subject: TSubjectRef = row.agreementSlug
    ? { kind: "AGREEMENT", slug: row.agreementSlug, name: row.agreementName ?? row.agreementSlug, title: row.agreementTitle ?? "", href: subjectHref("AGREEMENT", row.agreementSlug) }
    : { kind: "MEASURE", slug: row.measureSlug ?? "", name: row.measureTitle ?? "", title: row.measureTitle ?? "", href: subjectHref("MEASURE", row.measureSlug ?? "") };
  return {
    id: row.id,
    status: row.status,
    headline: row.headline,
    body: row.body,
    occurredAt: row.occurredAt,
    occurredPrecision: row.occurredPrecision,
    timeZone: row.timeZone,
    effectiveAt: row.effectiveAt,
    effectiveTime: row.effectiveTime,
    direction: row.direction,
    state: row.state,
    cancelsId: row.cancelsId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    knownAt: row.knownAt,
    retractedAt: row.retractedAt,
    retractionReason: row.retractionReason,
    version: row.version,
    retractedBy: row.retractedByName === null ? null : { name: row.retractedByName },
    subject,
    schedule: row.schedule,
    revisions: { count: row.revisionCount, last: row.revisedAt, corrections: row.correctionCount },
    // ZHistoryRow has already made the sources' instants Dates; what corroboration needed stays here.
    citations: row.citations.map(({ source: { origin: _origin, publisherGroup: _group, ...source }, ...citation }) => ({ ...citation, source })),
    corroboration: corroborationOf(row.citations, row.corroborationLevel ? { level: row.corroborationLevel, reason: row.corroborationReason ?? "" } : null),
  };
}

type TCitationRow = THistoryRow["citations"][number];

/** The corroboration of an entry from its citations' sources and the sources they carry (lib/domain/corroboration.ts). */
function corroborationOf(citations: readonly TCitationRow[], judgment: { level: TCorroborationLevel; reason: string } | null): TReaderEntry["corroboration"] {
  const asRuleSource = ({ source }: TCitationRow): TCorroborationSource => ({
    id: source.id,
    publisher: source.publisher,
    publisherGroup: source.publisherGroup,
    syndicatedFromId: source.origin?.id ?? null,
    reliability: source.reliability,
    isRetired: source.retiredAt !== null,
  });
  const origins = citations.flatMap(({ source }) => (source.origin ? [{ ...source.origin }] : []));
  const { level, independent, gradedBOrBetter, summary } = corroborate(citations.map(asRuleSource), origins);
  return { level: judgment?.level ?? level, suggestedLevel: level, independent, gradedBOrBetter, summary, judgment };
}
