import Link from "next/link";
import { formatInstant, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { DIRECTION_LABELS } from "@/lib/domain/statuses";
import type { TReaderEntry } from "@/lib/server/history-sql";
import { StatusBadge } from "./status-badge";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";

const DIRECTION_MARK = { ESCALATION: "▲", DE_ESCALATION: "▼", NEUTRAL: "○" } as const;

/** A development in a compact list: date, status, direction, schedule, headline, subject and how many sources; links keep the reading's asOf. */
export function DevelopmentSummary({ development, asOf }: { development: TReaderEntry; asOf?: TAsOfParams }) {
  const sources = development.citations.length;
  return (
    <li className="py-3">
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <time dateTime={toLocalIsoDate(development.occurredAt, development.timeZone)}>
          {formatOccurred(development.occurredAt, development.occurredPrecision, development.timeZone)}
        </time>
        <StatusBadge status={development.status} />
        <span>
          <span aria-hidden="true">{DIRECTION_MARK[development.direction]}</span> {DIRECTION_LABELS[development.direction]}
        </span>
        {development.effectiveAt && development.schedule === "pending" && <span>scheduled for {formatInstant(development.effectiveAt, development.timeZone)}</span>}
        {development.effectiveAt && development.schedule === "took-effect" && <span>took effect {formatInstant(development.effectiveAt, development.timeZone)}</span>}
        {development.schedule === "cancelled" && <span className="font-semibold">did not take effect</span>}
        {development.state === "RETRACTED" && <span className="font-semibold text-status-ended">retracted</span>}
      </p>
      <p className="mt-1 font-semibold">
        <Link href={keepAsOf(`${development.subject.href}#entry-${development.id}`, asOf)}>{development.headline}</Link>
      </p>
      <p className="text-sm text-muted">
        <Link href={keepAsOf(development.subject.href, asOf)} className="text-muted">
          {development.subject.name}
        </Link>{" "}
        · {sources} {sources === 1 ? "source" : "sources"} · <Link href={keepAsOf(`/developments/${development.id}`, asOf)}>permalink</Link>
      </p>
    </li>
  );
}
