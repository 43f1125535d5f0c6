import "server-only";
import { z } from "zod";
import { publicCredit } from "../../domain/corrections";
import { diffVersions, toPublicVersion } from "../../domain/revision-diff";
import { subjectHref } from "../../domain/subject-ref";
import type { TCorrectionsQuery } from "../../schemas/reader-queries";
import { ZRecordId } from "../../schemas/record-id";
import { decodeCursor, splitPage, ZCursorInstant } from "../keyset";
import { asOfFromQuery } from "../as-of-sql";
import type { TDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { ZCorrectionRow, type TCorrectionRow } from "../rows/correction-row";
import { queryRows } from "../rows/parse-rows";
import { correctionsPageSql, kindsFor, type TCorrectionFilters } from "./corrections-sql";

const ZCorrectionsCursor = z.tuple([ZCursorInstant, ZRecordId]);

/** A row of the corrections log as readers see it: the versions before and after, their diff, who and why. */
export function toCorrection(row: TCorrectionRow) {
  const after = toPublicVersion(row.snapshot);
  const before = row.previousSnapshot === null ? null : toPublicVersion(row.previousSnapshot);
  const subject = row.agreementSlug
    ? { kind: "AGREEMENT" as const, slug: row.agreementSlug, name: row.agreementName ?? row.agreementSlug }
    : { kind: "MEASURE" as const, slug: row.measureSlug ?? "", name: row.measureTitle ?? "" };
  return {
    id: row.id,
    recordedAt: row.createdAt,
    kind: row.kind,
    correctionType: row.correctionType,
    reason: row.reason,
    version: row.version,
    savedBy: publicCredit(row.actorRole ? { name: row.actorName ?? "", role: row.actorRole, namedInPublic: row.actorNamedInPublic ?? false } : null),
    entry: { id: row.entityId, headline: row.headline, state: row.state, subject: { ...subject, href: subjectHref(subject.kind, subject.slug) } },
    before,
    after,
    diff: diffVersions(before, after),
  };
}

export type TCorrection = ReturnType<typeof toCorrection>;

/**
 * The corrections log (issue 12): every correction, source erratum and retraction of a published
 * development, newest first, keyset-paged, with what was wrong and what it is now (the version
 * before and the version after), the type, the reason and when it was recorded. With asOf, the
 * log as it stood then (its dates and wall times in UTC, as every list: decision 036).
 */
export async function listCorrections(actor: TActor, query: Partial<TCorrectionsQuery> = {}, { database }: { database?: TDatabase } = {}) {
  assertCan(actor, "published:read");
  // Exports pass their own pool (lib/server/exports/export-database.ts).
  const db = database ?? (await readDatabase(actor));
  const limit = query.limit ?? 25;
  const filters: TCorrectionFilters = {
    kinds: kindsFor(query.kind, query.type),
    type: query.type,
    start: query.range?.start ?? null,
    end: query.range?.end ?? null,
    after: query.cursor ? decodeCursor(query.cursor, ZCorrectionsCursor) : undefined,
    // A correction is an act of the record: it has a record time only, so both axes cut there.
    recordedBy: asOfFromQuery(query)?.instant,
  };
  if (query.subject) {
    const [kind, slug] = query.subject.split(":") as ["agreement" | "measure", string];
    const found = kind === "agreement"
      ? await db.agreement.findUnique({ where: { slug }, select: { id: true } })
      : await db.tradeMeasure.findUnique({ where: { slug }, select: { id: true } });
    // An unknown subject has no corrections (a stale bookmark lists nothing rather than failing).
    if (!found) return { items: [], nextCursor: null };
    filters.subject = { column: kind === "agreement" ? "agreementId" : "measureId", id: found.id };
  }
  if (filters.kinds.length === 0) return { items: [], nextCursor: null };
  const rows = await queryRows(db, ZCorrectionRow, correctionsPageSql(filters, limit + 1));
  const { items, nextCursor } = splitPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: items.map(toCorrection), nextCursor };
}
