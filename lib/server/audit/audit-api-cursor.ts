import "server-only";
import { AppError } from "../errors";
import { decodeAuditCursor } from "./list-audit-events";

// The audit page's cursor ("<instant>_<id>") carries ":" and ".", which the API's cursors (one
// alphabet for every list, base64url) do not: the API wraps it, and refuses one it cannot read.

/** The page's cursor as the API's opaque one. */
export function toApiAuditCursor(cursor: string | null): string | null {
  return cursor && Buffer.from(cursor, "utf8").toString("base64url");
}

/** The API's cursor as the page's ("" for the first page); INVALID_INPUT when it is not one. */
export function fromApiAuditCursor(cursor: string | undefined): string {
  if (!cursor) return "";
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decodeAuditCursor(text)) throw new AppError("INVALID_INPUT", "The page cursor is not valid for this list: start again from the first page.", { cursor: ["not a cursor of this list"] });
  return text;
}
