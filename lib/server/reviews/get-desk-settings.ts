import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { DESK_SETTING_ID } from "./review-setting";

/** The desk's settings for the admin page: whether review is on, and the version to send back. */
export async function getDeskSettings(actor: TActor): Promise<{ isReviewRequired: boolean; version: number; updatedAt: Date | null }> {
  assertSignedInCan(actor, "settings:manage");
  const setting = await getDatabase().deskSetting.findUnique({ where: { id: DESK_SETTING_ID }, select: { isReviewRequired: true, version: true, updatedAt: true } });
  // Version 0 stands for "never saved": the first save creates the row at version 1.
  return setting ?? { isReviewRequired: false, version: 0, updatedAt: null };
}

/** Whether the desk shows "Submit for review" instead of "Publish"; any analyst may know. */
export async function getReviewMode(actor: TActor): Promise<{ isReviewRequired: boolean }> {
  assertSignedInCan(actor, "draft:read");
  const setting = await getDatabase().deskSetting.findUnique({ where: { id: DESK_SETTING_ID }, select: { isReviewRequired: true } });
  return { isReviewRequired: setting?.isReviewRequired ?? false };
}
