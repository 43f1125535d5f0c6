import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { agreementName } from "../../domain/subject-ref";
import { ZCounterpartRow, ZPartyAgreementRow, ZPartyMeasureRow, ZPartyRow } from "../rows/party-rows";
import { parseRows } from "../rows/parse-rows";
import { currentStatusJoin, toCurrentStatus } from "../status-sql";

/** How many agreements, and measures each way, a party page lists (the most recently changed); the rest are counted. */
export const PARTY_SECTION_LIMIT = 50;

/**
 * A party's page: the party, its agreements and the measures it imposes or is targeted by (each
 * with its current status, the most recently changed first, at most PARTY_SECTION_LIMIT of each
 * with the totals), and the parties it has relations with. One round trip per section, run at once.
 */
export async function getParty(actor: TActor, code: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const partyId = Prisma.sql`(SELECT id FROM "Party" WHERE code = ${code})`;
  const [rawParties, rawAgreements, rawMeasures, rawCounterparts] = await Promise.all([
    database.$queryRaw`SELECT id, code, name, kind::text AS kind, aliases FROM "Party" WHERE code = ${code}`,
    database.$queryRaw`
      SELECT a.slug, a.title, a."shortName", a.kind::text AS kind, current.*, count(*) OVER ()::int AS total,
        COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
          FROM "AgreementParty" other JOIN "Party" p ON p.id = other."partyId"
          WHERE other."agreementId" = a.id AND other."partyId" <> ${partyId}), '[]'::json) AS others
      FROM "AgreementParty" ap JOIN "Agreement" a ON a.id = ap."agreementId"
        ${currentStatusJoin("agreementId", Prisma.sql`a.id`, now)}
      WHERE ap."partyId" = ${partyId}
      ORDER BY current."currentSince" DESC NULLS LAST, a.id LIMIT ${PARTY_SECTION_LIMIT}`,
    database.$queryRaw`
      SELECT * FROM (
      SELECT m.slug, m.title, m."measureType"::text AS "measureType", m."imposingPartyId" = ${partyId} AS "isImposing", current.*,
        count(*) OVER (PARTITION BY m."imposingPartyId" = ${partyId})::int AS total,
        row_number() OVER (PARTITION BY m."imposingPartyId" = ${partyId} ORDER BY current."currentSince" DESC NULLS LAST, m.id) AS position,
        json_build_object('code', imposing.code, 'name', imposing.name) AS "imposingParty",
        COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
          FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id), '[]'::json) AS targets
      FROM "TradeMeasure" m JOIN "Party" imposing ON imposing.id = m."imposingPartyId"
        ${currentStatusJoin("measureId", Prisma.sql`m.id`, now)}
      WHERE m."imposingPartyId" = ${partyId}
        OR m.id IN (SELECT t."measureId" FROM "TradeMeasureTarget" t WHERE t."partyId" = ${partyId})
      ) ranked WHERE position <= ${PARTY_SECTION_LIMIT} ORDER BY position`,
    database.$queryRaw`
      WITH me AS (SELECT ${partyId} AS id), links AS (
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
      GROUP BY p.code, p.name ORDER BY count(*) DESC, p.name`,
  ]);
  const party = parseRows(ZPartyRow, rawParties)[0];
  const agreements = parseRows(ZPartyAgreementRow, rawAgreements);
  const measures = parseRows(ZPartyMeasureRow, rawMeasures);
  const counterparts = parseRows(ZCounterpartRow, rawCounterparts);
  if (!party) throw new AppError("NOT_FOUND", `No party has the code “${code}”.`);
  return {
    code: party.code,
    name: party.name,
    kind: party.kind,
    aliases: party.aliases,
    totals: {
      agreements: agreements[0]?.total ?? 0,
      imposed: measures.find((measure) => measure.isImposing)?.total ?? 0,
      targeted: measures.find((measure) => !measure.isImposing)?.total ?? 0,
    },
    agreements: agreements.map(({ slug, title, shortName, kind, others, total: _total, ...row }) => ({
      slug,
      title,
      name: agreementName({ title, shortName }),
      kind,
      others,
      current: toCurrentStatus(row),
    })),
    measures: measures.map(({ slug, title, measureType, isImposing, imposingParty, targets, total: _total, ...row }) => ({
      slug,
      title,
      measureType,
      isImposing,
      imposingParty,
      targets,
      current: toCurrentStatus(row),
    })),
    counterparts,
  };
}

export type TPartyPage = Awaited<ReturnType<typeof getParty>>;
