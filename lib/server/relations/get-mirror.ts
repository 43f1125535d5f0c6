import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { pairKey, pairMirrorMeasures, type TMirrorMeasure } from "../../domain/mirror-pairing";
import { subjectHref } from "../../domain/subject-ref";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { queryRows } from "../rows/parse-rows";
import { ZMirrorRow } from "../rows/mirror-rows";
import { ZRelationPartyRow } from "../rows/relation-rows";
import { canonicalPair } from "./get-relation";
import { MIRROR_MEASURES_PER_SIDE, mirrorSql } from "./mirror-sql";
import type { TAsOf } from "../as-of-sql";

const withHref = <TMeasure extends TMirrorMeasure>(measure: TMeasure) => ({ ...measure, href: subjectHref("MEASURE", measure.slug) });

/**
 * The mirror view of a relation: the measures either way paired (RETALIATION_FOR links first,
 * then proposals by type and time, lib/domain/mirror-pairing.ts) with their lags, and the
 * measures left unpaired. Everyone who may read the record sees the same view, proposals
 * included (marked as such), so the page can be cached under the published version. As of an
 * instant, the view as it stood (mirrorSql); the measures' own dates are not versioned and show as now.
 */
export async function getMirror(actor: TActor, codes: readonly [string, string], asOf?: TAsOf) {
  assertCan(actor, "published:read");
  const [firstCode, secondCode] = canonicalPair(codes[0], codes[1]);
  const database = await readDatabase(actor);
  const [parties, [row]] = await Promise.all([
    queryRows(database, ZRelationPartyRow, Prisma.sql`SELECT code, name FROM "Party" WHERE code IN (${firstCode}, ${secondCode}) ORDER BY code`),
    queryRows(database, ZMirrorRow, mirrorSql(firstCode, secondCode, MIRROR_MEASURES_PER_SIDE, asOf)),
  ]);
  if (parties.length < 2) {
    const missing = [firstCode, secondCode].filter((code) => !parties.some((party) => party.code === code));
    throw new AppError("NOT_FOUND", `No party has the code ${missing.map((code) => `“${code}”`).join(" or ")}.`);
  }
  const { measures, links, dismissals, totalMeasures } = row!;
  const { pairs, unpaired } = pairMirrorMeasures({
    measures,
    links,
    dismissed: new Set(dismissals.map((dismissal) => pairKey(dismissal.firstMeasureId, dismissal.secondMeasureId))),
  });
  return {
    parties: parties as [{ code: string; name: string }, { code: string; name: string }],
    pair: `${firstCode}-${secondCode}`,
    pairs: pairs.map((pair) => ({ ...pair, original: withHref(pair.original), answer: withHref(pair.answer) })),
    unpaired: unpaired.map(withHref),
    /** How many measures either way the pair has, and whether only the most recent MIRROR_MEASURES_PER_SIDE each way were paired. */
    totalMeasures,
    isTruncated: totalMeasures > measures.length,
    perSide: MIRROR_MEASURES_PER_SIDE,
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  };
}

export type TMirror = Awaited<ReturnType<typeof getMirror>>;
