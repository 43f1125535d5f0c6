import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { TTransaction } from "../write-transaction";

// The desk's one settings row (DeskSetting, id 1). Absent until an admin first changes a
// setting, so a fresh database reads as "review off" without a seed step.
export const DESK_SETTING_ID = 1;

/** Whether two-person review is on, read inside the caller's transaction (decision 034). */
export async function isReviewRequired(tx: Pick<TTransaction, "deskSetting">): Promise<boolean> {
  const setting = await tx.deskSetting.findUnique({ where: { id: DESK_SETTING_ID }, select: { isReviewRequired: true } });
  return setting?.isReviewRequired ?? false;
}

/** The same question as a column of a caller's own statement (a publish reads it with its subject): "isReviewRequired". */
export const reviewRequiredColumnSql = Prisma.sql`COALESCE((SELECT d."isReviewRequired" FROM "DeskSetting" d WHERE d.id = ${DESK_SETTING_ID}), false) AS "isReviewRequired"`;
