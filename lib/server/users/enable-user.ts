import "server-only";
import type { TUserRef } from "../../schemas/admin-user";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { USER_AUDIT_SELECT, lockUserForAdministration } from "./user-record";

/** Re-enables a disabled account: it may sign in again (sessions from before the disabling stay ended). */
export async function enableUser(actor: TActor, input: TUserRef) {
  assertSignedInCan(actor, "user:manage");
  return runWriteTransaction(async (tx) => {
    const before = await lockUserForAdministration(tx, input.userId);
    if (!before.disabledAt) throw new AppError("CONFLICT", "This account is not disabled.");
    const after = await tx.user.update({
      where: { id: before.id },
      data: { disabledAt: null, version: { increment: 1 } },
      select: USER_AUDIT_SELECT,
    });
    await recordAuditEvent(tx, actor, { action: "user:enable", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}
