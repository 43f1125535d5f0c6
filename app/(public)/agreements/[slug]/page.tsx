import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryEntry, type THistoryMark } from "@/components/history-entry";
import { StatusBadge } from "@/components/status-badge";
import { formatInstant, formatIsoDate, formatOccurred } from "@/lib/domain/dates";
import { getAgreement, type TAgreementPage } from "@/lib/server/agreements/get-agreement";
import { AppError } from "@/lib/server/errors";
import { getCurrentActor } from "@/lib/server/session";

type TProps = { params: Promise<{ slug: string }> };

async function load(slug: string): Promise<TAgreementPage> {
  await connection();
  try {
    return await getAgreement(await getCurrentActor(), slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const agreement = await load((await params).slug);
  const name = agreement.shortName ? `${agreement.shortName}: ${agreement.title}` : agreement.title;
  return { title: name, description: agreement.summary.slice(0, 200) || `Status and sourced history of ${name}.` };
}

function markFor(agreement: TAgreementPage, entryId: string): THistoryMark {
  const { current, pending, cancelled } = agreement.status;
  if (current?.changeId === entryId) return { kind: "current" };
  if (pending.some((entry) => entry.changeId === entryId)) return { kind: "pending" };
  const cancellation = cancelled.find((entry) => entry.changeId === entryId);
  if (!cancellation) return null;
  const by = agreement.history.find((entry) => entry.id === cancellation.cancelledById);
  return { kind: "cancelled", by: by ? { id: by.id, headline: by.headline } : null };
}

export default async function AgreementPage({ params }: TProps) {
  const agreement = await load((await params).slug);
  const { current, pending } = agreement.status;
  const historyById = new Map(agreement.history.map((entry) => [entry.id, entry]));

  return (
    <div>
      <p className="text-sm text-muted">
        <Link href="/agreements">Agreements</Link> / {agreement.shortName ?? agreement.title}
      </p>
      <h1 id="agreement-title" className="mt-1 font-serif text-3xl font-bold">
        {agreement.shortName && <span className="block">{agreement.shortName}</span>}
        <span className={agreement.shortName ? "block text-xl font-normal" : ""}>{agreement.title}</span>
      </h1>

      <section aria-labelledby="status-heading" className="mt-6 rounded border border-rule bg-white p-4">
        <h2 id="status-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
          Current status
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={current?.status ?? null} size="lg" />
          {current && (
            <span>
              since{" "}
              {historyById.get(current.changeId)?.effectiveAt
                ? formatInstant(current.since, agreement.timeZone)
                : formatOccurred(current.since, historyById.get(current.changeId)?.occurredPrecision ?? "DAY", agreement.timeZone)}
            </span>
          )}
        </div>
        {pending.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm" aria-label="Pending changes">
            {pending.map((entry) => (
              <li key={entry.changeId}>
                Pending: <StatusBadge status={entry.status} /> from {formatInstant(entry.effectiveAt, agreement.timeZone)} (
                <a href={`#entry-${entry.changeId}`}>{historyById.get(entry.changeId)?.headline}</a>)
              </li>
            ))}
          </ul>
        )}
        {agreement.noticeDeadline && (
          <p className="mt-3 text-sm">
            Next notice deadline: notice of termination must be given by{" "}
            <strong>{formatIsoDate(agreement.noticeDeadline.lastDayToGiveNotice)}</strong>, or the agreement renews when its term
            ends at {formatInstant(agreement.noticeDeadline.termEndsAt, agreement.timeZone)}.
          </p>
        )}
      </section>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading" className="font-serif text-xl font-bold">
            Parties
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {agreement.parties.map((party) => (
              <li key={party.code}>
                {party.name} <span className="text-muted">({party.code})</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="font-serif text-xl font-bold">
            Terms
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Signed</dt>
            <dd>{agreement.signedOn ? formatIsoDate(agreement.signedOn.toISOString().slice(0, 10)) : "not recorded"}</dd>
            <dt className="font-semibold">In force</dt>
            <dd>{agreement.inForceOn ? formatIsoDate(agreement.inForceOn.toISOString().slice(0, 10)) : "not recorded"}</dd>
            <dt className="font-semibold">Term</dt>
            <dd>
              {agreement.termMonths ? `${agreement.termMonths} months` : "open-ended"}
              {agreement.autoRenews && ", renews automatically"}
              {agreement.noticeDays !== null && `, ${agreement.noticeDays} days' notice to terminate`}
            </dd>
          </dl>
        </section>
      </div>

      {agreement.summary && <p className="mt-6 max-w-prose leading-relaxed">{agreement.summary}</p>}

      {agreement.relatedMeasures.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-6">
          <h2 id="related-heading" className="font-serif text-xl font-bold">
            Related trade measures
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {agreement.relatedMeasures.map((measure) => (
              <li key={measure.slug}>
                {measure.title} <span className="text-muted">({measure.type.toLowerCase().replaceAll("_", " ")})</span>
                {measure.note && <span className="block text-sm text-muted">{measure.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="font-serif text-2xl font-bold">
          History
        </h2>
        <p className="text-sm text-muted">Newest first, by when each change takes effect. Every entry cites its sources.</p>
        {agreement.history.length === 0 ? (
          <p className="mt-4">No developments have been published yet.</p>
        ) : (
          agreement.history.map((entry) => <HistoryEntry key={entry.id} entry={entry} mark={markFor(agreement, entry.id)} />)
        )}
      </section>
    </div>
  );
}
