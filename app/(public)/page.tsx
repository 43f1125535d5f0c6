import Link from "next/link";
import { connection } from "next/server";
import { StatusBadge } from "@/components/status-badge";
import { formatInstant, formatIsoDate, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { DIRECTION_LABELS } from "@/lib/domain/statuses";
import { listLatestDevelopments } from "@/lib/server/developments/list-latest-developments";
import { countByStatus } from "@/lib/server/overview/count-by-status";
import { listPendingDeadlines } from "@/lib/server/overview/list-pending-deadlines";
import { getCurrentActor } from "@/lib/server/session";

export default async function HomePage() {
  await connection();
  const actor = await getCurrentActor();
  const [developments, deadlines, counts] = await Promise.all([
    listLatestDevelopments(actor),
    listPendingDeadlines(actor),
    countByStatus(actor),
  ]);

  return (
    <div className="grid gap-10 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="latest-heading">
        <h1 id="latest-heading" className="mb-4 font-serif text-3xl font-bold">
          Latest developments
        </h1>
        {developments.length === 0 ? (
          <p>No developments have been published yet.</p>
        ) : (
          <ol className="divide-y divide-rule">
            {developments.map((development) => {
              const subject = development.agreement
                ? { href: `/agreements/${development.agreement.slug}`, name: development.agreement.shortName ?? development.agreement.title }
                : { href: `/measures/${development.measure?.slug}`, name: development.measure?.title ?? "" };
              return (
                <li key={development.id} className="py-3">
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <time dateTime={toLocalIsoDate(development.occurredAt, development.timeZone)}>
                      {formatOccurred(development.occurredAt, development.occurredPrecision, development.timeZone)}
                    </time>
                    <StatusBadge status={development.status} />
                    <span>{DIRECTION_LABELS[development.direction]}</span>
                    {development.effectiveAt && development.schedule === "pending" && (
                      <span>scheduled for {formatInstant(development.effectiveAt, development.timeZone)}</span>
                    )}
                    {development.effectiveAt && development.schedule === "took-effect" && (
                      <span>took effect {formatInstant(development.effectiveAt, development.timeZone)}</span>
                    )}
                    {development.schedule === "cancelled" && <span className="font-semibold">did not take effect</span>}
                  </p>
                  <p className="mt-1 font-semibold">
                    {development.agreement ? (
                      <Link href={`${subject.href}#entry-${development.id}`}>{development.headline}</Link>
                    ) : (
                      development.headline
                    )}
                  </p>
                  <p className="text-sm text-muted">
                    {subject.name} · {development._count.citations} {development._count.citations === 1 ? "source" : "sources"}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <aside className="space-y-8">
        <section aria-labelledby="deadlines-heading">
          <h2 id="deadlines-heading" className="mb-3 font-serif text-xl font-bold">
            Pending deadlines
          </h2>
          {deadlines.length === 0 ? (
            <p className="text-sm">No pending deadlines.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {deadlines.map((deadline) => (
                <li key={`${deadline.kind}-${deadline.subject.href}-${deadline.at.toISOString()}`}>
                  <Link href={deadline.subject.href} className="font-semibold">
                    {deadline.subject.name}
                  </Link>
                  {deadline.kind === "notice-deadline" ? (
                    <p>
                      Last day to give notice of termination:{" "}
                      <time dateTime={deadline.lastDayToGiveNotice}>{formatIsoDate(deadline.lastDayToGiveNotice)}</time>
                      {" "}(the term ends {formatInstant(deadline.termEndsAt, deadline.timeZone)}; otherwise it renews).
                    </p>
                  ) : (
                    <p>
                      {deadline.headline}: <StatusBadge status={deadline.status as never} /> from{" "}
                      <time dateTime={deadline.at.toISOString()}>{formatInstant(deadline.at, deadline.timeZone)}</time>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading" className="mb-3 font-serif text-xl font-bold">
            Current status
          </h2>
          {(["agreements", "measures"] as const).map((group) => (
            <div key={group} className="mb-4">
              <h3 className="text-sm font-semibold">{group === "agreements" ? "Agreements" : "Trade measures"}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {counts[group].map(({ status, count }) => (
                  <li key={status ?? "none"} className="flex items-center justify-between gap-2">
                    <StatusBadge status={status} /> <span>{count}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </aside>
    </div>
  );
}
