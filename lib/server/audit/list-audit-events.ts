import "server-only";
import { escapeLike } from "../like-pattern";
import type { Prisma } from "../../generated/prisma/client";
import type { TAuditFilters } from "../../schemas/audit";
import { isInstantInRange } from "../../schemas/instant";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

const PAGE_SIZE = 50;
const MAX_BIGINT = 2n ** 63n - 1n;

type TCursor = { at: Date; id: bigint };

/** The page's cursor ("<instant>_<id>"), or null when the text is not one. */
export function decodeAuditCursor(text: string): TCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,19})$/.exec(text);
  if (!match) return null;
  const at = new Date(match[1]!);
  const id = BigInt(match[2]!);
  // A forged cursor past the bigint column's range would be a database error: it is no cursor.
  if (Number.isNaN(at.getTime()) || !isInstantInRange(at) || id > MAX_BIGINT) return null;
  return { at, id };
}

function encodeCursor(event: { at: Date; id: bigint }): string {
  return `${event.at.toISOString()}_${event.id}`;
}

/** The filters as a Prisma condition (shared by the page and the CSV export). */
export function auditEventWhere(filters: Omit<TAuditFilters, "before">, cursor: TCursor | null = null): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor === "system") and.push({ actorId: null });
  else if (filters.actor) and.push({ actorId: filters.actor });
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.entityId) and.push({ entityId: filters.entityId });
  if (filters.action.endsWith(":")) and.push({ action: { startsWith: escapeLike(filters.action) } });
  else if (filters.action) and.push({ action: filters.action });
  if (filters.from) and.push({ at: { gte: filters.from } });
  if (filters.to) and.push({ at: { lt: filters.to } });
  if (cursor) and.push({ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] });
  return { AND: and };
}

export const AUDIT_EVENT_ORDER = [{ at: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];

export const AUDIT_EVENT_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditEventSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a person calls each entity of the page (an entry's headline, a source's title), two indexed look-ups at most. */
async function entityNames(events: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(events.filter((event) => event.entityType === type && UUID.test(event.entityId)).map((event) => event.entityId))];
  const changeIds = idsOf("StatusChange");
  const sourceIds = idsOf("Source");
  const database = getDatabase();
  const [changes, sources] = await Promise.all([
    changeIds.length ? database.statusChange.findMany({ where: { id: { in: changeIds } }, select: { id: true, headline: true } }) : [],
    sourceIds.length ? database.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, title: true } }) : [],
  ]);
  return new Map([
    ...changes.map((change) => [`StatusChange:${change.id}`, change.headline] as const),
    ...sources.map((source) => [`Source:${source.id}`, source.title] as const),
  ]);
}

/** Audit events, newest first, filtered by actor, entity, action and time, a page at a time (keyset). */
export async function listAuditEvents(actor: TActor, filters: TAuditFilters, { pageSize = PAGE_SIZE } = {}) {
  assertSignedInCan(actor, "audit:read");
  const rows = await getDatabase().auditEvent.findMany({
    where: auditEventWhere(filters, decodeAuditCursor(filters.before)),
    orderBy: AUDIT_EVENT_ORDER,
    take: pageSize + 1,
    select: AUDIT_EVENT_SELECT,
  });
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const names = await entityNames(page);
  return {
    // Ids are bigints: strings travel to client components and URLs safely.
    events: page.map((event) => ({ ...event, id: event.id.toString(), entityName: names.get(`${event.entityType}:${event.entityId}`) ?? null })),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null,
  };
}

export type TAuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];
