import "server-only";
import type { TParty } from "../../schemas/party";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { PARTY_RECORD_SELECT } from "./party-record";

/** Creates a party: a state by its ISO 3166-1 alpha-3 code, or an organisation by a short code. */
export async function createParty(actor: TActor, input: TParty) {
  assertSignedInCan(actor, "party:write");
  return runWriteTransaction(async (tx) => {
    const existing = await tx.party.findUnique({ where: { code: input.code }, select: { name: true } });
    if (existing) {
      const message = `${existing.name} already has the code ${input.code}`;
      throw new AppError("INVALID_INPUT", message, { code: [message] });
    }
    const created = await tx.party.create({ data: input, select: PARTY_RECORD_SELECT });
    await recordAuditEvent(tx, actor, { action: "party:create", entityType: "Party", entityId: created.id, after: created });
    await recordRevision(tx, actor, { entityType: "Party", entityId: created.id, version: created.version, snapshot: created });
    return { id: created.id, code: created.code, version: created.version };
  });
}
