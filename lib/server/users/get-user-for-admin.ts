import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";

/** One account for the admin's page: its details, whether it is the last active admin, and its tokens' count. */
export async function getUserForAdmin(actor: TActor, id: string) {
  assertSignedInCan(actor, "user:manage");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such account.");
  const database = getDatabase();
  const user = await database.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      sessionsValidAfter: true,
      lastSignInAt: true,
      createdAt: true,
      version: true,
      _count: { select: { apiTokens: { where: { revokedAt: null } } } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", "There is no such account.");
  const activeAdmins = await database.user.count({ where: { role: "ADMIN", disabledAt: null } });
  const { _count, ...rest } = user;
  return {
    ...rest,
    activeTokenCount: _count.apiTokens,
    isLastActiveAdmin: user.role === "ADMIN" && !user.disabledAt && activeAdmins <= 1,
    isSelf: user.id === actor.id,
  };
}

export type TAdminUser = Awaited<ReturnType<typeof getUserForAdmin>>;
