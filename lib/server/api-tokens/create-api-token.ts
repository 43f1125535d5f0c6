import "server-only";
import { z } from "zod";
import { text } from "../../schemas/text";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { hashTokenSecret, newTokenSecret } from "./token-secret";
import { runWriteTransaction } from "../write-transaction";

export const ZCreateApiToken = z.object({
  name: text({ error: "Give the token a name" }).trim().min(1, "Give the token a name, e.g. “nightly export”").max(80, "Keep the name under 80 characters"),
}).meta({ examples: [{ name: "nightly export" }] });
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

/** Creates a personal API token for the actor; the secret is returned once and stored hashed. */
export async function createApiToken(actor: TActor, input: TCreateApiToken) {
  assertSignedInCan(actor, "api-token:manage-own");
  const secret = newTokenSecret();
  return runWriteTransaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hashTokenSecret(secret), prefix: secret.slice(0, 10) },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAuditEvent(tx, actor, { action: "api-token:create", entityType: "ApiToken", entityId: token.id, after: token });
    return { ...token, secret };
  });
}
