import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { subjectHref } from "../../domain/subject-ref";
import { parseRows } from "../rows/parse-rows";
import { ZCitingRow, ZSourceRow, ZTotalRow } from "../rows/source-rows";

/** How many citing developments a source page lists; the rest are counted. */
export const CITING_LIMIT = 100;

/**
 * A source and what cites it (published and retracted developments, newest first). A source
 * merged into another answers { mergedInto } so the page can redirect; an unknown id is NOT_FOUND.
 */
export async function getSource(actor: TActor, id: string) {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "No source is recorded at this address.");
  const database = getDatabase();
  const [rawSources, rawCiting, rawCounts] = await Promise.all([
    database.$queryRaw`
      SELECT s.id, s.url, s.title, s.publisher, s.authors, s."publishedAt", s."accessedAt", s.kind::text AS kind, s.language,
        s.reliability::text AS reliability, s."reliabilityNote", s."archiveUrl", s."mergedIntoId", s."retiredAt", s."retiredReason",
        COALESCE((SELECT json_agg(json_build_object('id', merged.id, 'url', merged.url, 'title', merged.title))
          FROM "Source" merged WHERE merged."mergedIntoId" = s.id), '[]'::json) AS "mergedFrom"
      FROM "Source" s WHERE s.id = ${id}::uuid`,
    database.$queryRaw`
      SELECT sc.id, sc.headline, sc.status::text AS status, sc.state::text AS state, sc."occurredAt", sc."occurredPrecision"::text AS "occurredPrecision",
        sc."timeZone", c.quote, c.locator, c.credibility, a.slug AS "agreementSlug", m.slug AS "measureSlug",
        COALESCE(a."shortName", a.title, m.title) AS "subjectName"
      FROM "Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId"
        LEFT JOIN "Agreement" a ON a.id = sc."agreementId" LEFT JOIN "TradeMeasure" m ON m.id = sc."measureId"
      WHERE c."sourceId" = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')
      ORDER BY sc."effectiveTime" DESC, sc."occurredAt" DESC, sc.id DESC LIMIT ${CITING_LIMIT}`,
    database.$queryRaw`
      SELECT count(*)::int AS total FROM "Citation" c JOIN "StatusChange" sc ON sc.id = c."statusChangeId"
      WHERE c."sourceId" = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')`,
  ]);
  const source = parseRows(ZSourceRow, rawSources)[0];
  if (!source) throw new AppError("NOT_FOUND", "No source is recorded at this address.");
  if (source.mergedIntoId) return { mergedInto: source.mergedIntoId } as const;
  return {
    source,
    citedBy: parseRows(ZCitingRow, rawCiting).map((row) => ({
      ...row,
      href: row.agreementSlug ? subjectHref("AGREEMENT", row.agreementSlug) : subjectHref("MEASURE", row.measureSlug ?? ""),
    })),
    citedByTotal: parseRows(ZTotalRow, rawCounts)[0]?.total ?? 0,
  } as const;
}

export type TSourcePage = Exclude<Awaited<ReturnType<typeof getSource>>, { mergedInto: string }>;
