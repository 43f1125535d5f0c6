import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { agreementName } from "../../domain/subject-ref";
import { ZCounterpartRow, ZPartyAgreementRow, ZPartyMeasureRow, ZPartyRow } from "../rows/party-rows";
import { queryRows } from "../rows/parse-rows";
import { toCurrentStatus } from "../status-sql";
import { PARTY_SECTION_LIMIT, partyAgreementsSql, partyCounterpartsSql, partyMeasuresSql } from "./party-page-sql";
import type { TAsOf } from "../as-of-sql";

/**
 * A party's page: the party, its agreements and the measures it imposes or is targeted by (each
 * with its current status, the most recently changed first, at most PARTY_SECTION_LIMIT of each
 * with the totals), and the parties it has relations with. One round trip per section, run at once.
 */
export async function getParty(actor: TActor, code: string, now: Date = new Date(), asOf?: TAsOf) {
  assertCan(actor, "published:read");
  // As of an instant (decision 029) each status is derived then from what stood; the party, its
  // agreements, measures and relations are not versioned and show as now.
  if (asOf) now = asOf.instant;
  const database = await readDatabase(actor);
  const [[party], agreements, measures, counterparts] = await Promise.all([
    queryRows(database, ZPartyRow, Prisma.sql`SELECT id, code, name, kind::text AS kind, aliases FROM "Party" WHERE code = ${code}`),
    queryRows(database, ZPartyAgreementRow, partyAgreementsSql(code, now, PARTY_SECTION_LIMIT, asOf)),
    queryRows(database, ZPartyMeasureRow, partyMeasuresSql(code, now, PARTY_SECTION_LIMIT, asOf)),
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
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  };
}

export type TPartyPage = Awaited<ReturnType<typeof getParty>>;
