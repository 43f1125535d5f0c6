import "server-only";
import { escapeLike } from "../like-pattern";
import { isRecordId } from "../../schemas/record-id";
import type { Prisma } from "../../generated/prisma/client";
import type { Reliability, SourceKind } from "../../generated/prisma/enums";
import type { TAdminSourceFilters } from "../../schemas/admin-source";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

const PAGE_SIZE = 50;

type TCursor = { title: string; id: string };

/** The registry page's cursor (base64url of [title, id]), or null when the text is not one. */
export function decodeAdminSourceCursor(after: string): TCursor | null {
  if (!after) return null;
  try {
    const value = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string" && isRecordId(value[1])) {
      return { title: value[0], id: value[1] };
    }
  } catch {
    // A mangled cursor starts from the first page.
  }
  return null;
}

function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify([cursor.title, cursor.id]), "utf8").toString("base64url");
}

/** The filters as a Prisma condition; exported for the overview's counts. */
export function adminSourceWhere(filters: Omit<TAdminSourceFilters, "after">): Prisma.SourceWhereInput {
  const and: Prisma.SourceWhereInput[] = [];
  if (filters.q) {
    and.push({
      OR: [
        { title: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { publisher: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { url: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { archiveUrl: { contains: escapeLike(filters.q), mode: "insensitive" } },
      ],
    });
  }
  if (filters.publisher) and.push({ publisher: { contains: escapeLike(filters.publisher), mode: "insensitive" } });
  if (filters.kind !== "any") and.push({ kind: filters.kind as SourceKind });
  if (filters.grade === "ungraded") and.push({ reliability: "F", OR: [{ reliabilityNote: null }, { reliabilityNote: "" }] });
  else if (filters.grade !== "any") and.push({ reliability: filters.grade as Reliability });
  if (filters.state === "live") and.push({ mergedIntoId: null, retiredAt: null });
  if (filters.state === "retired") and.push({ mergedIntoId: null, retiredAt: { not: null } });
  if (filters.state === "merged") and.push({ mergedIntoId: { not: null } });
  if (filters.cited === "cited") and.push({ citations: { some: {} } });
  if (filters.cited === "uncited") and.push({ citations: { none: {} } });
  return { AND: and };
}

/** The admin's source registry, filtered and sorted by title, a page at a time (keyset). */
export async function listSourcesForAdmin(actor: TActor, filters: TAdminSourceFilters, { pageSize = PAGE_SIZE } = {}) {
  assertSignedInCan(actor, "source:edit");
  const cursor = decodeAdminSourceCursor(filters.after);
  const where = adminSourceWhere(filters);
  const database = getDatabase();
  const rows = await database.source.findMany({
    where: cursor ? { AND: [where, { OR: [{ title: { gt: cursor.title } }, { title: cursor.title, id: { gt: cursor.id } }] }] } : where,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: pageSize + 1,
    select: {
      id: true,
      url: true,
      title: true,
      publisher: true,
      kind: true,
      reliability: true,
      reliabilityNote: true,
      publishedAt: true,
      archiveUrl: true,
      retiredAt: true,
      mergedIntoId: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  // Counted for this page only: the query builder's relation count aggregates the whole Citation
  // table first (over a second on a million citations).
  const counts = await database.citation.groupBy({ by: ["sourceId"], where: { sourceId: { in: page.map((source) => source.id) } }, _count: { _all: true } });
  const countBySource = new Map(counts.map((count) => [count.sourceId, count._count._all]));
  return {
    sources: page.map((source) => ({ ...source, citationCount: countBySource.get(source.id) ?? 0 })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ title: last.title, id: last.id }) : null,
  };
}

export type TAdminSourceRow = Awaited<ReturnType<typeof listSourcesForAdmin>>["sources"][number];

