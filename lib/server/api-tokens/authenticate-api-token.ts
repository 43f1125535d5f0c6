import "server-only";
import { findActiveUser } from "../auth/find-active-user";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import type { TActor } from "../permissions";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

/**
 * The actor behind an `Authorization: Bearer …` header: the token's owner with their current
 * role. A revoked or expired token, or a disabled owner, is refused (UNAUTHENTICATED).
 */
export async function authenticateApiToken(authorization: string): Promise<TActor> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (!secret?.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer pw_…` with a personal API token.");
  const database = getDatabase();
  const token = await database.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    throw new AppError("UNAUTHENTICATED", "This API token is unknown, revoked or expired: create a new one on your account page.");
  }
  const actor = await findActiveUser(token.userId);
  if (!actor) throw new AppError("UNAUTHENTICATED", "The owner of this API token is disabled.");
  // Recording use costs a write: once a minute per token is enough to tell stale tokens apart.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await database.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return actor;
}
