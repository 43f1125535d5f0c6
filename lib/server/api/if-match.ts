import "server-only";
import { AppError } from "../errors";
import { ifNoneMatchMatches } from "./conditional-read";

// If-Match on an edit: the ETag a client got from the record's GET must still be the record's.
// Reads' ETags are made from their bytes (conditional-read.ts), so the check reads the record's
// current representation through its own GET handler, as this caller, and compares. Order makes
// it safe without a lock: the edit's `version` is read first (the route's `complete`), the ETag
// after; an edit landing between them changes the version, which the use case's
// `UPDATE … WHERE version` then refuses, and one landing after the ETag check is refused the same
// way. `If-Match: *` only asks that the record exists (its `complete` found it). A mismatch is
// 409 CONFLICT with the current version (as a stale `version` field is), not 412, so clients
// handle both the same way.

export type TCurrentRepresentation = (request: Request) => Promise<Response>;

/** A GET request for the same resource as `request`, with the same credentials. */
export function readRequestFor(request: Request): Request {
  const headers = new Headers();
  for (const name of ["authorization", "cookie", "host"]) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Request(request.url, { method: "GET", headers });
}

/** Refuses (409) an edit whose If-Match no longer names the record's current representation. */
export async function assertIfMatch(request: Request, read: TCurrentRepresentation | undefined, currentVersion: unknown): Promise<void> {
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null || ifMatch.trim() === "*") return;
  const current = read ? await read(readRequestFor(request)) : null;
  const etag = current?.status === 200 ? current.headers.get("etag") : null;
  await current?.body?.cancel();
  // If-Match uses strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
  const strongTags = ifMatch.split(",").map((tag) => tag.trim()).filter((tag) => !tag.startsWith("W/"));
  if (etag && strongTags.length && ifNoneMatchMatches(strongTags.join(","), etag)) return;
  throw new AppError(
    "CONFLICT",
    etag
      ? "The record changed since you read it: If-Match does not name its current ETag. Read it again and reapply your change."
      : "If-Match cannot be checked for this record (it has no published representation): send its \"version\" in the body instead.",
    {},
    { currentVersion, currentEtag: etag },
  );
}
