import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { deriveStatus, type StatusDerivation } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { HISTORY_ENTRY_SELECT } from "../history-select";
import { assertSignedInCan, can, type TActor } from "../permissions";
import { toStatusChangeFormValues } from "./status-change-form-values";
import { STATUS_CHANGE_RECORD_SELECT, subjectOf } from "./status-change-record";

/** A status change for the desk (drafts included): its form values, how a reader would see it, and what the actor may do with it. */
export async function getStatusChange(actor: TActor, id: string) {
  assertSignedInCan(actor, "draft:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "This entry does not exist.");
  const database = getDatabase();
  // One query after the other: the embedded database serves one session to all connections.
  const record = await database.statusChange.findUnique({ where: { id }, select: STATUS_CHANGE_RECORD_SELECT });
  const preview = record && (await database.statusChange.findUnique({ where: { id }, select: HISTORY_ENTRY_SELECT }));
  if (!record || !preview) throw new AppError("NOT_FOUND", "This entry does not exist.");
  const previewStatus = await previewDerivation(record, new Date());
  const isOwnOrPublished = record.state !== "DRAFT" || record.authorId === actor.id || can(actor, "status-change:edit-others-draft");
  return {
    record,
    preview,
    previewStatus,
    subject: subjectOf(record),
    formValues: toStatusChangeFormValues(record),
    may: {
      edit: record.state !== "RETRACTED" && can(actor, "status-change:edit") && isOwnOrPublished,
      publish: record.state === "DRAFT" && can(actor, "status-change:publish") && isOwnOrPublished,
      retract: record.state === "PUBLISHED" && can(actor, "status-change:retract"),
    },
  };
}

export type TDeskStatusChange = Awaited<ReturnType<typeof getStatusChange>>;

/**
 * The subject's status as readers' pages derive it, with this entry counted as published if it is
 * a draft (how readers will see it): the preview marks it current, pending or cancelled by the
 * same rule as the subject's page, so a future effective time reads "Scheduled to take effect".
 */
async function previewDerivation(
  record: { id: string; state: "DRAFT" | "PUBLISHED" | "RETRACTED"; agreementId: string | null; measureId: string | null },
  now: Date,
): Promise<StatusDerivation> {
  const history = await getDatabase().statusChange.findMany({
    where: { ...(record.agreementId ? { agreementId: record.agreementId } : { measureId: record.measureId }), OR: [{ state: "PUBLISHED" }, { id: record.id }] },
    select: { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
  });
  return deriveStatus(
    history.map((change) => (change.id === record.id && change.state === "DRAFT" ? { ...change, state: "PUBLISHED" as const } : change)),
    now,
  );
}
