import "server-only";
import { z } from "zod";
import { escapeLike } from "../like-pattern";
import type { Prisma } from "../../generated/prisma/client";
import type { TUserFilters } from "../../schemas/admin-user";
import { getDatabase } from "../db";
import { decodeCursor, splitPage } from "../keyset";
import { assertSignedInCan, type TActor } from "../permissions";

const MAX_USERS_SHOWN = 500;

// Keyset on (name, email): email is unique, so the order is total and a page never repeats or skips a row.
const ZUserCursor = z.tuple([z.string(), z.string()]);

/**
 * Accounts for the admin's list, by name, with their state and last sign-in; never password
 * hashes. The page shows the first 500; the API pages through them with `cursor` and `limit`.
 */
export async function listUsers(
  actor: TActor,
  filters: TUserFilters = { q: "", role: "any", status: "any" },
  { cursor, limit = MAX_USERS_SHOWN }: { cursor?: string; limit?: number } = {},
) {
  assertSignedInCan(actor, "user:manage");
  const and: Prisma.UserWhereInput[] = [];
  if (filters.q) and.push({ OR: [{ name: { contains: escapeLike(filters.q), mode: "insensitive" } }, { email: { contains: escapeLike(filters.q), mode: "insensitive" } }] });
  if (filters.role !== "any") and.push({ role: filters.role });
  if (filters.status === "active") and.push({ disabledAt: null });
  if (filters.status === "disabled") and.push({ disabledAt: { not: null } });
  const after = cursor ? decodeCursor(cursor, ZUserCursor) : null;
  const database = getDatabase();
  const [rows, total] = await Promise.all([
    database.user.findMany({
      where: { AND: after ? [...and, { OR: [{ name: { gt: after[0] } }, { name: after[0], email: { gt: after[1] } }] }] : and },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: limit + 1,
      select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true, version: true },
    }),
    database.user.count({ where: { AND: and } }),
  ]);
  const page = splitPage(rows, limit, (user) => [user.name, user.email]);
  return { users: page.items, total, nextCursor: page.nextCursor };
}

export type TUserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];
