import "server-only";
import { escapeLike } from "../like-pattern";
import type { Prisma } from "../../generated/prisma/client";
import type { TUserFilters } from "../../schemas/admin-user";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

const MAX_USERS_SHOWN = 500;

/** Accounts for the admin's list, by name, with their state and last sign-in; never password hashes. */
export async function listUsers(actor: TActor, filters: TUserFilters = { q: "", role: "any", status: "any" }) {
  assertSignedInCan(actor, "user:manage");
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) and.push({ OR: [{ name: { contains: escapeLike(filters.q), mode: "insensitive" } }, { email: { contains: escapeLike(filters.q), mode: "insensitive" } }] });
  if (filters.role !== "any") and.push({ role: filters.role });
  if (filters.status === "active") and.push({ disabledAt: null });
  if (filters.status === "disabled") and.push({ disabledAt: { not: null } });
  const database = getDatabase();
  const [users, total] = await Promise.all([
    database.user.findMany({
      where: { AND: and },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: MAX_USERS_SHOWN,
      select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true, version: true },
    }),
    database.user.count({ where: { AND: and } }),
  ]);
  return { users, total };
}

export type TUserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];
