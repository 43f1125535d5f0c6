import "server-only";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { buildDevelopmentsFeed } from "@/lib/server/feeds/developments-feed";
import type { TFeedScope } from "@/lib/server/feeds/get-feed-subject";

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

/** A route handler answering an Atom feed for the scope its address names (bearer token or session, like the API). */
export function atomResponse<TParam extends string = never>(scopeOf: (params: Record<TParam, string>) => TFeedScope, params: readonly TParam[] = []) {
  return apiRoute({ permission: "published:read", summary: "Follow changes as an Atom feed", response: ZNotJsonBody, params }, async (request, { params: values, actor }) => {
    const xml = await buildDevelopmentsFeed(actor, scopeOf(values), new URL(request.url).origin);
    // A shared cache may keep a feed only when anyone may read it; with PUBLIC_READ=false it
    // was served to this signed-in client alone.
    const isPublic = can(null, "published:read");
    return new Response(xml, {
      headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": isPublic ? "public, max-age=300" : "private, no-store" },
    });
  });
}
