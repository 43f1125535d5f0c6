import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { LOGGED_KINDS } from "../../domain/corrections";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { queryRows } from "../rows/parse-rows";
import { ZCorrectedSubjectRow } from "../rows/correction-row";

/** The subject filter lists at most this many agreements and measures. */
export const MAX_CORRECTED_SUBJECTS = 200;

/**
 * The agreements and measures that have at least one correction, erratum or retraction, by name:
 * the corrections log's subject filter offers only subjects it can narrow to (bounded, where a
 * list of every subject would not be on the large dataset).
 */
export async function listCorrectedSubjects(actor: TActor) {
  assertCan(actor, "published:read");
  const kinds = Prisma.join(LOGGED_KINDS.map((kind) => Prisma.sql`${kind}::"RevisionKind"`));
  const rows = await queryRows(
    await readDatabase(actor),
    ZCorrectedSubjectRow,
    Prisma.sql`
      SELECT value, label FROM (
        SELECT DISTINCT COALESCE('agreement:' || agreement.slug, 'measure:' || measure.slug) AS value,
          COALESCE(COALESCE(agreement."shortName", agreement.title), measure.title) AS label
        FROM "Revision" r
          JOIN "StatusChange" sc ON sc.id = r."entityId"
          LEFT JOIN "Agreement" agreement ON agreement.id = sc."agreementId"
          LEFT JOIN "TradeMeasure" measure ON measure.id = sc."measureId"
        WHERE r.kind IN (${kinds}) AND r."entityType" = 'StatusChange'
      ) subjects ORDER BY label, value LIMIT ${MAX_CORRECTED_SUBJECTS}`,
  );
  return rows;
}

