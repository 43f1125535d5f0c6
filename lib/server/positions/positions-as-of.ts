import "server-only";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { DatePrecision } from "../../generated/prisma/enums";
import type { TAsOf } from "../as-of-sql";
import type { TDatabase } from "../db";

// The positions that stood at an instant (lib/domain/position-as-of.ts), as Prisma filters and
// one look-up of the versions recorded then. The database narrows by what it can state exactly
// (record time; a development subject that stood); knowledge time depends on the source's date
// and precision, so it is narrowed by `statedAt` (never after it) and decided in the app.

/** The developments whose positions are public at the instant: published now, or (as of one) standing then. */
export function publicDevelopmentWhere(asOf: TAsOf | undefined): Prisma.StatusChangeWhereInput {
  if (!asOf) return { state: "PUBLISHED" };
  // Recorded: published by then and not yet retracted (a later retraction does not undo the past);
  // known: today's record, public by then (as decision 029's rule for developments).
  return asOf.axis === "recorded"
    ? { publishedAt: { lte: asOf.instant }, OR: [{ state: "PUBLISHED" }, { state: "RETRACTED", retractedAt: { gt: asOf.instant } }] }
    : { state: "PUBLISHED", knownAt: { lte: asOf.instant } };
}

/** What the database can rule out of an asOf reading: positions recorded (or, on the knowledge axis, said) after the instant. */
export function positionAsOfWhere(asOf: TAsOf | undefined): Prisma.PartyPositionWhereInput {
  if (!asOf) return {};
  return asOf.axis === "recorded" ? { createdAt: { lte: asOf.instant } } : { statedAt: { lte: asOf.instant } };
}

// The words of a revision's snapshot (lib/server/positions/position-record.ts positionSnapshot);
// read defensively, so an odd snapshot leaves the position as it is now.
const ZSnapshotWords = z.object({
  speaker: z.string(),
  quote: z.string(),
  quoteLanguage: z.string(),
  translation: z.string().nullable(),
  translationLanguage: z.string().nullable(),
  translationNote: z.string().nullable(),
  statedAt: z.coerce.date(),
  statedPrecision: z.enum(DatePrecision),
  timeZone: z.string(),
  locator: z.string().nullable(),
  source: z.object({ url: z.string(), title: z.string(), publisher: z.string() }),
});

type TWords = z.output<typeof ZSnapshotWords>;
type TOverlaid = Omit<TWords, "source"> & { source: { url: string; title: string; publisher: string; retiredAt: Date | null } };

/**
 * On the record axis, a position corrected after the instant in the words it had then: its
 * latest revision recorded by then (one look-up for the whole list). The knowledge axis shows
 * today's words, as it shows today's version of a development.
 */
export async function wordsAsRecorded<T extends TOverlaid & { id: string; updatedAt: Date }>(database: TDatabase, positions: T[], asOf: TAsOf | undefined): Promise<T[]> {
  if (asOf?.axis !== "recorded") return positions;
  const edited = positions.filter((position) => position.updatedAt > asOf.instant).map((position) => position.id);
  if (edited.length === 0) return positions;
  const revisions = await database.revision.findMany({
    where: { entityType: "PartyPosition", entityId: { in: edited }, createdAt: { lte: asOf.instant } },
    orderBy: [{ entityId: "asc" }, { version: "desc" }],
    distinct: ["entityId"],
    select: { entityId: true, snapshot: true },
  });
  const then = new Map(revisions.flatMap((revision) => {
    const parsed = ZSnapshotWords.safeParse(revision.snapshot);
    return parsed.success ? [[revision.entityId, parsed.data] as const] : [];
  }));
  return positions.map((position) => {
    const words = then.get(position.id);
    if (!words) return position;
    // Sources are not versioned (decision 036): the source's state of retirement is today's.
    return { ...position, ...words, source: { ...words.source, retiredAt: position.source.retiredAt } };
  });
}
