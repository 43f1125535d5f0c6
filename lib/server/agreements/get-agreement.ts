import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { isNoticeDeadlineRelevant, nextNoticeDeadline } from "../../domain/deadlines";
import { boundedTimeline } from "../../domain/bounded-timeline";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZAgreementPageRow, ZBoundedSkeletonRow } from "../rows/subject-page-row";
import { boundedSkeletonJsonSql, deriveBoundedStatus, linksJsonSql, toRelatedItems, type TSkeletonChange } from "../subject-sql";
import { agreementName } from "../../domain/subject-ref";
import { resolveAsOfInput, type TAsOf } from "../as-of-sql";
import type { TAsOfQuery } from "../../schemas/as-of";
import { readAsOfSkeleton } from "../as-of-skeleton";

/**
 * An agreement's page head in two round trips: its fields, parties, related items and the bounded
 * skeleton of its published history (the latest few hundred changes and those the rules need),
 * from which the current status, the pending and cancelled schedules,
 * the timeline and the next notice deadline are derived by the domain rules. The history itself
 * is paged separately (listPublishedChanges).
 */
export async function getAgreement(actor: TActor, slug: string, now: Date = new Date(), asOfOrQuery?: TAsOf | Partial<TAsOfQuery>) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const raw = await database.$queryRaw`
    SELECT a.id, a.slug, a.title, a."shortName", a.kind::text AS kind, a.summary, a."signedOn", a."inForceOn", a."termMonths",
      a."autoRenews", a."noticeDays", a."timeZone", a."updatedAt",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = a.id), '[]'::json) AS parties,
      ${linksJsonSql("agreement", Prisma.sql`a.id`)} AS related
    FROM "Agreement" a WHERE a.slug = ${slug}`;
  const agreement = parseRows(ZAgreementPageRow, raw)[0];
  if (!agreement) throw new AppError("NOT_FOUND", `No agreement is recorded at “${slug}”.`);
  // As of an instant (decision 029) the page is derived at that instant from what stood then;
  // a query's dates and wall times are read in the agreement's zone.
  const asOf = resolveAsOfInput(asOfOrQuery, agreement.timeZone);
  if (asOf) now = asOf.instant;
  const { skeleton, history, status } = asOf ? await readAsOfSkeleton(database, "agreementId", agreement.id, asOf) : await presentSkeleton(database, agreement.id, now);
  // The timeline and its markers; `skeleton` keeps every change read, for the status panel and marks.
  const { timeline, changes } = boundedTimeline(history, skeleton.truncated, now);
  const drawn = { timeline, skeleton: history, markers: changes };
  const inForceOn = agreement.inForceOn?.toISOString().slice(0, 10) ?? null;
  const noticeDeadline =
    inForceOn && isNoticeDeadlineRelevant(status.current?.status ?? null)
      ? nextNoticeDeadline({ ...agreement, inForceOn }, now)
      : null;
  const { related, ...fields } = agreement;
  return {
    ...fields,
    name: agreementName(agreement),
    status,
    noticeDeadline,
    /** timeline; skeleton: the changes read (the latest, and those the status rules need), oldest first; markers: those drawn. */
    ...drawn,
    /** Whether older published changes exist than the skeleton holds (the timeline then starts later). */
    skeletonTruncated: skeleton.truncated,
    related: toRelatedItems(related),
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  };
}

async function presentSkeleton(database: Awaited<ReturnType<typeof readDatabase>>, agreementId: string, now: Date) {
  // A second statement, so the planner knows the subject: with its id as a value it reads a long
  // history's latest rows along the history index instead of sorting all of them (at 50 000 entries: 546 → 17–39 ms; the whole skeleton took 3.3 s).
  const { skeleton } = parseRows(ZBoundedSkeletonRow, await database.$queryRaw`
    SELECT ${boundedSkeletonJsonSql("agreementId", Prisma.sql`${agreementId}::uuid`, now)} AS skeleton`)[0]!;
  const history: TSkeletonChange[] = skeleton.changes;
  return { skeleton, history, status: deriveBoundedStatus(skeleton, history, now) };
}

export type TAgreementPage = Awaited<ReturnType<typeof getAgreement>>;
