import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { currentCanonicalUrl } from "../../domain/source-duplicates";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { SOURCE_RECORD_SELECT } from "./source-record";
import { undoBlocker } from "./undo-source-merge";

const CITING_ENTRIES_SHOWN = 500;

/**
 * One source as the admin's page shows it: every field, who added it, what it was merged into
 * or what was merged into it, whether the merge can still be undone, and every entry citing it.
 */
export async function getSourceForAdmin(actor: TActor, id: string) {
  assertSignedInCan(actor, "source:edit");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such source.");
  const database = getDatabase();
  const source = await database.source.findUnique({
    where: { id },
    select: {
      ...SOURCE_RECORD_SELECT,
      createdBy: { select: { name: true } },
      mergedInto: { select: { id: true, title: true, publisher: true, url: true } },
      syndicatedFrom: { select: { id: true, title: true, publisher: true } },
      mergedFrom: { select: { id: true, title: true, url: true, mergedAt: true }, orderBy: { mergedAt: "desc" } },
      _count: { select: { citations: true } },
    },
  });
  if (!source) throw new AppError("NOT_FOUND", "There is no such source.");

  const citations = await database.citation.findMany({
    where: { sourceId: id },
    orderBy: [{ statusChange: { occurredAt: "desc" } }, { id: "asc" }],
    take: CITING_ENTRIES_SHOWN,
    select: {
      id: true,
      quote: true,
      locator: true,
      credibility: true,
      statusChange: {
        select: {
          id: true,
          headline: true,
          state: true,
          occurredAt: true,
          occurredPrecision: true,
          timeZone: true,
          agreement: { select: { slug: true, shortName: true, title: true } },
          measure: { select: { slug: true, title: true } },
        },
      },
    },
  });
  const undoProblem = source.mergedIntoId
    ? await undoBlocker(database, source, await database.source.findUnique({ where: { id: source.mergedIntoId }, select: { id: true, version: true } }))
    : null;
  const canonicalNow = currentCanonicalUrl(source.url);
  return {
    ...source,
    citationCount: source._count.citations,
    citations,
    /** Set when the stored link predates a canonicalisation rule: what the rules make of it now. */
    canonicalUrlNow: canonicalNow === source.url ? null : canonicalNow,
    undo: source.mergedIntoId ? { isPossible: undoProblem === null, problem: undoProblem } : null,
  };
}

export type TAdminSource = Awaited<ReturnType<typeof getSourceForAdmin>>;
