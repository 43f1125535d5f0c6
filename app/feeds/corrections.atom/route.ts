// GET /feeds/corrections.atom?…filters of /corrections: the latest corrections, source errata and retractions, as Atom.
import { paramsToObject, ZCorrectionsQuery } from "@/lib/schemas/reader-queries";
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { AppError, fieldErrorsFromZod } from "@/lib/server/errors";
import { buildCorrectionsFeed } from "@/lib/server/feeds/corrections-feed";
import { can } from "@/lib/server/permissions";

export const GET = apiRoute({ permission: "published:read", summary: "Follow the corrections log as an Atom feed", response: ZNotJsonBody }, async (request, { actor }) => {
  const url = new URL(request.url);
  const parsed = ZCorrectionsQuery.safeParse(paramsToObject(url.searchParams));
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some filters of the feed are not valid.", fieldErrorsFromZod(parsed.error));
  const xml = await buildCorrectionsFeed(actor, parsed.data, url.origin, url.search);
  // As the developments feeds (../atom-response.ts): shared caches only while anyone may read.
  const isPublic = can(null, "published:read");
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": isPublic ? "public, max-age=300" : "private, no-store" } });
});
