import Link from "next/link";
import { formatInstant } from "@/lib/domain/dates";
import type { TAuditEventRow } from "@/lib/server/audit/list-audit-events";

/** Where the admin pages show an entity of the log, when they do. */
export function adminHrefFor(entityType: string, entityId: string): string | null {
  if (entityType === "Source") return `/admin/sources/${entityId}`;
  if (entityType === "User") return `/admin/users/${entityId}`;
  if (entityType === "StatusChange") return `/desk/entries/${entityId}`;
  if (entityType === "DeskSetting") return "/admin/settings";
  return null;
}

// The log stores model names; people read these.
const ENTITY_KINDS: Record<string, string> = { StatusChange: "entry", Source: "source", User: "account", Agreement: "agreement", TradeMeasure: "measure", Party: "party", ApiToken: "API token", ReviewRequest: "submission for review", DeskSetting: "desk settings" };

/** One line of the log: when, who, what, on which entity. */
export function AuditEventSummary({ event }: { event: TAuditEventRow }) {
  const href = adminHrefFor(event.entityType, event.entityId);
  return (
    <>
      <time dateTime={event.at.toISOString()} className="text-muted">
        {formatInstant(event.at, "UTC")}
      </time>{" "}
      · {event.actor ? event.actor.name : "system"} · <code>{event.action}</code> ·{" "}
      {ENTITY_KINDS[event.entityType] ?? event.entityType}
      {event.entityName ? (
        <>
          {" "}
          {href ? <Link href={href}>“{event.entityName}”</Link> : <>“{event.entityName}”</>}
        </>
      ) : (
        href && (
          <>
            {" "}
            <Link href={href}>(open)</Link>
          </>
        )
      )}{" "}
      <Link href={`/admin/audit?entityType=${encodeURIComponent(event.entityType)}&entityId=${encodeURIComponent(event.entityId)}`} className="text-xs">
        (its history)
      </Link>
    </>
  );
}
