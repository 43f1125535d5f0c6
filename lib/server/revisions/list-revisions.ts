import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { authorName } from "../../domain/entry-states";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { diffSnapshots } from "./diff-snapshots";
import type { TRevisionEntityType } from "./record-revision";

/** Every saved version of an entity, oldest first, each with who saved it, when, and what changed from the one before. */
export async function listRevisions(actor: TActor, entityType: TRevisionEntityType, entityId: string) {
  assertSignedInCan(actor, "draft:read");
  // The column is a uuid: anything else has no revisions (and would be a database error).
  if (!isRecordId(entityId)) return [];
  const revisions = await getDatabase().revision.findMany({
    where: { entityType, entityId },
    orderBy: { version: "asc" },
    select: { id: true, version: true, snapshot: true, createdAt: true, kind: true, correctionType: true, reason: true, actor: { select: { name: true } } },
  });
  return revisions.map((revision, index) => {
    const snapshot = revision.snapshot as Record<string, unknown>;
    const previous = index > 0 ? (revisions[index - 1]?.snapshot as Record<string, unknown>) : null;
    return {
      id: revision.id,
      version: revision.version,
      savedAt: revision.createdAt,
      savedBy: authorName(revision.actor),
      // Why a published development changed (issue 12); null for publications and other records.
      kind: revision.kind,
      correctionType: revision.correctionType,
      reason: revision.reason,
      snapshot,
      changes: diffSnapshots(previous, snapshot),
    };
  });
}

export type TRevision = Awaited<ReturnType<typeof listRevisions>>[number];
