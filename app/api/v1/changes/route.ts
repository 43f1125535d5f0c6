// GET /api/v1/changes?since&cursor&limit: what changed in the record since an instant (added, corrected, retracted), newest first, keyset-paged.
import { ZChangesSinceQuery } from "@/lib/schemas/as-of";
import { ZChangeListBody } from "@/lib/schemas/responses/change-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { listChangesSince } from "@/lib/server/changes/list-changes-since";
import { correctionJson } from "@/lib/server/corrections/correction-json";
import { AppError } from "@/lib/server/errors";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List what changed in the record since an instant: developments added, corrected (with kind, type and reason) and retracted, newest first",
    response: ZChangeListBody,
    query: ZChangesSinceQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times of `since` are read in UTC (decision 036).
    const since = asOfFromQuery({ asOf: query.since });
    if (!since) throw new AppError("INVALID_INPUT", "Give the instant to compare with.", { since: ["Give the instant to compare with."] });
    const page = await listChangesSince(actor, { since: since.instant, cursor: query.cursor, limit: query.limit });
    const data = page.items.map((change) =>
      change.kind === "ADDED"
        ? {
            kind: change.kind,
            id: change.id,
            at: change.at.toISOString(),
            development: {
              id: change.entry.id,
              url: `/developments/${change.entry.id}`,
              headline: change.entry.headline,
              status: change.entry.status,
              state: change.entry.state,
              subject: { kind: change.entry.subject.kind, slug: change.entry.subject.slug, name: change.entry.subject.name },
            },
          }
        : { kind: change.kind, id: change.id, at: change.at.toISOString(), correction: correctionJson(change.correction) },
    );
    return listResponse(request, data, page.nextCursor, { since: since.instant.toISOString() });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
