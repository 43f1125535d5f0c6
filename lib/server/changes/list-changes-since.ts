import "server-only";
import { z } from "zod";
import { LOGGED_KINDS } from "../../domain/corrections";
import { subjectHref } from "../../domain/subject-ref";
import { ZRecordId } from "../../schemas/record-id";
import { correctionsPageSql } from "../corrections/corrections-sql";
import { toCorrection, type TCorrection } from "../corrections/list-corrections";
import { decodeCursor, splitPage, ZCursorInstant } from "../keyset";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { ZAddedChangeRow, type TAddedChangeRow } from "../rows/changes-row";
import { ZCorrectionRow } from "../rows/correction-row";
import { queryRows } from "../rows/parse-rows";
import { addedSinceSql } from "./changes-since-sql";

const ZChangesCursor = z.tuple([ZCursorInstant, ZRecordId]);

/** One change to the record since the instant: a development added, or a correction, source erratum or retraction of one. */
export type TRecordChange =
  | { kind: "ADDED"; id: string; at: Date; entry: TAddedEntry }
  | { kind: TCorrection["kind"]; id: string; at: Date; correction: TCorrection };

type TAddedEntry = ReturnType<typeof toAdded>;

function toAdded(row: TAddedChangeRow) {
  const subject = row.agreementSlug
    ? { kind: "AGREEMENT" as const, slug: row.agreementSlug, name: row.agreementName ?? row.agreementSlug }
    : { kind: "MEASURE" as const, slug: row.measureSlug ?? "", name: row.measureTitle ?? "" };
  return { id: row.id, headline: row.headline, status: row.status, state: row.state, subject: { ...subject, href: subjectHref(subject.kind, subject.slug) } };
}

/**
 * What changed in the record since an instant (issue 12, decision 036): developments published
 * after it, and every correction, source erratum and retraction recorded after it (the public
 * revisions, with their kind, type and reason), newest first, keyset-paged on (when, id). Each
 * stream is one ordered index range cut at the page size; the two are merged here.
 */
export async function listChangesSince(actor: TActor, { since, cursor, limit = 25 }: { since: Date; cursor?: string; limit?: number }) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const after = cursor ? decodeCursor(cursor, ZChangesCursor) : undefined;
  const [added, corrected] = await Promise.all([
    queryRows(database, ZAddedChangeRow, addedSinceSql(since, after, limit + 1)),
    queryRows(database, ZCorrectionRow, correctionsPageSql({ kinds: LOGGED_KINDS, start: new Date(since.getTime() + 1), end: null, after }, limit + 1)),
  ]);
  const changes: TRecordChange[] = [
    ...added.map((row) => ({ kind: "ADDED" as const, id: row.id, at: row.publishedAt, entry: toAdded(row) })),
    ...corrected.map((row) => ({ kind: row.kind, id: row.id, at: row.createdAt, correction: toCorrection(row) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const { items, nextCursor } = splitPage(changes.slice(0, limit + 1), limit, (change) => [change.at.toISOString(), change.id]);
  return { since, items, nextCursor };
}

export type TChangesSince = Awaited<ReturnType<typeof listChangesSince>>;
