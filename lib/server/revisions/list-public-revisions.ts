import "server-only";
import { publicCredit } from "../../domain/corrections";
import { diffVersions, toPublicVersion } from "../../domain/revision-diff";
import { subjectHref } from "../../domain/subject-ref";
import { isRecordId } from "../../schemas/record-id";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { resolveAsOfInput, type TAsOf } from "../as-of-sql";
import type { TAsOfQuery } from "../../schemas/as-of";

/** A development keeps every version; a page shows the latest this many (a save a day for half a year). */
export const MAX_PUBLIC_REVISIONS = 200;

const NOT_FOUND = "No published development is recorded at this address.";

/**
 * The public revision history of a published (or retracted) development (issue 12): every version
 * since it was published, oldest first, with who saved it as readers may see them (a name only
 * where the account chose to be named), when, why, and what changed from the version before.
 * Drafts have no public history: NOT_FOUND, as for any address readers cannot see.
 *
 * As of an instant (issue 12): the versions saved by then, on either axis, as the corrections log
 * reads it (decision 041): a version is an act of the record and has no time of its own in the
 * world. The state is as it stood (retracted only by a retraction saved by then); NOT_FOUND
 * when no version was saved yet. A date or wall time is read in the development's zone.
 */
export async function listPublicRevisions(actor: TActor, id: string, asOfOrQuery?: TAsOf | Partial<TAsOfQuery>) {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const db = await readDatabase(actor);
  const entry = await db.statusChange.findFirst({
    where: { id, state: { in: ["PUBLISHED", "RETRACTED"] } },
    select: { id: true, headline: true, state: true, timeZone: true, agreement: { select: { slug: true, title: true, shortName: true } }, measure: { select: { slug: true, title: true } } },
  });
  if (!entry) throw new AppError("NOT_FOUND", NOT_FOUND);
  const asOf = resolveAsOfInput(asOfOrQuery, entry.timeZone);
  // Newest first to bound the read, one more than shown so the oldest shown has its predecessor.
  const rows = await db.revision.findMany({
    where: { entityType: "StatusChange", entityId: id, ...(asOf ? { createdAt: { lte: asOf.instant } } : {}) },
    orderBy: { version: "desc" },
    take: MAX_PUBLIC_REVISIONS + 1,
    select: { id: true, version: true, snapshot: true, createdAt: true, kind: true, correctionType: true, reason: true, actor: { select: { name: true, role: true, namedInPublic: true } }, reviewer: { select: { name: true, role: true, namedInPublic: true } } },
  });
  const oldestFirst = rows.reverse();
  const versions = oldestFirst.map((row, index) => {
    const after = toPublicVersion(row.snapshot);
    const previous = index > 0 ? toPublicVersion(oldestFirst[index - 1]!.snapshot) : null;
    return {
      id: row.id,
      version: row.version,
      savedAt: row.createdAt,
      savedBy: publicCredit(row.actor),
      // Two-person review (decision 034): who approved this version, credited as its author is.
      reviewedBy: row.reviewer ? publicCredit(row.reviewer) : null,
      kind: row.kind,
      correctionType: row.correctionType,
      reason: row.reason,
      before: previous,
      after,
      diff: diffVersions(previous, after),
    };
  });
  if (asOf && versions.length === 0) throw new AppError("NOT_FOUND", "This development was not on the record at that instant.");
  const isTruncated = rows.length > MAX_PUBLIC_REVISIONS;
  const latest = versions.at(-1);
  const state = asOf ? (latest?.kind === "RETRACTION" || latest?.after.state === "RETRACTED" ? "RETRACTED" : "PUBLISHED") : entry.state;
  const headline = asOf ? (latest?.after.headline ?? entry.headline) : entry.headline;
  const subject = entry.agreement
    ? { kind: "AGREEMENT" as const, slug: entry.agreement.slug, name: entry.agreement.shortName ?? entry.agreement.title }
    : { kind: "MEASURE" as const, slug: entry.measure?.slug ?? "", name: entry.measure?.title ?? "" };
  return {
    asOf,
    entry: { id: entry.id, headline, state, timeZone: entry.timeZone, subject: { ...subject, href: subjectHref(subject.kind, subject.slug) } },
    // The first row read only serves as the predecessor of the oldest shown.
    versions: isTruncated ? versions.slice(1) : versions,
    isTruncated,
  };
}

export type TPublicRevisions = Awaited<ReturnType<typeof listPublicRevisions>>;
