import "server-only";
import type { TAuditFilters } from "../../schemas/audit";
import { csvRows } from "../csv/csv-cells";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { AUDIT_EVENT_ORDER, AUDIT_EVENT_SELECT, auditEventWhere } from "./list-audit-events";

const BATCH = 1000;
const COLUMNS = ["id", "at", "actor_email", "actor_name", "action", "entity_type", "entity_id", "before", "after"];

/**
 * The filtered audit log as CSV, newest first, streamed a thousand events at a time so an export
 * of the whole log never sits in memory. Permission is checked before the first byte.
 */
export function exportAuditEventsCsv(actor: TActor, filters: Omit<TAuditFilters, "before">): ReadableStream<Uint8Array> {
  assertSignedInCan(actor, "audit:read");
  const encoder = new TextEncoder();
  const database = getDatabase();
  let cursor: { at: Date; id: bigint } | null = null;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(csvRows([COLUMNS])));
        return;
      }
      const rows = await database.auditEvent.findMany({ where: auditEventWhere(filters, cursor), orderBy: AUDIT_EVENT_ORDER, take: BATCH, select: AUDIT_EVENT_SELECT });
      if (rows.length > 0) {
        const records = rows.map((event) =>
          [
            event.id.toString(),
            event.at.toISOString(),
            event.actor?.email ?? "system",
            event.actor?.name ?? "",
            event.action,
            event.entityType,
            event.entityId,
            event.before === null ? "" : JSON.stringify(event.before),
            event.after === null ? "" : JSON.stringify(event.after),
          ],
        );
        // csvRows guards formula-like cells (lib/server/csv/csv-cells.ts).
        controller.enqueue(encoder.encode(csvRows(records)));
        const last = rows[rows.length - 1]!;
        cursor = { at: last.at, id: last.id };
      }
      if (rows.length < BATCH) controller.close();
    },
  });
}
