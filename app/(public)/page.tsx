import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DevelopmentSummary } from "@/components/development-summary";
import { StatusBadge } from "@/components/status-badge";
import { SubscribeLinks } from "@/components/subscribe-links";
import { formatInstant, formatIsoDate } from "@/lib/domain/dates";
import { listLatestDevelopments } from "@/lib/server/developments/list-latest-developments";
import { countByStatus } from "@/lib/server/overview/count-by-status";
import { listPendingDeadlines } from "@/lib/server/overview/list-pending-deadlines";
import { getCurrentActor } from "@/lib/server/session";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { readPageAsOf } from "./_shared/as-of-param";

/** Deadlines shown on the home page: those within this many days, the soonest first, at most DEADLINES_SHOWN. */
const DEADLINE_HORIZON_DAYS = 90;
const DEADLINES_SHOWN = 15;

export const metadata: Metadata = {
  title: { absolute: "Pactwatch: agreements and trade measures between states" },
  description: "The latest sourced developments in agreements and trade measures between states, the deadlines ahead, and where every tracked pact stands.",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/developments.atom", title: "Pactwatch: all developments" }] } },
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: TProps) {
  await connection();
  const actor = await getCurrentActor();
  const { asOf, invalid } = readPageAsOf(await searchParams);
  const now = asOf?.instant ?? new Date();
  const keep = (href: string) => keepAsOf(href, asOf);
  const [developments, allDeadlines, counts] = await Promise.all([
    listLatestDevelopments(actor, { now, asOf }),
    listPendingDeadlines(actor, { now, asOf }),
    countByStatus(actor, now, asOf),
  ]);
  const horizon = now.getTime() + DEADLINE_HORIZON_DAYS * 86_400_000;
  const deadlines = allDeadlines.filter((deadline) => deadline.at.getTime() <= horizon);
  const nextLater = deadlines.length === 0 ? allDeadlines[0] : undefined;

  return (
    <div className={`${UNDERLINED_LINKS} grid gap-10 md:grid-cols-[2fr_1fr]`}>
      <section aria-labelledby="latest-heading">
        <h1 id="latest-heading" className="mb-2 font-serif text-3xl font-bold">
          Latest developments
        </h1>
        <AsOfBanner asOf={asOf} timeZone="UTC" presentHref="/" invalid={invalid} />
        <SubscribeLinks feed={keep("/feeds/developments.atom")} feedLabel="Follow all developments (Atom feed)" />
        {developments.length === 0 ? (
          <p className="mt-4">No developments have been published yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-rule">
            {developments.map((development) => (
              <DevelopmentSummary key={development.id} development={development} asOf={asOf} />
            ))}
          </ol>
        )}
        <p className="mt-3 text-sm">
          <Link href={keep("/developments")}>All developments, with filters and exports →</Link>
        </p>
      </section>

      <aside aria-label="Deadlines and current statuses" className="space-y-8">
        <section aria-labelledby="deadlines-heading">
          <h2 id="deadlines-heading" className="mb-3 font-serif text-xl font-bold">
            Deadlines in the next {DEADLINE_HORIZON_DAYS} days
          </h2>
          {deadlines.length === 0 ? (
            <p className="text-sm">
              No deadlines fall in the next {DEADLINE_HORIZON_DAYS} days.
              {nextLater && (
                <>
                  {" "}
                  The next: <Link href={keep(nextLater.subject.href)}>{nextLater.subject.name}</Link>,{" "}
                  {nextLater.kind === "notice-deadline" ? (
                    <>
                      last day to give notice of termination{" "}
                      <time dateTime={nextLater.lastDayToGiveNotice}>{formatIsoDate(nextLater.lastDayToGiveNotice)}</time>.
                    </>
                  ) : (
                    <>
                      {nextLater.headline}, from <time dateTime={nextLater.at.toISOString()}>{formatInstant(nextLater.at, nextLater.timeZone)}</time>.
                    </>
                  )}
                </>
              )}
            </p>
          ) : (
            <ul className="space-y-3 text-sm">
              {deadlines.slice(0, DEADLINES_SHOWN).map((deadline) => (
                <li key={`${deadline.kind}-${deadline.subject.href}-${deadline.at.toISOString()}`}>
                  <Link href={keep(deadline.subject.href)} className="font-semibold">
                    {deadline.subject.name}
                  </Link>
                  {deadline.kind === "notice-deadline" ? (
                    <p>
                      Last day to give notice of termination: <time dateTime={deadline.lastDayToGiveNotice}>{formatIsoDate(deadline.lastDayToGiveNotice)}</time> (the
                      term ends {formatInstant(deadline.termEndsAt, deadline.timeZone)}; otherwise it renews).
                    </p>
                  ) : (
                    <p>
                      {deadline.headline}: <StatusBadge status={deadline.status} /> from{" "}
                      <time dateTime={deadline.at.toISOString()}>{formatInstant(deadline.at, deadline.timeZone)}</time>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          {deadlines.length > DEADLINES_SHOWN && (
            <p className="mt-2 text-sm text-muted">
              {deadlines.length - DEADLINES_SHOWN} more deadlines fall in the next {DEADLINE_HORIZON_DAYS} days; each agreement and measure page lists its own.
            </p>
          )}
        </section>

        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading" className="mb-3 font-serif text-xl font-bold">
            Where things stand
          </h2>
          {(["agreements", "measures"] as const).map((group) => (
            <div key={group} className="mb-4">
              <h3 className="text-sm font-semibold">
                <Link href={keep(group === "agreements" ? "/agreements" : "/measures")}>{group === "agreements" ? "Agreements" : "Trade measures"}</Link>
              </h3>
              <ul className="mt-1 space-y-1 text-sm">
                {counts[group].map(({ status, count }) => (
                  <li key={status ?? "none"} className="flex items-center justify-between gap-2">
                    {status ? (
                      <Link href={keep(`/${group}?status=${status}`)}>
                        <StatusBadge status={status} />
                      </Link>
                    ) : (
                      <StatusBadge status={null} />
                    )}
                    <span>{count}</span>
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
