import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { subjectHref } from "../../domain/subject-ref";
import { queryRows } from "../rows/parse-rows";
import { Prisma } from "../../generated/prisma/client";
import { ZCitingRow, ZSourceAsOfCountRow, ZSourceRow, ZTotalRow } from "../rows/source-rows";
import type { TAsOf } from "../as-of-sql";
import { asOfCitingCountSql, asOfCitingSql } from "./source-as-of-sql";

/** How many citing developments a source page lists; the rest are counted. */
export const CITING_LIMIT = 100;

/**
 * A source and what cites it (published and retracted developments, newest first). A source
 * merged into another answers { mergedInto } so the page can redirect; an unknown id is NOT_FOUND.
 * As of an instant (decision 040): the developments that stood then citing it, each in its
 * version then; its retirement and merged duplicates only once made; `notYet` says why nothing
 * cited it then (not yet published, or not yet cited), never a 404.
 */
export async function getSource(actor: TActor, id: string, asOf?: TAsOf) {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "No source is recorded at this address.");
  const database = await readDatabase(actor);
  const at = asOf?.instant ?? null;
  const [[source], citing, counts] = await Promise.all([
    queryRows(database, ZSourceRow, Prisma.sql`
      SELECT s.id, s.url, s.title, s.publisher, s.authors, s."publishedAt", s."accessedAt", s.kind::text AS kind, s.language,
        s.reliability::text AS reliability, s."reliabilityNote", s."archiveUrl", s."mergedIntoId",
        CASE WHEN ${at}::timestamptz IS NULL OR s."retiredAt" <= ${at}::timestamptz THEN s."retiredAt" END AS "retiredAt",
        CASE WHEN ${at}::timestamptz IS NULL OR s."retiredAt" <= ${at}::timestamptz THEN s."retiredReason" END AS "retiredReason",
        COALESCE((SELECT json_agg(json_build_object('id', merged.id, 'url', merged.url, 'title', merged.title))
          FROM "Source" merged WHERE merged."mergedIntoId" = s.id
            AND (${at}::timestamptz IS NULL OR merged."mergedAt" IS NULL OR merged."mergedAt" <= ${at}::timestamptz)), '[]'::json) AS "mergedFrom"
      FROM "Source" s WHERE s.id = ${id}::uuid`),
    queryRows(database, ZCitingRow, asOf ? asOfCitingSql(id, asOf, CITING_LIMIT) : presentCitingSql(id)),
    asOf
      ? queryRows(database, ZSourceAsOfCountRow, asOfCitingCountSql(id, asOf))
      : queryRows(database, ZTotalRow, Prisma.sql`
      SELECT count(*)::int AS total FROM "Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId"
      WHERE c."sourceId" = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')`),
  ]);
  if (!source) throw new AppError("NOT_FOUND", "No source is recorded at this address.");
  if (source.mergedIntoId) return { mergedInto: source.mergedIntoId } as const;
  const counted = counts[0];
  const citedByTotal = counted?.total ?? 0;
  const isPublic = counted && "isPublic" in counted ? counted.isPublic : true;
  return {
    source,
    citedBy: citing.map((row) => ({
      ...row,
      href: row.agreementSlug ? subjectHref("AGREEMENT", row.agreementSlug) : subjectHref("MEASURE", row.measureSlug ?? ""),
    })),
    citedByTotal,
    /** As of an instant with nothing citing it: "unpublished" (the source was not yet public), "uncited" (nothing in the record cited it yet); else null. */
    notYet: !asOf || citedByTotal > 0 ? null : isPublic ? ("uncited" as const) : ("unpublished" as const),
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  } as const;
}

/** Today's citations of the source by published and retracted developments. */
function presentCitingSql(id: string): Prisma.Sql {
  return Prisma.sql`
      SELECT sc.id, sc.headline, sc.status::text AS status, sc.state::text AS state, sc."occurredAt", sc."occurredPrecision"::text AS "occurredPrecision",
        sc."timeZone", c.quote, c.locator, c.credibility, a.slug AS "agreementSlug", m.slug AS "measureSlug",
        COALESCE(a."shortName", a.title, m.title) AS "subjectName"
      FROM "Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId"
        LEFT JOIN "Agreement" a ON a.id = sc."agreementId" LEFT JOIN "TradeMeasure" m ON m.id = sc."measureId"
      WHERE c."sourceId" = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')
      ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc.id DESC LIMIT ${CITING_LIMIT}`;
}

export type TSourcePage = Exclude<Awaited<ReturnType<typeof getSource>>, { mergedInto: string }>;
