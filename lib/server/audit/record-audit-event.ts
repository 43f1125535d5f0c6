import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { TActor } from "../permissions";
import { noteWriteBy } from "../read-database";

type TAuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// Dates, BigInts and Prisma decimals become JSON the way a reader of the log expects.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner))) as Prisma.InputJsonValue;
}

/** Appends an audit event inside the caller's transaction (CONVENTIONS §14). */
export async function recordAuditEvent(tx: Prisma.TransactionClient, actor: TActor, event: TAuditEvent): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJson(event.before),
      after: toJson(event.after),
    },
  });
  // The audit log is the read-your-writes marker (lib/server/read-database.ts).
  noteWriteBy(actor);
}
