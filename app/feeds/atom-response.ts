import "server-only";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { buildDevelopmentsFeed } from "@/lib/server/feeds/developments-feed";
import type { TFeedScope } from "@/lib/server/feeds/get-feed-subject";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

/** The file name of a feed address without ".atom" ("gsomia.atom" → "gsomia"); anything else is not a feed. */
export function feedName(file: string): string {
  const match = /^([A-Za-z0-9-]{1,100})\.atom$/.exec(file);
  if (!match) throw new AppError("NOT_FOUND", "Feeds end in .atom, e.g. /feeds/agreements/gsomia.atom.");
  return match[1]!;
}

/** Parses a relation feed's pair ("JPN-KOR"). */
export function pairOf(name: string): [string, string] {
  const parsed = ZPartyPair.safeParse(name);
  if (!parsed.success) throw new AppError("NOT_FOUND", "A relation feed is named by two party codes, e.g. /feeds/relations/JPN-KOR.atom.");
  return parsed.data;
}

/**
 * A route handler answering an Atom feed for the scope its address names (bearer token or session,
 * like the API); ?asOf&axis gives the feed as the record stood then (decision 029; dates and wall
 * times in UTC, decision 036), and an unreadable one is a 422 problem, as in the API.
 */
export function atomResponse<TParam extends string = never>(scopeOf: (params: Record<TParam, string>) => TFeedScope, params: readonly TParam[] = []) {
  return apiRoute({ permission: "published:read", summary: "Follow changes as an Atom feed", response: ZNotJsonBody, params, query: ZAsOfQuery }, async (request, { params: values, actor, query }) => {
    const xml = await buildDevelopmentsFeed(actor, scopeOf(values), new URL(request.url).origin, asOfFromQuery(query));
    // A shared cache may keep a feed only when anyone may read it; with PUBLIC_READ=false it
    // was served to this signed-in client alone.
    const isPublic = can(null, "published:read");
    return new Response(xml, {
      headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": isPublic ? "public, max-age=300" : "private, no-store" },
    });
  });
}
