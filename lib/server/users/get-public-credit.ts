import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** Whether the signed-in account chose to be named on public revision histories. */
export async function getPublicCredit(actor: TActor): Promise<{ namedInPublic: boolean }> {
  assertSignedInCan(actor, "account:manage-own");
  return getDatabase().user.findUniqueOrThrow({ where: { id: actor.id }, select: { namedInPublic: true } });
}
