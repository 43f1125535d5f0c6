import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { agreementName } from "../../domain/subject-ref";
import { ZCounterpartRow, ZPartyAgreementRow, ZPartyMeasureRow, ZPartyRow } from "../rows/party-rows";
import { queryRows } from "../rows/parse-rows";
import { toCurrentStatus } from "../status-sql";
import { partyAgreementsSql, partyCounterpartsSql, partyMeasuresSql } from "./party-page-sql";

/**
 * A party's page: the party, its agreements and the measures it imposes or is targeted by (each
 * with its current status, the most recently changed first, at most PARTY_SECTION_LIMIT of each
 * with the totals), and the parties it has relations with. One round trip per section, run at once.
 */
export async function getParty(actor: TActor, code: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const [[party], agreements, measures, counterparts] = await Promise.all([
    queryRows(database, ZPartyRow, Prisma.sql`SELECT id, code, name, kind::text AS kind, aliases FROM "Party" WHERE code = ${code}`),
    queryRows(database, ZPartyAgreementRow, partyAgreementsSql(code, now)),
    queryRows(database, ZPartyMeasureRow, partyMeasuresSql(code, now)),
    queryRows(database, ZCounterpartRow, partyCounterpartsSql(code)),
  ]);
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
