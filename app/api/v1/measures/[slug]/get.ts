// GET /api/v1/measures/{slug}?asOf&axis: a trade measure with its parties, derived status, timeline and related items.
import { ZMeasureBody } from "@/lib/schemas/responses/measure-responses";
import { apiRoute } from "@/lib/server/api";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { subjectStatusJson } from "../../subject-json";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { asOfJson, keepLinks } from "../../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a trade measure with its parties, derived status and timeline",
    response: ZMeasureBody,
    params: ["slug"],
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => {
    const measure = await getMeasure(actor, params.slug, new Date(), query);
    return {
      data: {
        slug: measure.slug,
        title: measure.title,
        measureType: measure.measureType,
        imposingParty: measure.imposingParty,
        targets: measure.targets,
        products: measure.products,
        hsCodes: measure.hsCodes,
        announcedOn: measure.announcedOn?.toISOString().slice(0, 10) ?? null,
        effectiveOn: measure.effectiveOn?.toISOString().slice(0, 10) ?? null,
        timeZone: measure.timeZone,
        summary: measure.summary,
        ...subjectStatusJson(measure),
        related: measure.related,
        links: keepLinks({ page: `/measures/${measure.slug}`, history: `/api/v1/status-changes?measure=${measure.slug}`, feed: `/feeds/measures/${measure.slug}.atom` }, measure.asOf),
        asOf: asOfJson(measure.asOf),
      },
    };
  },
);
