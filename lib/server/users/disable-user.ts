import "server-only";
import type { TUserRef } from "../../schemas/admin-user";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { USER_AUDIT_SELECT, assertNotLastActiveAdmin, lockUserForAdministration } from "./user-record";

/**
 * Disables an account: it can no longer sign in or use its API tokens, and its sessions end at
 * once (sessionsValidAfter moves to now). The last active admin cannot be disabled, nor can an
 * admin disable their own account.
 */
export async function disableUser(actor: TActor, input: TUserRef) {
  assertSignedInCan(actor, "user:manage");
  if (input.userId === actor.id) throw new AppError("CONFLICT", "You cannot disable your own account: ask another admin.");
  return runWriteTransaction(async (tx) => {
    const before = await lockUserForAdministration(tx, input.userId);
    if (before.disabledAt) throw new AppError("CONFLICT", "This account is already disabled.");
    await assertNotLastActiveAdmin(tx, before, "disabled");
    const now = new Date();
    const after = await tx.user.update({
      where: { id: before.id },
      data: { disabledAt: now, sessionsValidAfter: now, version: { increment: 1 } },
      select: USER_AUDIT_SELECT,
    });
    await recordAuditEvent(tx, actor, { action: "user:disable", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}
