import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { isNoticeDeadlineRelevant, nextNoticeDeadline } from "../../domain/deadlines";
import { deriveStatus } from "../../domain/status-derivation";
import { statusTimeline } from "../../domain/status-timeline";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { agreementName } from "../../domain/subject-ref";
import { parseRows } from "../rows/parse-rows";
import { ZAgreementPageRow } from "../rows/subject-page-row";
import { linksJsonSql, skeletonJsonSql, toRelatedItems, type TSkeletonChange } from "../subject-sql";

/**
 * An agreement's page head in one round trip: its fields, parties, related items and the skeleton
 * of its published history, from which the current status, the pending and cancelled schedules,
 * the timeline and the next notice deadline are derived by the domain rules. The history itself
 * is paged separately (listPublishedChanges).
 */
export async function getAgreement(actor: TActor, slug: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const raw = await getDatabase().$queryRaw`
    SELECT a.id, a.slug, a.title, a."shortName", a.kind::text AS kind, a.summary, a."signedOn", a."inForceOn", a."termMonths",
      a."autoRenews", a."noticeDays", a."timeZone", a."updatedAt",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = a.id), '[]'::json) AS parties,
      ${linksJsonSql("agreement", Prisma.sql`a.id`)} AS related,
      ${skeletonJsonSql("agreementId", Prisma.sql`a.id`)} AS skeleton
    FROM "Agreement" a WHERE a.slug = ${slug}`;
  const agreement = parseRows(ZAgreementPageRow, raw)[0];
  if (!agreement) throw new AppError("NOT_FOUND", `No agreement is recorded at “${slug}”.`);

  const history: TSkeletonChange[] = agreement.skeleton;
  const status = deriveStatus(history, now);
  const inForceOn = agreement.inForceOn?.toISOString().slice(0, 10) ?? null;
  const noticeDeadline =
    inForceOn && isNoticeDeadlineRelevant(status.current?.status ?? null)
      ? nextNoticeDeadline({ ...agreement, inForceOn }, now)
      : null;
  const { skeleton: _skeleton, related, ...fields } = agreement;
  return {
    ...fields,
    name: agreementName(agreement),
    status,
    noticeDeadline,
    timeline: statusTimeline(history, now),
    /** Every published change, oldest first, with only what the status rules and the timeline read. */
    skeleton: history,
    related: toRelatedItems(related),
  };
}

export type TAgreementPage = Awaited<ReturnType<typeof getAgreement>>;
