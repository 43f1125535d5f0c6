import "server-only";
import type { Role } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan } from "../permissions";
import type { TUserAdministrator } from "./create-user";
import { runWriteTransaction } from "../write-transaction";

/** Changes an account's role; the last active admin cannot be demoted. */
export async function setUserRole(by: TUserAdministrator, input: { email: string; role: Role }) {
  const actor = by === "system" ? null : by;
  if (by !== "system") assertSignedInCan(actor, "user:manage");
  return runWriteTransaction(async (tx) => {
    // Lock the admins so two demotions racing cannot both pass the last-admin check.
    await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", `No account has the email ${input.email}.`);
    if (user.role === input.role) return user;
    if (user.role === "ADMIN" && !user.disabledAt) {
      const admins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
      if (admins <= 1) throw new AppError("CONFLICT", "This is the last active admin: make another admin first.");
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role: input.role, version: { increment: 1 } },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    await recordAuditEvent(tx, actor, { action: "user:role-change", entityType: "User", entityId: user.id, before: user, after: updated });
    return updated;
  });
}
