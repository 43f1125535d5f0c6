import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { AppError } from "../errors";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import type { TTransaction } from "../write-transaction";

/** What the audit log keeps of an account (never its password hash). */
export const USER_AUDIT_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  sessionsValidAfter: true,
  version: true,
} as const satisfies Prisma.UserSelect;

export type TUserAuditRecord = Prisma.UserGetPayload<{ select: typeof USER_AUDIT_SELECT }>;

/**
 * Locks every admin row, then the account itself, until the transaction ends. Role changes
 * (set-user-role.ts) take the same admin locks first, so two admins demoting or disabling each
 * other at once cannot both pass the last-admin check.
 */
export async function lockUserForAdministration(tx: TTransaction, userId: string): Promise<TUserAuditRecord> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
  const rows = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`);
  if (rows.length === 0) throw new AppError("NOT_FOUND", "There is no such account.");
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: USER_AUDIT_SELECT });
}

/** Refuses a change that would leave no active admin. */
export async function assertNotLastActiveAdmin(tx: TTransaction, user: TUserAuditRecord, doing: string): Promise<void> {
  if (user.role !== "ADMIN" || user.disabledAt) return;
  const activeAdmins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
  if (activeAdmins <= 1) throw new AppError("CONFLICT", `This is the last active admin and cannot be ${doing}: make another admin first.`);
}
