import "server-only";
import type { TSetPublicCredit } from "../../schemas/public-credit";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";

/**
 * The account chooses whether readers see its name on the versions it saved, or only its role.
 * The form sends the whole choice, so a repeated or late save sets the same value: no version to
 * compare, unlike edits of shared records.
 */
export async function setPublicCredit(actor: TActor, input: TSetPublicCredit) {
  assertSignedInCan(actor, "account:manage-own");
  const user = actor;
  return runWriteTransaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { namedInPublic: true } });
    const after = await tx.user.update({ where: { id: user.id }, data: { namedInPublic: input.namedInPublic }, select: { namedInPublic: true } });
    await recordAuditEvent(tx, user, { action: "user:public-credit", entityType: "User", entityId: user.id, before, after });
    return after;
  });
}
