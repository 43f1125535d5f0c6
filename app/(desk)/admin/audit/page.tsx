import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ZAuditFilters } from "@/lib/schemas/audit";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { listUsers } from "@/lib/server/users/list-users";
import { AuditEventSummary } from "../_components/audit-event-summary";
import { BeforeAfter } from "./before-after";

export const metadata: Metadata = { title: "Audit log" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_NAMES = ["actor", "entityType", "entityId", "action", "from", "to"] as const;
const ENTITY_TYPES = ["Source", "User", "StatusChange", "Agreement", "TradeMeasure", "Party", "Link", "ApiToken"];
const ACTIONS = [
  "source:", "source:create", "source:edit", "source:grade", "source:merge", "source:merge-undo", "source:retire", "source:restore",
  "user:", "user:create", "user:role-change", "user:disable", "user:enable", "user:password-reset", "user:edit", "user:sign-in",
  "status-change:",
];

export default async function AuditLogPage({ searchParams }: TProps) {
  await connection();
  const actor = await requireSignedIn("/admin/audit", "audit:read");
  const params = await searchParams;
  const raw = Object.fromEntries(FILTER_NAMES.map((name) => [name, String([params[name]].flat()[0] ?? "")])) as Record<(typeof FILTER_NAMES)[number], string>;
  const before = String([params.before].flat()[0] ?? "");
  const filters = ZAuditFilters.parse({ ...raw, before });
  const [{ events, nextCursor }, { users }] = await Promise.all([listAuditEvents(actor, filters), listUsers(actor)]);
  const query = new URLSearchParams(Object.entries(raw).filter(([, value]) => value !== ""));
  const olderHref = nextCursor ? `/admin/audit?${new URLSearchParams([...query, ["before", nextCursor]])}` : null;

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Audit log</h1>
      <p className="max-w-prose text-muted">
        Every change to sources, accounts and the record, newest first, with what the entity was before and after. The log is append-only. Times are UTC.
      </p>
      <form role="search" aria-label="Filter the audit log" method="get" action="/admin/audit" className="grid gap-3 rounded border border-rule bg-white p-4 sm:grid-cols-3">
        <Select id="audit-actor" name="actor" label="Who" defaultValue={raw.actor}>
          <option value="">Anyone</option>
          <option value="system">The system (command line, imports)</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </Select>
        <Input id="audit-action" name="action" label="Action" defaultValue={raw.action} list="audit-actions" hint="Exact, or a family such as source:" />
        <datalist id="audit-actions">
          {ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <Input id="audit-entity-type" name="entityType" label="Entity type" defaultValue={raw.entityType} list="audit-entity-types" />
        <datalist id="audit-entity-types">
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <Input id="audit-entity-id" name="entityId" label="Entity id" defaultValue={raw.entityId} />
        <Input id="audit-from" name="from" label="From (UTC)" type="date" defaultValue={raw.from} hint="From the start of this day" />
        <Input id="audit-to" name="to" label="To (UTC)" type="date" defaultValue={raw.to} hint="To the end of this day" />
        <div className="flex flex-wrap items-end gap-3 sm:col-span-3">
          <Button type="submit">Filter</Button>
          <Link href="/admin/audit">Clear filters</Link>
          <a href={`/admin/audit/export?${query}`} download>
            Export these events as CSV
          </a>
        </div>
      </form>

      {events.length === 0 ? (
        <p>No events match these filters.</p>
      ) : (
        <ol className="space-y-4" aria-label="Audit events">
          {events.map((event) => (
            <li key={event.id} className="rounded border border-rule bg-white p-3">
              <article aria-label={`${event.action} on ${event.entityType}`}>
                <p className="text-sm">
                  <AuditEventSummary event={event} /> <span className="break-all text-xs text-muted">{event.entityId}</span>
                </p>
                <div className="mt-2">
                  <BeforeAfter before={event.before} after={event.after} caption={`Before and after of ${event.action}`} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      {olderHref && (
        <p>
          <Link href={olderHref} rel="next">
            Older events
          </Link>
        </p>
      )}
    </div>
  );
}
