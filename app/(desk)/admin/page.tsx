import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { ZAuditFilters } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { countUngradedSources } from "@/lib/server/sources/count-ungraded-sources";
import { listDuplicateCandidates } from "@/lib/server/sources/list-duplicate-candidates";
import { AuditEventSummary } from "./_components/audit-event-summary";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  await connection();
  const actor = await requireSignedIn("/admin", "audit:read");
  const [ungraded, duplicates, recent] = await Promise.all([
    countUngradedSources(actor),
    listDuplicateCandidates(actor, { limit: 5 }),
    listAuditEvents(actor, ZAuditFilters.parse({}), { pageSize: 10 }),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="font-serif text-3xl font-bold">Admin</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="ungraded-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="ungraded-heading" className="font-serif text-xl font-bold">
            Sources to grade
          </h2>
          <p className="mt-1">
            <span className="text-3xl font-bold">{ungraded.total}</span> source{ungraded.total === 1 ? "" : "s"} not graded yet, {ungraded.cited} of them
            cited.
          </p>
          <p className="mt-2">
            <Link href="/admin/sources?grade=ungraded&cited=cited">Grade the cited ones first</Link> ·{" "}
            <Link href="/admin/sources?grade=ungraded">all ungraded</Link>
          </p>
        </section>
        <section aria-labelledby="duplicates-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="duplicates-heading" className="font-serif text-xl font-bold">
            Proposed duplicates
          </h2>
          <p className="mt-1">
            <span className="text-3xl font-bold">{duplicates.total}</span> group{duplicates.total === 1 ? "" : "s"} of sources that look like one article.
          </p>
          {duplicates.proposals.length > 0 && (
            <ul className="mt-2 list-disc pl-6 text-sm">
              {duplicates.proposals.map((proposal) => (
                <li key={proposal.key}>
                  {proposal.target.title} ({proposal.duplicates.length + 1} sources)
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2">
            <Link href="/admin/sources/duplicates">Review duplicates</Link>
          </p>
        </section>
      </div>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="font-serif text-2xl font-bold">
          Recent activity
        </h2>
        {recent.events.length === 0 ? (
          <p className="mt-2 text-muted">Nothing recorded yet.</p>
        ) : (
          <ol className="mt-2 space-y-1 text-sm">
            {recent.events.map((event) => (
              <li key={event.id}>
                <AuditEventSummary event={event} />
              </li>
            ))}
          </ol>
        )}
        <p className="mt-2">
          <Link href="/admin/audit">The full audit log</Link> · <Link href="/admin/users">Users and roles</Link>
        </p>
      </section>
    </div>
  );
}
