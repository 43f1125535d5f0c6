import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { CorrectionType, RevisionKind } from "../../generated/prisma/enums";
import type { TSignedInActor } from "../permissions";
import type { TTransaction } from "../write-transaction";

export type TRevisionEntityType = "StatusChange" | "Agreement" | "TradeMeasure" | "Party" | "Condition" | "PartyPosition";

/** Why a published development changed (the corrections log reads it); none for a publication. */
export type TRevisionReason = { kind: RevisionKind; correctionType: CorrectionType | null; reason: string };

// Snapshots are JSON: dates as ISO strings, as the revision page and a reader of the log expect.
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Appends the entity as it stands after a save (its new version), in the caller's transaction; `reviewerId` when a second account approved it. */
export async function recordRevision(
  tx: TTransaction,
  actor: TSignedInActor,
  revision: { entityType: TRevisionEntityType; entityId: string; version: number; snapshot: unknown; why?: TRevisionReason; reviewerId?: string },
): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: revision.entityType,
      entityId: revision.entityId,
      version: revision.version,
      snapshot: toJson(revision.snapshot),
      actorId: actor.id,
      kind: revision.why?.kind ?? null,
      correctionType: revision.why?.correctionType ?? null,
      reason: revision.why?.reason ?? null,
      reviewerId: revision.reviewerId ?? null,
    },
  });
}
