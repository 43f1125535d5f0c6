import "server-only";
import type { TUpdateUser } from "../../schemas/admin-user";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError } from "../desk/conflict-error";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { USER_AUDIT_SELECT, lockUserForAdministration } from "./user-record";

/** An admin corrects an account's name or email; refused with CONFLICT when it changed since the form was opened. */
export async function updateUser(actor: TActor, input: TUpdateUser) {
  assertSignedInCan(actor, "user:manage");
  return runWriteTransaction(async (tx) => {
    const before = await lockUserForAdministration(tx, input.userId);
    if (before.version !== input.version) {
      const { updatedAt } = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: { updatedAt: true } });
      throw await conflictError(tx, { entityType: "User", id: before.id, version: before.version, updatedAt, current: { name: before.name, email: before.email } });
    }
    if (input.email !== before.email && (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))) {
      throw new AppError("CONFLICT", `An account for ${input.email} already exists.`, { email: ["This email already has an account"] });
    }
    const after = await tx.user.update({
      where: { id: before.id },
      data: { name: input.name, email: input.email, version: { increment: 1 } },
      select: USER_AUDIT_SELECT,
    });
    await recordAuditEvent(tx, actor, { action: "user:edit", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}
