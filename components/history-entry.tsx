import Link from "next/link";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";
import type { StatusDerivation } from "@/lib/domain/status-derivation";
import type { THistoryEntry } from "@/lib/server/history-select";
import { formatInstant, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { DIRECTION_LABELS } from "@/lib/domain/statuses";
import { CitationList } from "./citation-list";
import { Markdown } from "./markdown";
import { StatusBadge } from "./status-badge";

const timesText = (count: number) => (count === 1 ? "once" : `${count} times`);

const DIRECTION_MARK = { ESCALATION: "▲", DE_ESCALATION: "▼", NEUTRAL: "○" } as const;

export type THistoryMark =
  | { kind: "pending" }
  | { kind: "cancelled"; by: { id: string; headline: string } | null }
  | { kind: "current" }
  | null;

/**
 * The mark of an entry: from the subject's derivation on a single subject's page (and the desk's
 * preview), else from the schedule its SQL row carries (lists across subjects).
 */
export function historyMarkFor(
  entry: { id: string; schedule?: "pending" | "cancelled" | "took-effect" | null },
  derivation?: StatusDerivation,
  headlines?: Map<string, string>,
): THistoryMark {
  if (derivation) {
    if (derivation.current?.changeId === entry.id) return { kind: "current" };
    if (derivation.pending.some((pending) => pending.changeId === entry.id)) return { kind: "pending" };
    const cancellation = derivation.cancelled.find((cancelled) => cancelled.changeId === entry.id);
    if (cancellation) {
      const headline = headlines?.get(cancellation.cancelledById);
      return { kind: "cancelled", by: headline ? { id: cancellation.cancelledById, headline } : null };
    }
    return null;
  }
  if (entry.schedule === "pending") return { kind: "pending" };
  if (entry.schedule === "cancelled") return { kind: "cancelled", by: null };
  return null;
}

type TProps = {
  entry: THistoryEntry & { revisions?: { count: number; last: Date | null; corrections?: number }; corroboration?: { level: string; summary: string; judgment: { level: string; reason: string } | null } };
  mark: THistoryMark;
  /**
   * The order of the history the entry stands in. By effective time (the default), an entry with
   * a stated effective time leads with that time, so the dates down a history follow its order;
   * when it occurred follows the headline.
   */
  order?: "effective" | "occurred";
  /** Shown in merged histories (relations, parties, all developments): which agreement or measure. */
  subject?: { name: string; href: string };
  /** Where "cancelled by …" points: an anchor on this page, or the development's own page. */
  linkTo?: "anchor" | "page";
  headingLevel?: 2 | 3;
  /** The asOf the page is read at: its links keep it (decision 029). */
  asOf?: TAsOfParams;
};

/** One development in a history, with its citations and its marks (current, pending, cancelled, revised, retracted). */
export function HistoryEntry({ entry, mark, subject, linkTo = "anchor", headingLevel = 3, order = "effective", asOf }: TProps) {
  const isRetracted = entry.state === "RETRACTED";
  const effect = mark?.kind === "pending" ? "Scheduled to take effect" : mark?.kind === "cancelled" ? "Was to take effect" : "Took effect";
  const leadsWithEffect = order === "effective" && entry.effectiveAt !== null;
  const occurred = (
    <time dateTime={toLocalIsoDate(entry.occurredAt, entry.timeZone)} className={leadsWithEffect ? undefined : "font-semibold text-ink"}>
      {formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}
    </time>
  );
  const effective = entry.effectiveAt && <time dateTime={entry.effectiveAt.toISOString()}>{formatInstant(entry.effectiveAt, entry.timeZone)}</time>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const hrefOf = (id: string) => (linkTo === "anchor" ? `#entry-${id}` : keepAsOf(`/developments/${id}`, asOf));
  return (
    <article id={`entry-${entry.id}`} aria-labelledby={`entry-${entry.id}-headline`} className="border-b border-rule py-5">
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        {leadsWithEffect ? (
          <span className="font-semibold text-ink">
            {effect} {effective}
          </span>
        ) : (
          occurred
        )}
        <StatusBadge status={entry.status} />
        <span>
          <span aria-hidden="true">{DIRECTION_MARK[entry.direction]}</span> {DIRECTION_LABELS[entry.direction]}
        </span>
        {mark?.kind === "current" && <span className="rounded bg-green-100 px-1 text-green-900">current status</span>}
        {subject && (
          <Link href={keepAsOf(subject.href, asOf)} className="font-semibold">
            {subject.name}
          </Link>
        )}
      </p>
      <Heading id={`entry-${entry.id}-headline`} className={`mt-1 text-lg font-semibold ${isRetracted ? "line-through" : ""}`}>
        <Link href={keepAsOf(`/developments/${entry.id}`, asOf)} className="text-ink">
          {entry.headline}
        </Link>
      </Heading>
      {entry.effectiveAt && (
        <p className="text-sm">{leadsWithEffect ? <>Occurred {occurred}</> : <>{effect} {effective}</>}</p>
      )}
      {mark?.kind === "cancelled" && (
        <p className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900">
          Did not take effect: cancelled
          {mark.by && (
            <>
              {" by "}
              <a href={hrefOf(mark.by.id)}>{mark.by.headline}</a>
            </>
          )}
          .
        </p>
      )}
      {isRetracted && (
        <p role="note" className="mt-1 rounded bg-red-50 p-2 text-sm text-red-900">
          Retracted
          {entry.retractedAt && <> on {formatOccurred(entry.retractedAt, "DAY", "UTC")}</>}
          {entry.retractedBy && <> by {entry.retractedBy.name}</>}
          {entry.retractionReason && <> because {entry.retractionReason}</>}. It no longer counts for the current status.
        </p>
      )}
      {entry.revisions && entry.revisions.count > 0 && (
        <p className="mt-1 text-sm text-muted">
          {entry.revisions.corrections ? (
            <>
              <span className="font-semibold text-ink">Corrected {timesText(entry.revisions.corrections)}</span>;{" "}
            </>
          ) : null}
          Revised {timesText(entry.revisions.count)} since publication
          {entry.revisions.last && <>, last on {formatOccurred(entry.revisions.last, "DAY", "UTC")}</>}; every version is kept:{" "}
          <Link href={keepAsOf(`/developments/${entry.id}/revisions`, asOf)} className="underline">
            see what changed and why
          </Link>
          .
        </p>
      )}
      {entry.body && (
        <div className="mt-2">
          <Markdown>{entry.body}</Markdown>
        </div>
      )}
      <div className="mt-3">
        {entry.corroboration && (
          <p className="mb-1 text-sm">
            <strong>Corroboration:</strong> {entry.corroboration.summary}
            {entry.corroboration.judgment && <> An analyst judged it {entry.corroboration.judgment.level.toLowerCase().replaceAll("_", " ")}: {entry.corroboration.judgment.reason}</>}{" "}
            <Link href="/methodology#corroboration">How it is counted</Link>
          </p>
        )}
        <CitationList citations={entry.citations} asOf={asOf} />
      </div>
    </article>
  );
}
