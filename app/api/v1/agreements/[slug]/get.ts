// GET /api/v1/agreements/{slug}?asOf&axis: an agreement with parties, terms, derived status, deadlines, timeline and related items.
import { ZAgreementBody } from "@/lib/schemas/responses/agreement-responses";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { apiRoute } from "@/lib/server/api";
import { getAgreement } from "@/lib/server/agreements/get-agreement";
import { subjectStatusJson } from "../../subject-json";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get an agreement with its terms, derived status, notice deadline and timeline",
    response: ZAgreementBody,
    params: ["slug"],
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => {
    const agreement = await getAgreement(actor, params.slug, new Date(), query);
    const keep = agreement.asOf ? `asOf=${encodeURIComponent(agreement.asOf.instant.toISOString())}&axis=${agreement.asOf.axis}` : "";
    return {
      data: {
        slug: agreement.slug,
        title: agreement.title,
        shortName: agreement.shortName,
        kind: agreement.kind,
        summary: agreement.summary,
        parties: agreement.parties,
        signedOn: agreement.signedOn?.toISOString().slice(0, 10) ?? null,
        inForceOn: agreement.inForceOn?.toISOString().slice(0, 10) ?? null,
        terms: { termMonths: agreement.termMonths, autoRenews: agreement.autoRenews, noticeDays: agreement.noticeDays, timeZone: agreement.timeZone },
        ...subjectStatusJson(agreement),
        noticeDeadline: agreement.noticeDeadline && {
          lastDayToGiveNotice: agreement.noticeDeadline.lastDayToGiveNotice,
          noticeDeadlineAt: agreement.noticeDeadline.noticeDeadlineAt.toISOString(),
          termEndsAt: agreement.noticeDeadline.termEndsAt.toISOString(),
        },
        related: agreement.related,
        links: {
          page: `/agreements/${agreement.slug}${keep && `?${keep}`}`,
          history: `/api/v1/status-changes?agreement=${agreement.slug}${keep && `&${keep}`}`,
          feed: `/feeds/agreements/${agreement.slug}.atom`,
        },
        asOf: agreement.asOf ? { instant: agreement.asOf.instant.toISOString(), axis: agreement.asOf.axis } : null,
      },
    };
  },
);
