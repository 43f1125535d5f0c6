import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { AppError } from "../errors";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import type { TTransaction } from "../write-transaction";
import { agreementName } from "../../domain/subject-ref";

/** Everything the desk reads of a status change: to edit it, snapshot it, or show a conflict. */
export const STATUS_CHANGE_RECORD_SELECT = {
  id: true,
  agreementId: true,
  measureId: true,
  status: true,
  headline: true,
  body: true,
  occurredAt: true,
  occurredPrecision: true,
  timeZone: true,
  effectiveAt: true,
  direction: true,
  state: true,
  cancelsId: true,
  authorId: true,
  publishedAt: true,
  retractedAt: true,
  retractedById: true,
  retractionReason: true,
  corroborationLevel: true,
  corroborationReason: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  agreement: { select: { slug: true, title: true, shortName: true, timeZone: true } },
  measure: { select: { slug: true, title: true, timeZone: true } },
  author: { select: { name: true } },
  retractedBy: { select: { name: true } },
  citations: {
    orderBy: { position: "asc" },
    select: {
      sourceId: true,
      quote: true,
      quoteOriginal: true,
      quoteLanguage: true,
      locator: true,
      credibility: true,
      position: true,
      erratum: true,
      erratumAt: true,
      source: { select: { url: true, title: true, publisher: true, retiredAt: true } },
    },
  },
} as const satisfies Prisma.StatusChangeSelect;

export type TStatusChangeRecord = Prisma.StatusChangeGetPayload<{ select: typeof STATUS_CHANGE_RECORD_SELECT }>;

/** The subject of a record as the desk names it. */
export function subjectOf(record: Pick<TStatusChangeRecord, "agreement" | "measure">) {
  if (record.agreement) {
    return { kind: "AGREEMENT" as const, slug: record.agreement.slug, name: agreementName(record.agreement), timeZone: record.agreement.timeZone };
  }
  if (record.measure) return { kind: "MEASURE" as const, slug: record.measure.slug, name: record.measure.title, timeZone: record.measure.timeZone };
  throw new Error("a status change without a subject violates StatusChange_one_subject_check");
}

/**
 * Locks the entry's row until the transaction ends (FOR NO KEY UPDATE: other writers of this
 * entry wait; rows that merely reference it, like a new change cancelling it, do not) and reads
 * it as committed now. Editing, publishing and retracting one entry are thereby serialised.
 */
export async function lockStatusChange(tx: TTransaction, id: string): Promise<TStatusChangeRecord> {
  const locked = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT "id" FROM "StatusChange" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`);
  if (locked.length === 0) throw new AppError("NOT_FOUND", "This entry does not exist.");
  return tx.statusChange.findUniqueOrThrow({ where: { id }, select: STATUS_CHANGE_RECORD_SELECT });
}

/** What a revision and the audit log keep of an entry: its fields and its citations, no ids of joins. */
export function snapshotOf(record: TStatusChangeRecord) {
  const { agreement, measure, author: _author, retractedBy: _retractedBy, citations, ...fields } = record;
  return {
    ...fields,
    subject: subjectOf({ agreement, measure }),
    citations: citations.map(({ source, ...citation }) => ({ ...citation, url: source.url, title: source.title, publisher: source.publisher })),
  };
}

export type TStatusChangeSnapshot = ReturnType<typeof snapshotOf>;
