import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { positionKnownAt, positionStandsAt } from "../../domain/position-as-of";
import { positionsByParty } from "../../domain/position-history";
import { isRecordId } from "../../schemas/record-id";
import { AppError } from "../errors";
import { filteredIdPage } from "../keyset";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";
import type { TAsOf } from "../as-of-sql";
import { POSITION_WORDS_SELECT } from "./position-words";
import { positionAsOfWhere, publicDevelopmentWhere, wordsAsRecorded } from "./positions-as-of";

/** Positions read per subject for a page: a bound no real record comes near (a handful a party). */
export const MAX_SUBJECT_POSITIONS = 200;

const SOURCE_FIELDS = { url: true, title: true, publisher: true, retiredAt: true } as const;
// When the source was published: read for the position's knowledge time, never shown as such.
const SOURCE_SELECT = { ...SOURCE_FIELDS, publishedAt: true, publishedPrecision: true, mergedInto: { select: SOURCE_FIELDS } } as const;

const READER_POSITION_SELECT = {
  id: true,
  ...POSITION_WORDS_SELECT,
  locator: true,
  supersedesId: true,
  createdAt: true,
  updatedAt: true,
  party: { select: { code: true, name: true } },
  agreement: { select: { slug: true } },
  measure: { select: { slug: true } },
  statusChangeId: true,
  source: { select: SOURCE_SELECT },
} satisfies Prisma.PartyPositionSelect;

type TRow = Prisma.PartyPositionGetPayload<{ select: typeof READER_POSITION_SELECT }>;

function toReaderPosition(row: TRow) {
  const { source, party, agreement, measure, statusChangeId, ...rest } = row;
  const { mergedInto, publishedAt, publishedPrecision, ...own } = source;
  return {
    ...rest,
    knownAt: positionKnownAt(row, { publishedAt, publishedPrecision }),
    partyCode: party.code,
    partyName: party.name,
    subject: agreement ? { kind: "AGREEMENT" as const, slug: agreement.slug } : measure ? { kind: "MEASURE" as const, slug: measure.slug } : { kind: "DEVELOPMENT" as const, id: statusChangeId! },
    // A merged source is shown as the source it was merged into.
    source: mergedInto ?? own,
  };
}
export type TReaderPosition = ReturnType<typeof toReaderPosition>;

export type TPositionWhere = { agreement: string } | { measure: string } | { statusChangeId: string } | { everything: true };

function whereOf(where: TPositionWhere, asOf: TAsOf | undefined): Prisma.PartyPositionWhereInput {
  // Agreements and measures are public as soon as they exist; a development's positions are
  // public exactly while it is published (retracted or draft developments hide theirs), and as
  // of an instant while it stood then.
  const development = publicDevelopmentWhere(asOf);
  const stood = positionAsOfWhere(asOf);
  if ("agreement" in where) return { ...stood, agreement: { slug: where.agreement } };
  if ("measure" in where) return { ...stood, measure: { slug: where.measure } };
  if ("statusChangeId" in where) return { ...stood, statusChangeId: where.statusChangeId, statusChange: development };
  return { ...stood, OR: [{ statusChangeId: null }, { statusChange: development }] };
}

type TRead = { take: number; after?: string; isById?: boolean; asOf?: TAsOf };

async function readPositions(actor: TActor, where: TPositionWhere | { id: string }, { take, after, isById = false, asOf }: TRead) {
  assertCan(actor, "published:read");
  if ("statusChangeId" in where && !isRecordId(where.statusChangeId)) throw new AppError("NOT_FOUND", "There is no such development.");
  const database = await readDatabase(actor);
  const scope = "id" in where ? { AND: [whereOf({ everything: true }, asOf), { id: where.id }] } : whereOf(where, asOf);
  const rows = await database.partyPosition.findMany({
    where: after ? { AND: [scope, { id: { gt: after } }] } : scope,
    // Pages show the newest first; the API pages by id (version 7 UUIDs: the order they were added).
    orderBy: isById ? [{ id: "asc" }] : [{ statedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take,
    select: READER_POSITION_SELECT,
  });
  const positions = rows.map(toReaderPosition);
  // As of an instant, the positions that stood (lib/domain/position-as-of.ts), in their words then.
  const standing = asOf ? positions.filter((position) => positionStandsAt(position, asOf.instant, asOf.axis)) : positions;
  return { positions: await wordsAsRecorded(database, standing, asOf), isLastRead: rows.length < take, lastReadId: rows.at(-1)?.id };
}

/**
 * The published positions on one subject, grouped by party in the subject's party order (current,
 * then superseded; newest first). As of an instant, those that stood then: a position superseded
 * later is current again, since its successor is not among them.
 */
export async function listSubjectPositions(actor: TActor, where: Exclude<TPositionWhere, { everything: true }>, partyCodes: readonly string[], asOf?: TAsOf) {
  const { positions } = await readPositions(actor, where, { take: MAX_SUBJECT_POSITIONS, asOf });
  return { count: positions.length, parties: positionsByParty(partyCodes, positions), names: new Map(positions.map((position) => [position.partyCode, position.partyName])) };
}

/** Rounds of reading a page may take when positions fail the knowledge-time test in the app (each round moves on). */
const MAX_PAGE_ROUNDS = 20;

/** A keyset page of published positions for the API, after the cursor (a position's id); as of an instant, those that stood then. */
export async function listPositionsPage(actor: TActor, where: TPositionWhere, { cursor, limit, asOf }: { cursor?: string; limit: number; asOf?: TAsOf }) {
  if (cursor !== undefined && !isRecordId(cursor)) throw new AppError("INVALID_INPUT", "Not a page cursor.", { cursor: ["Not a page cursor."] });
  // Rarely more than one round: only a position said by then whose source came out later is read and dropped.
  const page = await filteredIdPage(
    async (after, take) => {
      const read = await readPositions(actor, where, { take, after, isById: true, asOf });
      return { items: read.positions, lastReadId: read.lastReadId, isLastRead: read.isLastRead };
    },
    { cursor, limit, maxRounds: MAX_PAGE_ROUNDS },
  );
  return { positions: page.items, nextCursor: page.nextCursor };
}

/** One published position as it stood (now, or as of an instant), and the position that superseded it by then; NOT_FOUND when it did not stand. */
export async function getPosition(actor: TActor, id: string, asOf?: TAsOf) {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such position.");
  const [position] = (await readPositions(actor, { id }, { take: 1, asOf })).positions;
  if (!position) throw new AppError("NOT_FOUND", asOf ? "There was no such position at that instant." : "There is no such position.");
  const database = await readDatabase(actor);
  const successor = await database.partyPosition.findUnique({ where: { supersedesId: id }, select: { id: true } });
  const stoodSuccessor = successor ? (await readPositions(actor, { id: successor.id }, { take: 1, asOf })).positions[0] : undefined;
  return { ...position, supersededById: stoodSuccessor?.id ?? null };
}
