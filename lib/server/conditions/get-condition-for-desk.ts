import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { CONDITION_RECORD_SELECT } from "./condition-record";


/** A condition with its whole cited history, for the desk (whatever its development's state). */
export async function getConditionForDesk(actor: TActor, id: string) {
  assertSignedInCan(actor, "draft:read");
  const record = isRecordId(id) ? await getDatabase().condition.findUnique({ where: { id }, select: CONDITION_RECORD_SELECT }) : null;
  if (!record) throw new AppError("NOT_FOUND", "There is no such condition.");
  return record;
}

/** The conditions of one development, for its desk page (bounded: a development has a handful). */
export async function listDevelopmentConditionsForDesk(actor: TActor, statusChangeId: string) {
  assertSignedInCan(actor, "draft:read");
  if (!isRecordId(statusChangeId)) return [];
  return getDatabase().condition.findMany({ where: { statusChangeId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select: CONDITION_RECORD_SELECT });
}
