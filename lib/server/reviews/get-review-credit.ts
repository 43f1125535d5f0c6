import "server-only";
import { publicCredit } from "../../domain/corrections";
import { isRecordId } from "../../schemas/record-id";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";

/**
 * Who approved a published development's publication under two-person review, as readers may
 * see them (a name only where the account chose to be named, as revisions credit authors); null
 * when it was published without review, or is not public.
 */
export async function getReviewCredit(actor: TActor, id: string): Promise<string | null> {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) return null;
  const db = await readDatabase(actor);
  const entry = await db.statusChange.findFirst({
    where: { id, state: { in: ["PUBLISHED", "RETRACTED"] } },
    select: { reviewedBy: { select: { name: true, role: true, namedInPublic: true } } },
  });
  return entry?.reviewedBy ? publicCredit(entry.reviewedBy) : null;
}
