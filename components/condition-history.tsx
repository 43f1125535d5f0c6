import Link from "next/link";
import { formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import type { ConditionState, DatePrecision } from "@/lib/generated/prisma/enums";
import { ConditionStateBadge } from "./condition-state-badge";

export type TConditionHistoryState = {
  id: string;
  state: ConditionState;
  note: string;
  occurredAt: Date;
  occurredPrecision: DatePrecision;
  timeZone: string;
  citations: { quote: string | null; locator: string | null; source: { url: string; title: string; publisher: string; retiredAt: Date | null; retiredReason: string | null } }[];
};

/** When a state happened, to its precision, in its own zone. */
export function ConditionDate({ at, precision, timeZone }: { at: Date; precision: DatePrecision; timeZone: string }) {
  return <time dateTime={toLocalIsoDate(at, timeZone)}>{formatOccurred(at, precision, timeZone)}</time>;
}

/** A condition's states, oldest first, each dated and with its sources. */
export function ConditionHistory({ states }: { states: TConditionHistoryState[] }) {
  return (
    <ol className="mt-2 space-y-2 border-l-2 border-rule pl-3 text-sm" aria-label="History of this condition">
      {states.map((entry) => (
        <li key={entry.id}>
          <p>
            <ConditionStateBadge state={entry.state} /> from <ConditionDate at={entry.occurredAt} precision={entry.occurredPrecision} timeZone={entry.timeZone} />
            {entry.note && <> — {entry.note}</>}
          </p>
          <ul className="mt-1 list-disc pl-5 text-muted">
            {entry.citations.map((citation, index) => (
              <li key={index}>
                {citation.source.publisher},{" "}
                <Link href={citation.source.url} rel="nofollow noopener noreferrer" className="italic">
                  {citation.source.title}
                </Link>
                {citation.locator && <>, {citation.locator}</>}
                {citation.quote && <>: “{citation.quote}”</>}
                {citation.source.retiredAt && (
                  // As beside a development's citations: readers are told a source was retired, and why.
                  <>
                    {" "}
                    <span className="rounded bg-gray-200 px-1 font-semibold">Retired source</span>
                    {citation.source.retiredReason ? <>: {citation.source.retiredReason}</> : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
