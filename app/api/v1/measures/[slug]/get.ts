// GET /api/v1/measures/{slug}: a trade measure with its parties, derived status, timeline and related items.
import { ZMeasureBody } from "@/lib/schemas/responses/measure-responses";
import { apiRoute } from "@/lib/server/api";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { subjectStatusJson } from "../../subject-json";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a trade measure with its parties, derived status and timeline",
    response: ZMeasureBody,
    params: ["slug"],
  },
  async (_request, { actor, params }) => {
    const measure = await getMeasure(actor, params.slug);
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
        links: { page: `/measures/${measure.slug}`, history: `/api/v1/status-changes?measure=${measure.slug}`, feed: `/feeds/measures/${measure.slug}.atom` },
      },
    };
  },
);
