import type { Prisma } from "../../lib/generated/prisma/client";
import { recordAuditEvent } from "../../lib/server/audit/record-audit-event";
import { STATUS_CHANGE_RECORD_SELECT, snapshotOf } from "../../lib/server/status-changes/status-change-record";
import type { TDemoChange } from "./types";

/**
 * Marks the demo citations whose source erred (decision 030) the way markSourceErratum does on
 * the desk: each erratum a new version of the entry, its own SOURCE_ERRATUM revision (the erratum
 * as its reason) and a `citation:erratum` audit event, so the corrections log and the revision
 * history show the seed's errata like any other. The seed has no acting account, hence its own
 * copy of the steps rather than the use case (which needs a signed-in actor).
 */
export async function markDemoErrata(tx: Prisma.TransactionClient, statusChangeId: string, change: TDemoChange, sourceIds: Map<string, string>): Promise<number> {
  let marked = 0;
  for (const citation of change.citations) {
    if (!citation.erratum) continue;
    const sourceId = sourceIds.get(citation.source);
    if (!sourceId) throw new Error(`demo change ${change.key} marks an erratum on unknown source ${citation.source}`);
    const before = await tx.statusChange.findUniqueOrThrow({ where: { id: statusChangeId }, select: STATUS_CHANGE_RECORD_SELECT });
    // The log shows "what was wrong / what it is now" against the version before, so the
    // published version gets its revision as publishing on the desk writes one.
    if (marked === 0) await tx.revision.create({ data: { entityType: "StatusChange", entityId: statusChangeId, version: before.version, snapshot: toJson(snapshotOf(before)) } });
    await tx.statusChange.update({ where: { id: statusChangeId }, data: { version: { increment: 1 } } });
    // Marked after the entry's publication, so an asOf read shows the erratum by its own time.
    await tx.citation.updateMany({ where: { statusChangeId, sourceId }, data: { erratum: citation.erratum, erratumAt: new Date() } });
    const after = await tx.statusChange.findUniqueOrThrow({ where: { id: statusChangeId }, select: STATUS_CHANGE_RECORD_SELECT });
    const snapshot = snapshotOf(after);
    const why = { kind: "SOURCE_ERRATUM" as const, correctionType: null, reason: citation.erratum };
    await recordAuditEvent(tx, null, { action: "citation:erratum", entityType: "StatusChange", entityId: statusChangeId, before: snapshotOf(before), after: { ...snapshot, revisionReason: why } });
    await tx.revision.create({
      data: {
        entityType: "StatusChange",
        entityId: statusChangeId,
        version: after.version,
        snapshot: toJson(snapshot),
        kind: why.kind,
        correctionType: null,
        reason: why.reason,
      },
    });
    marked += 1;
  }
  return marked;
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
