import "server-only";
import type { TEditPosition } from "../../schemas/party-position";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError } from "../desk/conflict-error";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { resolveCitations } from "../status-changes/resolve-citations";
import { runWriteTransaction } from "../write-transaction";
import { positionSnapshot, readPositionRecord, toPositionFormValues } from "./position-record";
import { positionWords } from "./position-words";

/**
 * Corrects what a position says (words, translation, speaker, date, source), refused (409) when
 * it was edited or superseded since the form was opened. Whose it is and what about stay: a
 * different party or subject is another position.
 */
export async function editPosition(actor: TActor, input: TEditPosition) {
  assertSignedInCan(actor, "position:write");
  return runWriteTransaction(async (tx) => {
    const locked = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "PartyPosition" WHERE id = ${input.id}::uuid FOR NO KEY UPDATE`);
    const before = locked.length ? await readPositionRecord(tx, input.id) : null;
    if (!before) throw new AppError("NOT_FOUND", "There is no such position: it may have been removed, or the link is wrong.");
    if (before.version !== input.version) {
      throw await conflictError(tx, { entityType: "PartyPosition", id: before.id, version: before.version, updatedAt: before.updatedAt, current: toPositionFormValues(before) });
    }
    if (before.supersededBy && input.statedAt.getTime() > before.supersededBy.statedAt.getTime()) {
      throw new AppError("INVALID_INPUT", "A superseded position stays older than the one that superseded it.", { statedOn: ["This date is later than the position that superseded this one"] });
    }
    if (before.supersedes && input.statedAt.getTime() < before.supersedes.statedAt.getTime()) {
      throw new AppError("INVALID_INPUT", "A position stays later than the one it superseded.", { statedOn: ["This date is earlier than the position this one superseded"] });
    }
    // The position's own source stays citable after it is retired, as a development's does.
    const [citation] = await resolveCitations(tx, actor, input.citations, { alreadyCitedSourceIds: new Set([before.sourceId]) });
    await tx.partyPosition.update({
      where: { id: before.id },
      data: {
        ...positionWords(input, citation!),
        version: { increment: 1 },
      },
    });
    const after = (await readPositionRecord(tx, before.id))!;
    const snapshot = positionSnapshot(after);
    await recordRevision(tx, actor, { entityType: "PartyPosition", entityId: after.id, version: after.version, snapshot });
    await recordAuditEvent(tx, actor, { action: "position:edit", entityType: "PartyPosition", entityId: after.id, before: positionSnapshot(before), after: snapshot });
    return { id: after.id, version: after.version, supersedesId: after.supersedesId };
  });
}
