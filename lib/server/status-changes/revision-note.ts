import "server-only";
import { ZRevisionNote, type TEditStatusChange } from "../../schemas/status-change";
import { AppError } from "../errors";
import type { TRevisionReason } from "../revisions/record-revision";

/**
 * Why a published entry is being edited, held to ZRevisionNote (issue 12): a draft's edit needs
 * none, so the edit schema keeps these fields optional and this rule applies once the use case
 * knows the entry's state. Refused as INVALID_INPUT naming each field, like any other field error.
 */
export function requireRevisionNote(note: TEditStatusChange["note"]): TRevisionReason {
  const parsed = ZRevisionNote.safeParse({ ...note, reason: note.reason ?? "" });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "reason");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", "Say why this published entry changes: its kind, for a correction its type, and the reason readers will see.", fieldErrors);
}
