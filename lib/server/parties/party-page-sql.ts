import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { currentStatusJoin } from "../status-sql";
import type { TAsOf } from "../as-of-sql";

// The statements of a party's page (get-party.ts), exported for the plan tests. Each section is
// ranked on ids and stored statuses alone (one CurrentStatusPeriod probe per subject, decision
// 026), and only the rows shown are joined to their names, parties and targets: a busy party has
// over a thousand agreements and as many measures, of which 50 of each are shown.

/** How many agreements, and measures each way, a party page lists (the most recently changed); the rest are counted. */
export const PARTY_SECTION_LIMIT = 50;

const STATUS_COLUMNS = Prisma.sql`ranked."currentId", ranked."currentStatus", ranked."sinceId", ranked."currentSince",
  ranked."currentEffectiveAt", ranked."currentPrecision", ranked."currentTimeZone"`;

// The shown rows' ids as an array: their rows are then fetched by primary key (an index scan on
// "= ANY"), where a join with the ranked CTE, estimated at every row of the section, was planned
// as a sequential scan of the whole table.
const SHOWN_IDS = Prisma.sql`ARRAY(SELECT id FROM ranked)`;

function partySql(code: string): Prisma.Sql {
  return Prisma.sql`me AS MATERIALIZED (SELECT id FROM "Party" WHERE code = ${code})`;
}

/** The party's most recently changed agreements with their current status, the other parties and the total. */
export function partyAgreementsSql(code: string, now: Date, limit: number = PARTY_SECTION_LIMIT, asOf?: TAsOf): Prisma.Sql {
  return Prisma.sql`
    WITH ${partySql(code)}, ranked AS MATERIALIZED (
      SELECT ap."agreementId" AS id, current.*, count(*) OVER ()::int AS total
      FROM me JOIN "AgreementParty" ap ON ap."partyId" = me.id
        ${currentStatusJoin("agreementId", Prisma.sql`ap."agreementId"`, now, asOf)}
      ORDER BY current."currentSince" DESC NULLS LAST, ap."agreementId" LIMIT ${limit}
    ), others AS MATERIALIZED (
      SELECT other."agreementId", json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name) AS others
      FROM "AgreementParty" other JOIN "Party" p ON p.id = other."partyId"
      WHERE other."agreementId" = ANY(${SHOWN_IDS}) AND other."partyId" <> (SELECT id FROM me)
      GROUP BY other."agreementId"
    )
    SELECT a.slug, a.title, a."shortName", a.kind::text AS kind, ${STATUS_COLUMNS}, ranked.total, COALESCE(others.others, '[]'::json) AS others
    FROM ranked JOIN "Agreement" a ON a.id = ranked.id LEFT JOIN others ON others."agreementId" = ranked.id
    WHERE a.id = ANY(${SHOWN_IDS})
    ORDER BY ranked."currentSince" DESC NULLS LAST, ranked.id`;
}

/**
 * The measures the party imposes and those targeting it (imposed by another), the most recently
 * changed of each with their current status and totals. The two sets come from their own
 * indexes (imposingPartyId, and TradeMeasureTarget's partyId), never by reading every measure.
 */
export function partyMeasuresSql(code: string, now: Date, limit: number = PARTY_SECTION_LIMIT, asOf?: TAsOf): Prisma.Sql {
  return Prisma.sql`
    WITH ${partySql(code)},
    imposed AS MATERIALIZED (SELECT m.id FROM me JOIN "TradeMeasure" m ON m."imposingPartyId" = me.id),
    mine AS (
      SELECT id, true AS "isImposing" FROM imposed
      UNION ALL
      SELECT t."measureId", false FROM me JOIN "TradeMeasureTarget" t ON t."partyId" = me.id
      WHERE t."measureId" NOT IN (SELECT id FROM imposed)
    ), ranked AS MATERIALIZED (
      SELECT * FROM (
        SELECT mine.id, mine."isImposing", current.*, count(*) OVER (PARTITION BY mine."isImposing")::int AS total,
          row_number() OVER (PARTITION BY mine."isImposing" ORDER BY current."currentSince" DESC NULLS LAST, mine.id) AS position
        FROM mine ${currentStatusJoin("measureId", Prisma.sql`mine.id`, now, asOf)}
      ) numbered WHERE position <= ${limit}
    ), targets AS MATERIALIZED (
      SELECT t."measureId", json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name) AS targets
      FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId"
      WHERE t."measureId" = ANY(${SHOWN_IDS})
      GROUP BY t."measureId"
    )
    SELECT m.slug, m.title, m."measureType"::text AS "measureType", ranked."isImposing", ${STATUS_COLUMNS}, ranked.total,
      json_build_object('code', imposing.code, 'name', imposing.name) AS "imposingParty", COALESCE(targets.targets, '[]'::json) AS targets
    FROM ranked JOIN "TradeMeasure" m ON m.id = ranked.id JOIN "Party" imposing ON imposing.id = m."imposingPartyId"
      LEFT JOIN targets ON targets."measureId" = ranked.id
    WHERE m.id = ANY(${SHOWN_IDS})
    ORDER BY ranked.position, ranked."isImposing" DESC`;
}

/** The parties this one has relations with: shared agreements, measures imposed on them and received from them. */
export function partyCounterpartsSql(code: string): Prisma.Sql {
  return Prisma.sql`
      WITH ${partySql(code)}, links AS (
        SELECT other."partyId" AS party, 'agreement' AS what FROM "AgreementParty" mine
          JOIN "AgreementParty" other ON other."agreementId" = mine."agreementId" AND other."partyId" <> mine."partyId"
        WHERE mine."partyId" = (SELECT id FROM me)
        UNION ALL
        SELECT t."partyId", 'imposed' FROM "TradeMeasure" m JOIN "TradeMeasureTarget" t ON t."measureId" = m.id
        WHERE m."imposingPartyId" = (SELECT id FROM me) AND t."partyId" <> (SELECT id FROM me)
        UNION ALL
        SELECT m."imposingPartyId", 'received' FROM "TradeMeasureTarget" t JOIN "TradeMeasure" m ON m.id = t."measureId"
        WHERE t."partyId" = (SELECT id FROM me) AND m."imposingPartyId" <> (SELECT id FROM me)
      )
      SELECT p.code, p.name,
        count(*) FILTER (WHERE what = 'agreement')::int AS agreements,
        count(*) FILTER (WHERE what = 'imposed')::int AS "measuresImposed",
        count(*) FILTER (WHERE what = 'received')::int AS "measuresReceived"
      FROM links JOIN "Party" p ON p.id = links.party
      GROUP BY p.code, p.name ORDER BY count(*) DESC, p.name`;
}
