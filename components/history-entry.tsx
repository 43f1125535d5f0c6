import type { THistoryEntry } from "@/lib/server/history-select";
import { formatInstant, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { DIRECTION_LABELS } from "@/lib/domain/statuses";
import { CitationList } from "./citation-list";
import { Markdown } from "./markdown";
import { StatusBadge } from "./status-badge";

const DIRECTION_MARK = { ESCALATION: "↑", DE_ESCALATION: "↓", NEUTRAL: "→" } as const;

export type THistoryMark =
  | { kind: "pending" }
  | { kind: "cancelled"; by: { id: string; headline: string } | null }
  | { kind: "current" }
  | null;

/** One development in a subject's history, with its citations and its marks. */
export function HistoryEntry({ entry, mark }: { entry: THistoryEntry; mark: THistoryMark }) {
  const isRetracted = entry.state === "RETRACTED";
  return (
    <article id={`entry-${entry.id}`} aria-labelledby={`entry-${entry.id}-headline`} className="border-b border-rule py-5">
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <time dateTime={toLocalIsoDate(entry.occurredAt, entry.timeZone)} className="font-semibold text-ink">
          {formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}
        </time>
        <StatusBadge status={entry.status} />
        <span>
          <span aria-hidden="true">{DIRECTION_MARK[entry.direction]}</span> {DIRECTION_LABELS[entry.direction]}
        </span>
        {mark?.kind === "current" && <span className="rounded bg-green-100 px-1 text-green-900">current status</span>}
      </p>
      <h3 id={`entry-${entry.id}-headline`} className={`mt-1 text-lg font-semibold ${isRetracted ? "line-through" : ""}`}>
        {entry.headline}
      </h3>
      {entry.effectiveAt && (
        <p className="text-sm">
          {mark?.kind === "pending" ? "Scheduled to take effect" : mark?.kind === "cancelled" ? "Was to take effect" : "Took effect"}{" "}
          <time dateTime={entry.effectiveAt.toISOString()}>{formatInstant(entry.effectiveAt, entry.timeZone)}</time>
        </p>
      )}
      {mark?.kind === "cancelled" && (
        <p className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900">
          Did not take effect: cancelled
          {mark.by && (
            <>
              {" by "}
              <a href={`#entry-${mark.by.id}`}>{mark.by.headline}</a>
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
      {entry.body && (
        <div className="mt-2">
          <Markdown>{entry.body}</Markdown>
        </div>
      )}
      <div className="mt-3">
        <h4 className="sr-only">Sources</h4>
        <CitationList citations={entry.citations} />
      </div>
    </article>
  );
}
