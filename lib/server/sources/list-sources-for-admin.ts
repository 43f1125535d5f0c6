import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { Reliability, SourceKind } from "../../generated/prisma/enums";
import type { TAdminSourceFilters } from "../../schemas/admin-source";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

const PAGE_SIZE = 50;

type TCursor = { title: string; id: string };

function decodeCursor(after: string): TCursor | null {
  if (!after) return null;
  try {
    const value = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string" && /^[0-9a-f-]{36}$/i.test(value[1])) {
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
        { title: { contains: filters.q, mode: "insensitive" } },
        { publisher: { contains: filters.q, mode: "insensitive" } },
        { url: { contains: filters.q, mode: "insensitive" } },
        { archiveUrl: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  if (filters.publisher) and.push({ publisher: { contains: filters.publisher, mode: "insensitive" } });
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
  const cursor = decodeCursor(filters.after);
  const where = adminSourceWhere(filters);
  const rows = await getDatabase().source.findMany({
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
      _count: { select: { citations: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    sources: page.map(({ _count, ...source }) => ({ ...source, citationCount: _count.citations })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ title: last.title, id: last.id }) : null,
  };
}

export type TAdminSourceRow = Awaited<ReturnType<typeof listSourcesForAdmin>>["sources"][number];

