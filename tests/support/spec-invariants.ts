import { Prisma } from "../../lib/generated/prisma/client";
import { deriveStatus } from "../../lib/domain/status-derivation";
import type { TDatabase } from "../../lib/server/db";
import { currentStatusJoin } from "../../lib/server/status-sql";

// The invariants of SPEC §3, read back from the database after whatever a test threw at the app:
// - each agreement's and measure's current status, as the reading pages compute it in SQL, is
//   the one its published history derives to (lib/domain, by effective time, retractions not
//   counting, pending deadlines not current);
// - every published or retracted change has at least one citation (none is published without);
// - a retracted change keeps its history: when, by whom and why;
// - each change belongs to exactly one agreement or one trade measure;
// - a merged source keeps its row as a redirect and no citation still points at it;
// - versions count from 1 (optimistic locking), and the audit log and revisions only grow.

export type TInvariantSnapshot = { auditEvents: number; revisions: number };

/** Counts that may only grow; take one before and pass it to checkSpecInvariants after. */
export async function invariantSnapshot(db: TDatabase): Promise<TInvariantSnapshot> {
  const [auditEvents, revisions] = await Promise.all([db.auditEvent.count(), db.revision.count()]);
  return { auditEvents, revisions };
}

/** Every broken invariant, in words; [] when SPEC §3 holds. */
export async function checkSpecInvariants(db: TDatabase, before?: TInvariantSnapshot, now = new Date()): Promise<string[]> {
  const problems: string[] = [];
  for (const column of ["agreementId", "measureId"] as const) {
    const table = Prisma.raw(column === "agreementId" ? `"Agreement"` : `"TradeMeasure"`);
    const sqlStatuses = await db.$queryRaw<{ id: string; currentStatus: string | null }[]>`
      SELECT s.id, current."currentStatus" FROM ${table} s ${currentStatusJoin(column, Prisma.sql`s.id`, now)}`;
    const changes = await db.statusChange.findMany({
      where: column === "agreementId" ? { agreementId: { not: null } } : { measureId: { not: null } },
      select: { id: true, agreementId: true, measureId: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
    });
    for (const subject of sqlStatuses) {
      const history = changes.filter((change) => change[column] === subject.id);
      const derived = deriveStatus(history, now).current?.status ?? null;
      if (derived !== subject.currentStatus) problems.push(`${column} ${subject.id}: SQL says ${subject.currentStatus}, its history derives ${derived}`);
    }
  }
  const uncited = await db.statusChange.findMany({ where: { state: { in: ["PUBLISHED", "RETRACTED"] }, citations: { none: {} } }, select: { id: true } });
  for (const change of uncited) problems.push(`change ${change.id} is published without a citation`);
  const badRetractions = await db.statusChange.findMany({
    where: { state: "RETRACTED", OR: [{ retractedAt: null }, { retractedById: null }, { retractionReason: null }, { retractionReason: "" }] },
    select: { id: true },
  });
  for (const change of badRetractions) problems.push(`retracted change ${change.id} lost when, by whom or why`);
  const orphans = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "StatusChange" WHERE ("agreementId" IS NULL) = ("measureId" IS NULL)`;
  for (const change of orphans) problems.push(`change ${change.id} belongs to no subject or to two`);
  const citedMerged = await db.citation.findMany({ where: { source: { mergedIntoId: { not: null } } }, select: { id: true, sourceId: true } });
  for (const citation of citedMerged) problems.push(`citation ${citation.id} still points at merged source ${citation.sourceId}`);
  const mergedIntoMissing = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Source" s LEFT JOIN "Source" t ON t.id = s."mergedIntoId" WHERE s."mergedIntoId" IS NOT NULL AND t.id IS NULL`;
  for (const source of mergedIntoMissing) problems.push(`merged source ${source.id} redirects nowhere`);
  const badVersions = await db.$queryRaw<{ kind: string; id: string }[]>`
    SELECT 'StatusChange' AS kind, id FROM "StatusChange" WHERE version < 1
    UNION ALL SELECT 'Agreement', id FROM "Agreement" WHERE version < 1
    UNION ALL SELECT 'TradeMeasure', id FROM "TradeMeasure" WHERE version < 1`;
  for (const row of badVersions) problems.push(`${row.kind} ${row.id} has a version below 1`);
  if (before) {
    const after = await invariantSnapshot(db);
    if (after.auditEvents < before.auditEvents) problems.push(`audit events went from ${before.auditEvents} to ${after.auditEvents}: the log is append-only`);
    if (after.revisions < before.revisions) problems.push(`revisions went from ${before.revisions} to ${after.revisions}: they are append-only`);
  }
  return problems;
}
