import "server-only";
import type { TSetReviewRequired } from "../../schemas/review";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError } from "../desk/conflict-error";
import { assertSignedInCan, type TActor } from "../permissions";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { runWriteTransaction } from "../write-transaction";
import { DESK_SETTING_ID } from "./review-setting";

/**
 * Switches two-person review on or off (admins), refused with CONFLICT when another admin
 * changed the settings since the form was read at `input.version` (0: never saved).
 * Submissions already waiting stay in the queue either way (decision 034).
 */
export async function setReviewRequired(actor: TActor, input: TSetReviewRequired) {
  assertSignedInCan(actor, "settings:manage");
  return runWriteTransaction(async (tx) => {
    // The row may not exist yet: create it unchanged first, so there is always a row to lock.
    await tx.deskSetting.upsert({ where: { id: DESK_SETTING_ID }, create: { id: DESK_SETTING_ID, version: 0 }, update: {} });
    parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT "id"::text AS "id" FROM "DeskSetting" WHERE "id" = ${DESK_SETTING_ID} FOR UPDATE`);
    const before = await tx.deskSetting.findUniqueOrThrow({ where: { id: DESK_SETTING_ID }, select: { isReviewRequired: true, version: true, updatedAt: true } });
    if (before.version !== input.version) {
      throw await conflictError(
        tx,
        { entityType: "DeskSetting", id: String(DESK_SETTING_ID), version: before.version, updatedAt: before.updatedAt, current: { isReviewRequired: before.isReviewRequired } },
        "Another admin changed this setting after you opened the page. Nothing was saved: read the setting again.",
      );
    }
    const after = await tx.deskSetting.update({
      where: { id: DESK_SETTING_ID },
      data: { isReviewRequired: input.isReviewRequired, updatedById: actor.id, version: { increment: 1 } },
      select: { isReviewRequired: true, version: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "settings:review",
      entityType: "DeskSetting",
      entityId: String(DESK_SETTING_ID),
      before: { isReviewRequired: before.isReviewRequired },
      after: { isReviewRequired: after.isReviewRequired },
    });
    return after;
  });
}
