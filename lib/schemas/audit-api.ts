import { z } from "zod";
import { text } from "./text";
import { ZApiInstant, ZApiList } from "./api-list";
import { ZAuditFilters } from "./audit";
import { pageLimit, ZCursor } from "./reader-queries";

// The audit log over the API (issue 11): the page's filters (actor, entity, action or action
// family, time range), a keyset cursor and a capped page size; and one event as JSON.

/** GET /api/v1/audit-events and /api/v1/audit-events.csv: the audit page's own filters. */
export const ZAuditEventQuery = ZAuditFilters.omit({ before: true }).extend({ cursor: ZCursor, limit: pageLimit(50) });

export const ZAuditEvent = z.object({
  /** A bigint, as a string. */
  id: text().regex(/^\d+$/),
  at: ZApiInstant,
  action: text(),
  entityType: text(),
  entityId: text(),
  /** What the entity's row was before and after, as the use case recorded it (null when there was none). */
  // Any JSON value: z.json() is recursive, and a recursive schema would need $defs the OpenAPI
  // document cannot resolve inside an operation; the rows are whatever the use case recorded.
  before: z.unknown().describe("The entity's row before, as JSON (null when there was none)"),
  after: z.unknown().describe("The entity's row after, as JSON (null when there was none)"),
  /** Null for the command line and the system. */
  actor: z.object({ id: z.uuid(), name: text(), email: text() }).nullable(),
  /** What a person calls the entity (an entry's headline, a source's title), when it still exists. */
  entityName: text().nullable(),
});
export const ZAuditEventListResponse = ZApiList(ZAuditEvent);

/** The CSV export's body: a header row, then one row per event, newest first. */
export const ZAuditCsv = text().describe("text/csv: id, at, actor_email, actor_name, action, entity_type, entity_id, before, after");
