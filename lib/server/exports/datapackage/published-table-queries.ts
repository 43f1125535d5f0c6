import "server-only";
import { Prisma } from "../../../generated/prisma/client";
import type { TAsOf } from "../../as-of-sql";
import { asOfTableQuery } from "./as-of-table-queries";

// How each published table is read: its SELECT (columns named and typed as the definitions in
// lib/schemas/published-tables/tables.ts say; parseRows checks every row against them) and the
// uuid columns of its primary key, which page it in keyset batches.
//
// No transaction spans the export (on the embedded database one would stop the app for its
// length). Consistency comes from order instead: a table is read before the tables it refers
// to, and no referenced row is ever deleted, so every foreign key found resolves in a table read
// later. Developments are those published before the export began (`cutoff`), a condition that
// stays true once true, so citations (read first) and developments (read after) agree on them.

type TTableQuery = { select: string; from: string | ((cutoff: Date) => Prisma.Sql); where?: (cutoff: Date) => Prisma.Sql; keys: readonly string[] };

const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const isPublishedBy = (alias: string, cutoff: Date) =>
  Prisma.sql`${Prisma.raw(alias)}.state IN ('PUBLISHED', 'RETRACTED') AND ${Prisma.raw(alias)}."publishedAt" <= ${cutoff}`;

export const TABLE_QUERIES: Record<string, TTableQuery> = {
  parties: {
    select: `p.id::text AS id, p.code, p.name, p.kind::text AS kind, p.aliases`,
    from: `"Party" p`,
    keys: ["p.id"],
  },
  agreements: {
    select: `a.id::text AS id, a.slug, a.title, a."shortName" AS short_name, a.kind::text AS kind, ${day('a."signedOn"')} AS signed_on,
             ${day('a."inForceOn"')} AS in_force_on, a."termMonths" AS term_months, a."autoRenews" AS auto_renews,
             a."noticeDays" AS notice_days, a."timeZone" AS time_zone, a.summary`,
    from: `"Agreement" a`,
    keys: ["a.id"],
  },
  agreement_parties: {
    select: `ap."agreementId"::text AS agreement_id, ap."partyId"::text AS party_id`,
    from: `"AgreementParty" ap`,
    keys: ['ap."agreementId"', 'ap."partyId"'],
  },
  measures: {
    select: `m.id::text AS id, m.slug, m.title, m."imposingPartyId"::text AS imposing_party_id, m."measureType"::text AS measure_type,
             m.products, m."hsCodes" AS hs_codes, ${day('m."announcedOn"')} AS announced_on, ${day('m."effectiveOn"')} AS effective_on,
             m."timeZone" AS time_zone, m.summary`,
    from: `"TradeMeasure" m`,
    keys: ["m.id"],
  },
  measure_targets: {
    select: `t."measureId"::text AS measure_id, t."partyId"::text AS party_id`,
    from: `"TradeMeasureTarget" t`,
    keys: ['t."measureId"', 't."partyId"'],
  },
  sources: {
    select: `s.id::text AS id, s.url, s.title, s.publisher, s.authors, ${instant('s."publishedAt"')} AS published_at,
             ${instant('s."accessedAt"')} AS accessed_at, s.kind::text AS kind, s.language, s.reliability::text AS reliability,
             s."reliabilityNote" AS reliability_note, s."archiveUrl" AS archive_url, s."mergedIntoId"::text AS merged_into_id,
             ${instant('s."retiredAt"')} AS retired_at, s."retiredReason" AS retired_reason`,
    from: `"Source" s`,
    keys: ["s.id"],
  },
  developments: {
    select: `sc.id::text AS id, sc."agreementId"::text AS agreement_id, sc."measureId"::text AS measure_id, sc.status::text AS status,
             sc.headline, sc.body, ${instant('sc."occurredAt"')} AS occurred_at, sc."occurredPrecision"::text AS occurred_precision,
             sc."timeZone" AS time_zone, ${instant('sc."effectiveAt"')} AS effective_at, sc.direction::text AS direction,
             sc.state::text AS state, cancelled.id::text AS cancels_id, ${instant('sc."publishedAt"')} AS published_at,
             ${instant('sc."retractedAt"')} AS retracted_at, sc."retractionReason" AS retraction_reason, sc.version`,
    // The cancelled entry only when it is published too: a draft's id would lead nowhere.
    from: (cutoff) => Prisma.sql`"StatusChange" sc LEFT JOIN "StatusChange" cancelled ON cancelled.id = sc."cancelsId" AND ${isPublishedBy("cancelled", cutoff)}`,
    where: (cutoff) => isPublishedBy("sc", cutoff),
    keys: ["sc.id"],
  },
  citations: {
    select: `c.id::text AS id, c."statusChangeId"::text AS development_id, c."sourceId"::text AS source_id, c.position, c.quote,
             c."quoteOriginal" AS quote_original, c."quoteLanguage" AS quote_language, c.locator, c.credibility`,
    from: `"Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId"`,
    where: (cutoff) => isPublishedBy("sc", cutoff),
    keys: ["c.id"],
  },
  // Conditions of developments published by the cutoff, and their states recorded by then
  // (states are never changed once written, so a state read first still resolves later).
  conditions: {
    select: `co.id::text AS id, co."statusChangeId"::text AS development_id, co.statement,
             co."dependsOnAgreementId"::text AS depends_on_agreement_id, co."dependsOnMeasureId"::text AS depends_on_measure_id`,
    from: `"Condition" co JOIN "StatusChange" sc ON sc.id = co."statusChangeId"`,
    where: (cutoff) => isPublishedBy("sc", cutoff),
    keys: ["co.id"],
  },
  condition_states: {
    select: `cs.id::text AS id, cs."conditionId"::text AS condition_id, cs.state::text AS state, cs.note,
             ${instant('cs."occurredAt"')} AS occurred_at, cs."occurredPrecision"::text AS occurred_precision, cs."timeZone" AS time_zone`,
    from: `"ConditionStateChange" cs JOIN "Condition" co ON co.id = cs."conditionId" JOIN "StatusChange" sc ON sc.id = co."statusChangeId"`,
    where: (cutoff) => Prisma.sql`${isPublishedBy("sc", cutoff)} AND cs."createdAt" <= ${cutoff}`,
    keys: ["cs.id"],
  },
  condition_citations: {
    select: `cc.id::text AS id, cc."stateChangeId"::text AS condition_state_id, cc."sourceId"::text AS source_id, cc.position, cc.quote,
             cc."quoteOriginal" AS quote_original, cc."quoteLanguage" AS quote_language, cc.locator, cc.credibility`,
    from: `"ConditionCitation" cc JOIN "ConditionStateChange" cs ON cs.id = cc."stateChangeId" JOIN "Condition" co ON co.id = cs."conditionId"
           JOIN "StatusChange" sc ON sc.id = co."statusChangeId"`,
    where: (cutoff) => Prisma.sql`${isPublishedBy("sc", cutoff)} AND cs."createdAt" <= ${cutoff}`,
    keys: ["cc.id"],
  },
  links: {
    select: `l.id::text AS id, l.type::text AS type, l."fromAgreementId"::text AS from_agreement_id, l."fromMeasureId"::text AS from_measure_id,
             l."toAgreementId"::text AS to_agreement_id, l."toMeasureId"::text AS to_measure_id, l.note`,
    from: `"Link" l`,
    keys: ["l.id"],
  },
};

/** The order tables are read in: each before every table it refers to (see above). */
export const READ_ORDER = ["condition_citations", "condition_states", "conditions", "citations", "developments", "sources", "links", "measure_targets", "measures", "agreement_parties", "agreements", "parties"] as const;

/** The columns of a table's rows whose values page it: its primary key, unless an asOf statement walks it otherwise. */
export function pageColumnsOf(table: string, primaryKey: readonly string[], asOf: TAsOf | undefined): readonly string[] {
  return (asOf && asOfTableQuery(table, asOf)?.pageColumns) || primaryKey;
}

/** One keyset batch of a table: rows after `after` (the values of its page columns), in key order; as of an instant, the rows that stood then. */
export function batchQuery(table: string, { cutoff, after, limit, asOf }: { cutoff: Date; after: readonly string[] | null; limit: number; asOf?: TAsOf }): Prisma.Sql {
  const query = TABLE_QUERIES[table];
  if (!query) throw new Error(`no query for the published table "${table}"`);
  const then = asOf ? asOfTableQuery(table, asOf) : undefined;
  const keys = Prisma.raw((then?.keys ?? query.keys).join(", "));
  const conditions = [then?.where ?? query.where?.(cutoff) ?? Prisma.sql`TRUE`];
  if (after) conditions.push(Prisma.sql`(${keys}) > (${Prisma.join(after.map((value) => Prisma.sql`${value}::uuid`))})`);
  const from = then?.from ?? (typeof query.from === "string" ? Prisma.raw(query.from) : query.from(cutoff));
  return Prisma.sql`SELECT ${Prisma.raw(then?.select ?? query.select)} FROM ${from} WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${keys} LIMIT ${limit}`;
}
