import "server-only";
import type { AppError } from "../errors";
import { conflictError } from "../desk/conflict-error";
import type { TTransaction } from "../write-transaction";
import { toStatusChangeFormValues } from "./status-change-form-values";
import type { TStatusChangeRecord } from "./status-change-record";

/** The 409 of an edit of an entry that changed since the form was opened: their version in details.current. */
export function statusChangeConflict(tx: TTransaction, record: TStatusChangeRecord, message?: string): Promise<AppError> {
  return conflictError(
    tx,
    {
      entityType: "StatusChange",
      id: record.id,
      version: record.version,
      updatedAt: record.updatedAt,
      current: toStatusChangeFormValues(record),
      extra: { currentState: record.state, retractionReason: record.retractionReason },
    },
    message ?? "Someone else saved this entry after you opened it. Nothing of yours was saved: compare the two versions below.",
  );
}
