import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { positionsByParty } from "../../domain/position-history";
import { isRecordId } from "../../schemas/record-id";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import { POSITION_WORDS_SELECT } from "./position-words";

/** Positions read per subject for a page: a bound no real record comes near (a handful a party). */
export const MAX_SUBJECT_POSITIONS = 200;

const SOURCE_FIELDS = { url: true, title: true, publisher: true, retiredAt: true } as const;

const READER_POSITION_SELECT = {
  id: true,
  ...POSITION_WORDS_SELECT,
  locator: true,
  supersedesId: true,
  createdAt: true,
  party: { select: { code: true, name: true } },
  agreement: { select: { slug: true } },
  measure: { select: { slug: true } },
  statusChangeId: true,
  source: { select: { ...SOURCE_FIELDS, mergedInto: { select: SOURCE_FIELDS } } },
} satisfies Prisma.PartyPositionSelect;

type TRow = Prisma.PartyPositionGetPayload<{ select: typeof READER_POSITION_SELECT }>;

function toReaderPosition(row: TRow) {
  const { source, party, agreement, measure, statusChangeId, ...rest } = row;
  const { mergedInto, ...own } = source;
  return {
    ...rest,
    partyCode: party.code,
    partyName: party.name,
    subject: agreement ? { kind: "AGREEMENT" as const, slug: agreement.slug } : measure ? { kind: "MEASURE" as const, slug: measure.slug } : { kind: "DEVELOPMENT" as const, id: statusChangeId! },
    // A merged source is shown as the source it was merged into.
    source: mergedInto ?? own,
  };
}
export type TReaderPosition = ReturnType<typeof toReaderPosition>;

export type TPositionWhere = { agreement: string } | { measure: string } | { statusChangeId: string } | { everything: true };

function whereOf(where: TPositionWhere): Prisma.PartyPositionWhereInput {
  // Agreements and measures are public as soon as they exist; a development's positions are
  // public exactly while it is published (retracted or draft developments hide theirs).
  const publicSubject: Prisma.PartyPositionWhereInput = { OR: [{ statusChangeId: null }, { statusChange: { state: "PUBLISHED" } }] };
  if ("agreement" in where) return { agreement: { slug: where.agreement } };
  if ("measure" in where) return { measure: { slug: where.measure } };
  if ("statusChangeId" in where) return { statusChangeId: where.statusChangeId, statusChange: { state: "PUBLISHED" } };
  return publicSubject;
}

async function readPositions(actor: TActor, where: TPositionWhere, { take, after, isById = false }: { take: number; after?: string; isById?: boolean }) {
  assertCan(actor, "published:read");
  if ("statusChangeId" in where && !isRecordId(where.statusChangeId)) throw new AppError("NOT_FOUND", "There is no such development.");
  const database = await readDatabase(actor);
  return database.partyPosition.findMany({
    where: after ? { AND: [whereOf(where), { id: { gt: after } }] } : whereOf(where),
    // Pages show the newest first; the API pages by id (version 7 UUIDs: the order they were added).
    orderBy: isById ? [{ id: "asc" }] : [{ statedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take,
    select: READER_POSITION_SELECT,
  });
}

/** The published positions on one subject, grouped by party in the subject's party order (current, then superseded; newest first). */
export async function listSubjectPositions(actor: TActor, where: Exclude<TPositionWhere, { everything: true }>, partyCodes: readonly string[]) {
  const positions = (await readPositions(actor, where, { take: MAX_SUBJECT_POSITIONS })).map(toReaderPosition);
  return { count: positions.length, parties: positionsByParty(partyCodes, positions), names: new Map(positions.map((position) => [position.partyCode, position.partyName])) };
}

/** A keyset page of published positions for the API, after the cursor (a position's id). */
export async function listPositionsPage(actor: TActor, where: TPositionWhere, { cursor, limit }: { cursor?: string; limit: number }) {
  if (cursor !== undefined && !isRecordId(cursor)) throw new AppError("INVALID_INPUT", "Not a page cursor.", { cursor: ["Not a page cursor."] });
  const rows = await readPositions(actor, where, { take: limit + 1, after: cursor, isById: true });
  const page = rows.slice(0, limit).map(toReaderPosition);
  return { positions: page, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}
