import "server-only";
import type { TCreateUser } from "../../schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { hashPassword } from "./password";

/** "system" is the command line (npm run user:create): trusted, audited without an actor. */
export type TUserAdministrator = TActor | "system";

/** Creates an account with a hashed password; admins only, or the command line. */
export async function createUser(by: TUserAdministrator, input: TCreateUser) {
  const actor = by === "system" ? null : by;
  if (by !== "system") assertSignedInCan(actor, "user:manage");
  const passwordHash = await hashPassword(input.password);
  return getDatabase().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `An account for ${input.email} already exists.`, { email: ["This email already has an account"] });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "user:create",
      entityType: "User",
      entityId: user.id,
      after: { ...user, via: by === "system" ? "command line" : "admin" },
    });
    return user;
  });
}
