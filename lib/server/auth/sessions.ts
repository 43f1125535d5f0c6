import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { findActiveUser } from "./find-active-user";
import { runWriteTransaction } from "../write-transaction";
import { SESSION_MAX_AGE_SECONDS, type TSessionClaims } from "./session-token";

const ZSessionId = z.uuid();

/** Opens a session row for a user who just signed in; its id goes into the cookie. */
export async function openSession(userId: string): Promise<string> {
  const database = getDatabase();
  const now = Date.now();
  // Expired rows mean nothing any more: each sign-in sweeps its own account's.
  await database.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  const session = await database.session.create({ data: { userId, expiresAt: new Date(now + SESSION_MAX_AGE_SECONDS * 1000) }, select: { id: true } });
  return session.id;
}

/**
 * The actor of a decoded session cookie: its row must exist for that user, be unexpired and not
 * revoked, and the account must still be active (findActiveUser: disabled, sessionsValidAfter).
 */
export async function actorOfSession(claims: TSessionClaims): Promise<TActor> {
  if (!ZSessionId.safeParse(claims.sessionId).success) return null;
  const session = await getDatabase().session.findUnique({ where: { id: claims.sessionId }, select: { userId: true, expiresAt: true, revokedAt: true } });
  if (!session || session.userId !== claims.userId || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
  return findActiveUser(claims.userId, claims.issuedAt);
}

/** Ends one session on the server (sign out): a copy of its cookie stops working at once. */
export async function revokeSession(claims: TSessionClaims | null): Promise<void> {
  if (!claims || !ZSessionId.safeParse(claims.sessionId).success) return;
  await runWriteTransaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { id: claims.sessionId, userId: claims.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return;
    await recordAuditEvent(tx, null, { action: "user:sign-out", entityType: "User", entityId: claims.userId, after: { sessionId: claims.sessionId } });
  });
}

/**
 * Ends every session of the actor's account, on every device, this one included: open session
 * rows are revoked and sessionsValidAfter moves to now, so even a session row missed by a
 * concurrent sign-in cannot outlive it. Audited.
 */
export async function signOutEverywhere(actor: TActor): Promise<{ ended: number }> {
  assertSignedInCan(actor, "account:manage-own");
  const user = actor;
  return runWriteTransaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { sessionsValidAfter: now } });
    await recordAuditEvent(tx, user, { action: "user:sign-out-everywhere", entityType: "User", entityId: user.id, after: { sessionsEnded: count } });
    return { ended: count };
  });
}
