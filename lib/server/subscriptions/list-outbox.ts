import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

export const OUTBOX_PAGE = 50;

/** The actor's own mail kept in the outbox (and sent through SMTP), newest first, keyset-paged by id. */
export async function listOutbox(actor: TActor, options: { before?: string } = {}) {
  assertSignedInCan(actor, "subscription:manage-own");
  const messages = await getDatabase().mailMessage.findMany({
    where: { userId: actor.id, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: OUTBOX_PAGE + 1,
    select: { id: true, subject: true, textBody: true, transport: true, toAddress: true, createdAt: true },
  });
  return { messages: messages.slice(0, OUTBOX_PAGE), next: messages.length > OUTBOX_PAGE ? messages[OUTBOX_PAGE - 1]!.id : null };
}
