import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";

export const ZRevokeApiToken = z.object({ tokenId: z.uuid({ error: "Choose a token to revoke" }) });

/** Revokes one of the actor's own tokens; it stops working at once. */
export async function revokeApiToken(actor: TActor, input: z.infer<typeof ZRevokeApiToken>) {
  assertSignedInCan(actor, "api-token:manage-own");
  return runWriteTransaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.id }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "You have no such token.");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await recordAuditEvent(tx, actor, { action: "api-token:revoke", entityType: "ApiToken", entityId: token.id, before: token, after: revoked });
    return revoked;
  });
}
