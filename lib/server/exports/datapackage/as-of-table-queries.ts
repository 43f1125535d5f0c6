import "server-only";
import { Prisma } from "../../../generated/prisma/client";
import { asOfChangesSql, standsAtSql, type TAsOf } from "../../as-of-sql";

// The data package as the record stood at an instant (decision 041): the tables that hold what
// Pactwatch versions read the versions that stood (decision 029's rule, asOfChangesSql), the same
// rows every asOf page shows; parties, agreements, measures, sources and links are not versioned
// (decision 036) and are written as now. Each query keeps the columns of ./published-table-queries.ts.

/** A table's statement as of an instant; `pageColumns` name the row's columns whose values page it (default: the primary key). */
export type TAsOfTableQuery = { select: string; from: Prisma.Sql; where: Prisma.Sql; keys: readonly string[]; pageColumns?: readonly string[] };

const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The development of `column` stood at the instant. */
const developmentStood = (column: string, asOf: TAsOf) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "StatusChangeRecord" r WHERE r."statusChangeId" = ${Prisma.raw(column)} AND ${standsAtSql("r", asOf)})`;

/**
 * A condition's state `cs` stood at the instant: recorded by then, or public by then by the rule of
 * lib/domain/condition-as-of.ts (conditionStateKnownAt): the earliest cited source published no
 * earlier than it happened; sources all older: when it happened; none dated: when it was recorded.
 */
function conditionStateStood(asOf: TAsOf): Prisma.Sql {
  if (asOf.axis === "recorded") return Prisma.sql`cs."createdAt" <= ${asOf.instant}::timestamptz`;
  const knownFrom = Prisma.sql`pw_source_known_from(s."publishedAt", s."publishedPrecision")`;
  return Prisma.sql`(SELECT CASE WHEN count(s."publishedAt") = 0 THEN GREATEST(cs."occurredAt", cs."createdAt")
      ELSE COALESCE(min(${knownFrom}) FILTER (WHERE ${knownFrom} >= cs."occurredAt"), cs."occurredAt") END
    FROM "ConditionCitation" k JOIN "Source" s ON s.id = k."sourceId" WHERE k."stateChangeId" = cs.id) <= ${asOf.instant}::timestamptz`;
}

/** The statements of the versioned tables as of the instant; undefined for a table written as now. */
export function asOfTableQuery(table: string, asOf: TAsOf): TAsOfTableQuery | undefined {
  const stood = asOfChangesSql(asOf);
  switch (table) {
    case "developments":
      return {
        select: `sc.id::text AS id, sc."agreementId"::text AS agreement_id, sc."measureId"::text AS measure_id, sc.status::text AS status,
                 sc.headline, sc.body, ${instant('sc."occurredAt"')} AS occurred_at, sc."occurredPrecision"::text AS occurred_precision,
                 sc."timeZone" AS time_zone, ${instant('sc."effectiveAt"')} AS effective_at, sc.direction::text AS direction,
                 sc.state::text AS state, cancelled.id::text AS cancels_id, ${instant('sc."publishedAt"')} AS published_at,
                 ${instant('sc."retractedAt"')} AS retracted_at, sc."retractionReason" AS retraction_reason, sc.version`,
        // The cancelled entry only when it stood too, as the present package keeps only published ones.
        from: Prisma.sql`(${stood}) sc LEFT JOIN (${stood}) cancelled ON cancelled.id = sc."cancelsId"`,
        where: Prisma.sql`TRUE`,
        keys: ["sc.id"],
      };
    case "citations":
      // The version's own citations, of sources public by then (undated ones kept), as asOfCitationsSql shows them.
      return {
        select: `c.id::text AS id, sc.id::text AS development_id, c."sourceId"::text AS source_id, c.position, c.quote,
                 c."quoteOriginal" AS quote_original, c."quoteLanguage" AS quote_language, c.locator, c.credibility`,
        from: Prisma.sql`(${stood}) sc CROSS JOIN LATERAL jsonb_to_recordset(sc."recordCitations") AS c(id uuid, "sourceId" uuid, quote text,
            "quoteOriginal" text, "quoteLanguage" text, locator text, credibility int, position int)
          JOIN "Source" s ON s.id = c."sourceId"`,
        where: Prisma.sql`(s."publishedAt" IS NULL OR pw_source_known_from(s."publishedAt", s."publishedPrecision") <= ${asOf.instant}::timestamptz)`,
        // Walked by development (the record's primary key), so each batch is one ordered index range.
        keys: ["sc.id", "c.id"],
        pageColumns: ["development_id", "id"],
      };
    case "conditions":
      return {
        select: `co.id::text AS id, co."statusChangeId"::text AS development_id, co.statement,
                 co."dependsOnAgreementId"::text AS depends_on_agreement_id, co."dependsOnMeasureId"::text AS depends_on_measure_id`,
        from: Prisma.sql`"Condition" co`,
        // A condition stands when its development did and one of its states had (as the pages).
        where: Prisma.sql`${developmentStood('co."statusChangeId"', asOf)}
          AND EXISTS (SELECT 1 FROM "ConditionStateChange" cs WHERE cs."conditionId" = co.id AND ${conditionStateStood(asOf)})`,
        keys: ["co.id"],
      };
    case "condition_states":
      return {
        select: `cs.id::text AS id, cs."conditionId"::text AS condition_id, cs.state::text AS state, cs.note,
                 ${instant('cs."occurredAt"')} AS occurred_at, cs."occurredPrecision"::text AS occurred_precision, cs."timeZone" AS time_zone`,
        from: Prisma.sql`"ConditionStateChange" cs JOIN "Condition" co ON co.id = cs."conditionId"`,
        where: Prisma.sql`${developmentStood('co."statusChangeId"', asOf)} AND ${conditionStateStood(asOf)}`,
        keys: ["cs.id"],
      };
    case "condition_citations":
      return {
        select: `cc.id::text AS id, cc."stateChangeId"::text AS condition_state_id, cc."sourceId"::text AS source_id, cc.position, cc.quote,
                 cc."quoteOriginal" AS quote_original, cc."quoteLanguage" AS quote_language, cc.locator, cc.credibility`,
        from: Prisma.sql`"ConditionCitation" cc JOIN "ConditionStateChange" cs ON cs.id = cc."stateChangeId" JOIN "Condition" co ON co.id = cs."conditionId"`,
        where: Prisma.sql`${developmentStood('co."statusChangeId"', asOf)} AND ${conditionStateStood(asOf)}`,
        keys: ["cc.id"],
      };
    default:
      return undefined;
  }
}
