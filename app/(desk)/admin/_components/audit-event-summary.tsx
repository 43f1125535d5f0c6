import Link from "next/link";
import { formatInstant } from "@/lib/domain/dates";
import type { TAuditEventRow } from "@/lib/server/audit/list-audit-events";

/** Where the admin pages show an entity of the log, when they do. */
export function adminHrefFor(entityType: string, entityId: string): string | null {
  if (entityType === "Source") return `/admin/sources/${entityId}`;
  if (entityType === "User") return `/admin/users/${entityId}`;
  return null;
}

/** One line of the log: when, who, what, on which entity. */
export function AuditEventSummary({ event }: { event: TAuditEventRow }) {
  const href = adminHrefFor(event.entityType, event.entityId);
  return (
    <>
      <time dateTime={event.at.toISOString()} className="text-muted">
        {formatInstant(event.at, "UTC")}
      </time>{" "}
      · {event.actor ? event.actor.name : "system"} · <code>{event.action}</code> ·{" "}
      {href ? <Link href={href}>{event.entityType}</Link> : event.entityType}{" "}
      <Link href={`/admin/audit?entityType=${encodeURIComponent(event.entityType)}&entityId=${encodeURIComponent(event.entityId)}`} className="text-xs">
        (its history)
      </Link>
    </>
  );
}
