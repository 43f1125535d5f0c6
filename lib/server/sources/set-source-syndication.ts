import "server-only";
import type { TSourceSyndication } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { SOURCE_RECORD_SELECT, assertNotMerged, lockSource, sourceConflict } from "./source-record";

/** How far a syndication chain is checked for a loop: chains are a wire and its carriers, rarely two steps. */
const MAX_CHAIN = 10;

/**
 * Records who a source's report comes from: its publisher's owner or wire group, and the source
 * it carries (a Korea Herald page running a Yonhap report). Both decide which sources count once
 * towards a development's corroboration. At the version the form was opened at (CONFLICT when
 * stale); the carried source must be in the registry (not merged away), and no chain may loop.
 */
export async function setSourceSyndication(actor: TActor, input: TSourceSyndication) {
  assertSignedInCan(actor, "source:edit");
  return runWriteTransaction(async (tx) => {
    const before = await lockSource(tx, input.id);
    assertNotMerged(before);
    if (before.version !== input.version) throw await sourceConflict(tx, before);
    if (input.syndicatedFromId) {
      let next: string | null = input.syndicatedFromId;
      for (let step = 0; next && step < MAX_CHAIN; step += 1) {
        const found: { id: string; mergedIntoId: string | null; syndicatedFromId: string | null } | null = await tx.source.findUnique({ where: { id: next }, select: { id: true, mergedIntoId: true, syndicatedFromId: true } });
        if (!found || (step === 0 && found.mergedIntoId)) {
          throw new AppError("INVALID_INPUT", "That source is not in the registry.", { syndicatedFromId: ["Choose a source of the registry (a merged one is now its survivor)"] });
        }
        if (found.syndicatedFromId === before.id) {
          throw new AppError("INVALID_INPUT", "That source already carries this one: a chain cannot loop.", { syndicatedFromId: ["That source carries this one already"] });
        }
        next = found.syndicatedFromId;
      }
    }
    const after = await tx.source.update({
      where: { id: before.id },
      data: { publisherGroup: input.publisherGroup, syndicatedFromId: input.syndicatedFromId, version: { increment: 1 } },
      select: SOURCE_RECORD_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "source:syndication",
      entityType: "Source",
      entityId: after.id,
      before: { publisherGroup: before.publisherGroup, syndicatedFromId: before.syndicatedFromId, version: before.version },
      after: { publisherGroup: after.publisherGroup, syndicatedFromId: after.syndicatedFromId, version: after.version },
    });
    return { id: after.id, version: after.version };
  });
}
