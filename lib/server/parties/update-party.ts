import "server-only";
import type { TUpdateParty } from "../../schemas/party";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError, lockRow } from "../desk/conflict-error";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { PARTY_RECORD_SELECT, partyFormValues } from "./party-record";

/** Saves an edit of a party's name and aliases made at `input.version`; its code and kind stay. */
export async function updateParty(actor: TActor, code: string, input: TUpdateParty) {
  assertSignedInCan(actor, "party:write");
  return runWriteTransaction(async (tx) => {
    if (!(await lockRow(tx, "Party", "code", code))) throw new AppError("NOT_FOUND", `No party has the code ${code}.`);
    const before = await tx.party.findUniqueOrThrow({ where: { code }, select: PARTY_RECORD_SELECT });
    if (before.version !== input.version) {
      throw await conflictError(tx, { entityType: "Party", id: before.id, version: before.version, updatedAt: before.updatedAt, current: partyFormValues(before) });
    }
    const { count } = await tx.party.updateMany({
      where: { id: before.id, version: input.version },
      data: { name: input.name, aliases: input.aliases, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else saved this party at the same moment: open it again.");
    const after = await tx.party.findUniqueOrThrow({ where: { id: before.id }, select: PARTY_RECORD_SELECT });
    await recordAuditEvent(tx, actor, { action: "party:edit", entityType: "Party", entityId: after.id, before, after });
    await recordRevision(tx, actor, { entityType: "Party", entityId: after.id, version: after.version, snapshot: after });
    return { id: after.id, code: after.code, version: after.version };
  });
}
