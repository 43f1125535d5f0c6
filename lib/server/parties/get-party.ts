import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { AgreementKind, MeasureType, PartyKind } from "../../generated/prisma/enums";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { currentStatusJoin, toCurrentStatus, type TCurrentStatusColumns } from "../status-sql";

type TPartyRow = { id: string; code: string; name: string; kind: PartyKind; aliases: string[] };
type TAgreementRow = TCurrentStatusColumns & { slug: string; title: string; shortName: string | null; kind: AgreementKind; others: { code: string; name: string }[] };
type TMeasureRow = TCurrentStatusColumns & {
  slug: string;
  title: string;
  measureType: MeasureType;
  isImposing: boolean;
  imposingParty: { code: string; name: string };
  targets: { code: string; name: string }[];
};
type TCounterpartRow = { code: string; name: string; agreements: number; measuresImposed: number; measuresReceived: number };

/**
 * A party's page: the party, its agreements and the measures it imposes or is targeted by (each
 * with its current status), and the parties it has relations with. Three round trips, run at
 * once, one per section.
 */
export async function getParty(actor: TActor, code: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const database = getDatabase();
  const partyId = Prisma.sql`(SELECT id FROM "Party" WHERE code = ${code})`;
  const [parties, agreements, measures, counterparts] = await Promise.all([
    database.$queryRaw<TPartyRow[]>`SELECT id, code, name, kind::text AS kind, aliases FROM "Party" WHERE code = ${code}`,
    database.$queryRaw<TAgreementRow[]>`
      SELECT a.slug, a.title, a."shortName", a.kind::text AS kind, current.*,
        COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
          FROM "AgreementParty" other JOIN "Party" p ON p.id = other."partyId"
          WHERE other."agreementId" = a.id AND other."partyId" <> ${partyId}), '[]'::json) AS others
      FROM "AgreementParty" ap JOIN "Agreement" a ON a.id = ap."agreementId"
        ${currentStatusJoin("agreementId", Prisma.sql`a.id`, now)}
      WHERE ap."partyId" = ${partyId}
      ORDER BY lower(COALESCE(a."shortName", a.title)), a.id`,
    database.$queryRaw<TMeasureRow[]>`
      SELECT m.slug, m.title, m."measureType"::text AS "measureType", m."imposingPartyId" = ${partyId} AS "isImposing", current.*,
        json_build_object('code', imposing.code, 'name', imposing.name) AS "imposingParty",
        COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
          FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id), '[]'::json) AS targets
      FROM "TradeMeasure" m JOIN "Party" imposing ON imposing.id = m."imposingPartyId"
        ${currentStatusJoin("measureId", Prisma.sql`m.id`, now)}
      WHERE m."imposingPartyId" = ${partyId}
        OR m.id IN (SELECT t."measureId" FROM "TradeMeasureTarget" t WHERE t."partyId" = ${partyId})
      ORDER BY lower(m.title), m.id`,
    database.$queryRaw<TCounterpartRow[]>`
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
  const party = parties[0];
  if (!party) throw new AppError("NOT_FOUND", `No party has the code “${code}”.`);
  return {
    code: party.code,
    name: party.name,
    kind: party.kind,
    aliases: party.aliases,
    agreements: agreements.map(({ slug, title, shortName, kind, others, ...row }) => ({
      slug,
      title,
      name: shortName ?? title,
      kind,
      others,
      current: toCurrentStatus(row),
    })),
    measures: measures.map(({ slug, title, measureType, isImposing, imposingParty, targets, ...row }) => ({
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
