import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { actorIfActive } from "../auth/find-active-user";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import type { TActor } from "../permissions";
import { queryRows } from "../rows/parse-rows";
import { ZApiTokenOwnerRow } from "../rows/api-token-row";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

/**
 * The actor behind an `Authorization: Bearer …` header: the token's owner with their current
 * role. A revoked or expired token, or a disabled owner, is refused (UNAUTHENTICATED).
 * The token and its owner are one statement: every API request pays for this lookup (two round
 * trips were a tenth of a publish's statements, issue 15's write path).
 */
export async function authenticateApiToken(authorization: string): Promise<TActor> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (!secret?.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED", "The Authorization header must be `Bearer pw_…` with a personal API token.");
  const database = getDatabase();
  const [token] = await queryRows(
    database,
    ZApiTokenOwnerRow,
    Prisma.sql`SELECT t.id, t."revokedAt", t."expiresAt", t."lastUsedAt", u.id AS "userId", u.role::text AS role, u.name, u.email, u."disabledAt"
      FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."tokenHash" = ${hashTokenSecret(secret)}`,
  );
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    throw new AppError("UNAUTHENTICATED", "This API token is unknown, revoked or expired: create a new one on your account page.");
  }
  const actor = actorIfActive({ id: token.userId, role: token.role, name: token.name, email: token.email, disabledAt: token.disabledAt });
  if (!actor) throw new AppError("UNAUTHENTICATED", "The owner of this API token is disabled.");
  // Recording use costs a write: once a minute per token is enough to tell stale tokens apart.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await database.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return actor;
}
