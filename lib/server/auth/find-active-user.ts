import "server-only";
import { getDatabase } from "../db";
import type { TActor } from "../permissions";

/**
 * The actor for a user id if the account may act now: it exists, is not disabled, and (for a
 * session) the session was issued after the account's sessionsValidAfter.
 */
export async function findActiveUser(userId: string, sessionIssuedAt?: Date): Promise<TActor> {
  const user = await getDatabase().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, disabledAt: true, sessionsValidAfter: true },
  });
  if (!user) return null;
  // JWT iat has whole seconds; allow the second in which the session was issued.
  if (sessionIssuedAt && sessionIssuedAt.getTime() + 1000 < user.sessionsValidAfter.getTime()) return null;
  return actorIfActive(user);
}

/** Whether an account already read may act (an API token reads its owner with the token): it exists and is not disabled. */
export function actorIfActive(user: { id: string; role: NonNullable<TActor>["role"]; name: string; email: string; disabledAt: Date | null } | null): TActor {
  if (!user || user.disabledAt) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}
