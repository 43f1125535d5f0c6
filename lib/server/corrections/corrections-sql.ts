import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { CorrectionType, RevisionKind } from "../../generated/prisma/enums";
import { LOGGED_KINDS } from "../../domain/corrections";

/** What the log is narrowed to, resolved: a subject is its id. */
export type TCorrectionFilters = {
  kinds: readonly RevisionKind[];
  type?: CorrectionType;
  subject?: { column: "agreementId" | "measureId"; id: string };
  start: Date | null;
  end: Date | null;
  after?: readonly [Date, string];
  /** As of an instant: only what was recorded by then (record time, on either axis; decision 036). */
  recordedBy?: Date;
};

/** The kinds a filter leaves: a correction type implies corrections. */
export function kindsFor(kind: RevisionKind | undefined, type: CorrectionType | undefined): readonly RevisionKind[] {
  if (type) return kind && kind !== "CORRECTION" ? [] : ["CORRECTION"];
  return kind ? [kind] : LOGGED_KINDS;
}

// One ordered range scan of Revision_corrections_log_idx per kind, each limited, merged and cut
// again: PostgreSQL reads at most `limit` index entries per kind (and the rows they join to),
// where a single scan over "kind IN (…)" would have to sort every correction ever made. Revisions
// without a kind (publications, edits of agreements …) are never read.
function keysOfKind(kind: RevisionKind, filters: TCorrectionFilters, limit: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`r.kind = ${kind}::"RevisionKind"`, Prisma.sql`r."entityType" = 'StatusChange'`];
  if (filters.type) conditions.push(Prisma.sql`r."correctionType" = ${filters.type}::"CorrectionType"`);
  if (filters.start) conditions.push(Prisma.sql`r."createdAt" >= ${filters.start}`);
  if (filters.end) conditions.push(Prisma.sql`r."createdAt" < ${filters.end}`);
  if (filters.recordedBy) conditions.push(Prisma.sql`r."createdAt" <= ${filters.recordedBy}::timestamptz`);
  if (filters.after) conditions.push(Prisma.sql`(r."createdAt", r.id) < (${filters.after[0]}::timestamptz, ${filters.after[1]}::uuid)`);
  if (filters.subject) {
    const column = Prisma.raw(`sc."${filters.subject.column}"`);
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc.id = r."entityId" AND ${column} = ${filters.subject.id}::uuid)`);
  }
  return Prisma.sql`(SELECT r.id, r."createdAt" FROM "Revision" r WHERE ${Prisma.join(conditions, " AND ")} ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${limit})`;
}

// As of an instant the development is shown as it stood then: retracted only by a retraction made
// by then, and under the headline of its latest version recorded by then (one revision a row).
function entryThenSql(recordedBy: Date | undefined): Prisma.Sql {
  if (!recordedBy) return Prisma.sql`sc.state::text AS state, sc.headline`;
  return Prisma.sql`CASE WHEN sc."retractedAt" <= ${recordedBy}::timestamptz THEN 'RETRACTED' ELSE 'PUBLISHED' END AS state,
      COALESCE((SELECT t.snapshot->>'headline' FROM "Revision" t
        WHERE t."entityType" = 'StatusChange' AND t."entityId" = r."entityId" AND t."createdAt" <= ${recordedBy}::timestamptz
        ORDER BY t.version DESC LIMIT 1), sc.headline) AS headline`;
}

/** A page of the corrections log, newest first, with each revision's predecessor for its diff. */
export function correctionsPageSql(filters: TCorrectionFilters, limit: number): Prisma.Sql {
  const keys = Prisma.join(filters.kinds.map((kind) => keysOfKind(kind, filters, limit)), " UNION ALL ");
  return Prisma.sql`
    SELECT r.id, r."createdAt", r.kind::text AS kind, r."correctionType"::text AS "correctionType", r.reason, r.version, r."entityId",
      r.snapshot, previous.snapshot AS "previousSnapshot", ${entryThenSql(filters.recordedBy)},
      actor.name AS "actorName", actor.role::text AS "actorRole", actor."namedInPublic" AS "actorNamedInPublic",
      agreement.slug AS "agreementSlug", COALESCE(agreement."shortName", agreement.title) AS "agreementName",
      measure.slug AS "measureSlug", measure.title AS "measureTitle"
    FROM (SELECT * FROM (${keys}) merged ORDER BY "createdAt" DESC, id DESC LIMIT ${limit}) page
      JOIN "Revision" r ON r.id = page.id
      JOIN "StatusChange" sc ON sc.id = r."entityId"
      LEFT JOIN LATERAL (
        SELECT p.snapshot FROM "Revision" p
        WHERE p."entityType" = 'StatusChange' AND p."entityId" = r."entityId" AND p.version < r.version
        ORDER BY p.version DESC LIMIT 1
      ) previous ON true
      LEFT JOIN "User" actor ON actor.id = r."actorId"
      LEFT JOIN "Agreement" agreement ON agreement.id = sc."agreementId"
      LEFT JOIN "TradeMeasure" measure ON measure.id = sc."measureId"
    ORDER BY r."createdAt" DESC, r.id DESC`;
}
