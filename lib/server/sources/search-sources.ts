import "server-only";
import { escapeLike } from "../like-pattern";
import { canonicalizeUrl } from "../../domain/canonical-url";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/** Sources for the citation picker: by title, publisher or link; merged duplicates left out, retired ones shown with their reason (the picker offers them disabled). */
export async function searchSources(actor: TActor, query: string, { limit = 10 } = {}) {
  assertSignedInCan(actor, "source:create");
  const text = query.trim();
  if (text.length < 2) return [];
  const canonical = canonicalizeUrl(text);
  const rows = await getDatabase().source.findMany({
    where: {
      mergedIntoId: null,
      OR: [
        { title: { contains: escapeLike(text), mode: "insensitive" } },
        { publisher: { contains: escapeLike(text), mode: "insensitive" } },
        { url: { contains: escapeLike(text), mode: "insensitive" } },
        ...(canonical.ok ? [{ url: canonical.url }] : []),
      ],
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: limit,
    select: { id: true, url: true, title: true, publisher: true, reliability: true, publishedAt: true, retiredAt: true, retiredReason: true },
  });
  // The exact link first: pasting a known link should pick its source at once.
  return canonical.ok ? [...rows.filter((row) => row.url === canonical.url), ...rows.filter((row) => row.url !== canonical.url)] : rows;
}

export type TSourceSearchResult = Awaited<ReturnType<typeof searchSources>>[number];
