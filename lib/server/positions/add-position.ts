import "server-only";
import type { TAddPosition } from "../../schemas/party-position";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError } from "../desk/conflict-error";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { resolveCitations } from "../status-changes/resolve-citations";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { positionSnapshot, readPositionRecord, toPositionFormValues } from "./position-record";
import { partyOfSubject, resolvePositionSubject, type TPositionSubjectColumns } from "./position-subject";
import { positionWords } from "./position-words";

/**
 * The earlier position a new one supersedes, locked and checked: same party, same subject, not
 * superseded already, not later than the new statement, and still at the version the form read.
 */
async function lockSuperseded(tx: TTransaction, input: TAddPosition, partyId: string, columns: TPositionSubjectColumns) {
  if (!input.supersedesId) return null;
  const locked = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "PartyPosition" WHERE id = ${input.supersedesId}::uuid FOR NO KEY UPDATE`);
  const earlier = locked.length ? await readPositionRecord(tx, input.supersedesId) : null;
  if (!earlier) throw new AppError("NOT_FOUND", "There is no such position to supersede: it may have been removed, or the link is wrong.");
  const sameSubject = earlier.agreementId === columns.agreementId && earlier.measureId === columns.measureId && earlier.statusChangeId === columns.statusChangeId;
  if (earlier.partyId !== partyId || !sameSubject) {
    throw new AppError("INVALID_INPUT", "A position supersedes only an earlier position of the same party on the same subject.", { partyCode: ["Keep the party and subject of the position you supersede"] });
  }
  if (earlier.version !== input.supersedesVersion || earlier.supersededBy) {
    throw await conflictError(
      tx,
      { entityType: "PartyPosition", id: earlier.id, version: earlier.version, updatedAt: earlier.updatedAt, current: toPositionFormValues(earlier), extra: { supersededById: earlier.supersededBy?.id ?? null } },
      earlier.supersededBy
        ? "Someone else superseded this position after you opened it. Nothing of yours was saved: read theirs, then supersede it in turn if yours is later still."
        : "Someone else changed this position after you opened it. Nothing of yours was saved: read it again below, then supersede it if you still should.",
    );
  }
  if (input.statedAt.getTime() < earlier.statedAt.getTime()) {
    throw new AppError("INVALID_INPUT", "A position supersedes only an earlier one.", { statedOn: ["This statement is older than the position it would supersede"] });
  }
  return earlier;
}

/** Adds a party's quoted position on an agreement, a measure or a development; with supersedesId, it replaces the party's earlier one, which stays in the history. */
export async function addPosition(actor: TActor, input: TAddPosition) {
  assertSignedInCan(actor, "position:write");
  return runWriteTransaction(async (tx) => {
    const { columns, parties } = await resolvePositionSubject(tx, input.subject);
    const partyId = partyOfSubject(parties, input.partyCode);
    const earlier = await lockSuperseded(tx, input, partyId, columns);
    const [citation] = await resolveCitations(tx, actor, input.citations);
    const created = await tx.partyPosition.create({
      data: {
        partyId,
        ...columns,
        ...positionWords(input, citation!),
        supersedesId: earlier?.id ?? null,
        authorId: actor.id,
      },
      select: { id: true },
    });
    if (earlier) {
      // Superseding is a change to the earlier position's record: its version moves, so a second
      // analyst superseding or editing it from a stale form is told rather than silently forked.
      await tx.partyPosition.update({ where: { id: earlier.id }, data: { version: { increment: 1 } } });
      const after = (await readPositionRecord(tx, earlier.id))!;
      await recordRevision(tx, actor, { entityType: "PartyPosition", entityId: after.id, version: after.version, snapshot: positionSnapshot(after) });
    }
    const record = (await readPositionRecord(tx, created.id))!;
    const snapshot = positionSnapshot(record);
    await recordRevision(tx, actor, { entityType: "PartyPosition", entityId: record.id, version: 1, snapshot });
    await recordAuditEvent(tx, actor, earlier
      ? { action: "position:supersede", entityType: "PartyPosition", entityId: record.id, before: positionSnapshot(earlier), after: snapshot }
      : { action: "position:add", entityType: "PartyPosition", entityId: record.id, after: snapshot });
    return { id: record.id, version: record.version, supersedesId: record.supersedesId };
  });
}
