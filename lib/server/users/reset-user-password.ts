import "server-only";
import type { TResetUserPassword } from "../../schemas/admin-user";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { hashPassword } from "./password";
import { generateTemporaryPassword } from "./temporary-password";
import { USER_AUDIT_SELECT, lockUserForAdministration } from "./user-record";

/**
 * An admin sets a new password for an account (a generated temporary one when none is given,
 * returned once). Every session of the account ends; its API tokens are left alone.
 */
export async function resetUserPassword(actor: TActor, input: TResetUserPassword) {
  assertSignedInCan(actor, "user:manage");
  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return runWriteTransaction(async (tx) => {
    const before = await lockUserForAdministration(tx, input.userId);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { passwordHash, sessionsValidAfter: new Date(), version: { increment: 1 } },
      select: USER_AUDIT_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "user:password-reset",
      entityType: "User",
      entityId: after.id,
      before,
      after: { ...after, passwordGenerated: temporaryPassword !== null },
    });
    return { id: after.id, email: after.email, name: after.name, temporaryPassword };
  });
}
