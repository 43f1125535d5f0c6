import "server-only";
import { deriveStatus } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";

/** Every agreement with its parties and derived current status, by title. */
export async function listAgreements(actor: TActor, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const agreements = await getDatabase().agreement.findMany({
    orderBy: { title: "asc" },
    select: {
      slug: true,
      title: true,
      shortName: true,
      kind: true,
      timeZone: true,
      parties: { select: { party: { select: { code: true, name: true } } }, orderBy: { party: { name: "asc" } } },
      statusChanges: {
        where: { state: "PUBLISHED" },
        select: { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
      },
    },
  });
  return agreements.map(({ statusChanges, parties, ...agreement }) => ({
    ...agreement,
    parties: parties.map(({ party }) => party),
    current: deriveStatus(statusChanges, now).current,
  }));
}
