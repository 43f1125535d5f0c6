import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** The actor's own tokens, newest first, without their secrets. */
export async function listApiTokens(actor: TActor) {
  assertSignedInCan(actor, "api-token:manage-own");
  return getDatabase().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
