import "server-only";
import type { Role } from "../../generated/prisma/enums";
import type { TCreateUser } from "../../schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { hashPassword } from "./password";

/** "system" is the command line (npm run user:create): trusted, audited without an actor. */
export type TUserAdministrator = TActor | "system";

type TNewUser = { email: string; name: string; role: Role; passwordHash: string | null };

/** Inserts an account and its audit event inside the caller's transaction; `via` says how it came (admin, command line, single sign-on). */
export async function insertUser(tx: TTransaction, actor: TActor, data: TNewUser, via: string) {
  const user = await tx.user.create({ data, select: { id: true, email: true, name: true, role: true, createdAt: true } });
  await recordAuditEvent(tx, actor, { action: "user:create", entityType: "User", entityId: user.id, after: { ...user, via } });
  return user;
}

/** Creates an account with a hashed password; admins only, or the command line. */
export async function createUser(by: TUserAdministrator, input: TCreateUser) {
  const actor = by === "system" ? null : by;
  if (by !== "system") assertSignedInCan(actor, "user:manage");
  const passwordHash = await hashPassword(input.password);
  return runWriteTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `An account for ${input.email} already exists.`, { email: ["This email already has an account"] });
    }
    return insertUser(tx, actor, { email: input.email, name: input.name, role: input.role, passwordHash }, by === "system" ? "command line" : "admin");
  });
}
