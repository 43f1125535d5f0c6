import "server-only";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { listRevisions } from "./list-revisions";

/** The saved versions of one entry (a status change), oldest first; NOT_FOUND when there is no such entry. */
export async function listEntryRevisions(actor: TActor, entryId: string) {
  assertSignedInCan(actor, "draft:read");
  const isEntry = /^[0-9a-f-]{36}$/i.test(entryId) && (await getDatabase().statusChange.findUnique({ where: { id: entryId }, select: { id: true } })) !== null;
  if (!isEntry) throw new AppError("NOT_FOUND", "This entry does not exist.");
  return listRevisions(actor, "StatusChange", entryId);
}
