import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { getDatabase } from "../db";
import { assertSignedInCan, can, type TActor } from "../permissions";

const DESK_ENTRY_SELECT = {
  id: true,
  status: true,
  headline: true,
  state: true,
  occurredAt: true,
  occurredPrecision: true,
  timeZone: true,
  updatedAt: true,
  publishedAt: true,
  version: true,
  author: { select: { name: true } },
  agreement: { select: { slug: true, title: true, shortName: true } },
  measure: { select: { slug: true, title: true } },
  _count: { select: { citations: true } },
} as const satisfies Prisma.StatusChangeSelect;

export type TDeskEntry = Prisma.StatusChangeGetPayload<{ select: typeof DESK_ENTRY_SELECT }>;

/** The analyst's home: their drafts, others' drafts for those who may edit them, and the latest published entries. */
export async function listDeskEntries(actor: TActor, { limit = 20 } = {}) {
  assertSignedInCan(actor, "draft:read");
  const database = getDatabase();
  const myDrafts = await database.statusChange.findMany({
    where: { state: "DRAFT", authorId: actor.id },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: DESK_ENTRY_SELECT,
  });
  const othersDrafts = can(actor, "status-change:edit-others-draft")
    ? await database.statusChange.findMany({
        where: { state: "DRAFT", NOT: { authorId: actor.id } },
        orderBy: { updatedAt: "desc" },
        take: limit,
        select: DESK_ENTRY_SELECT,
      })
    : [];
  const recent = await database.statusChange.findMany({
    where: { state: { in: ["PUBLISHED", "RETRACTED"] } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: DESK_ENTRY_SELECT,
  });
  return { myDrafts, othersDrafts, recent };
}
