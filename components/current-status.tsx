import { formatInstant, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import type { Status } from "@/lib/generated/prisma/enums";
import { StatusBadge } from "./status-badge";

/** A current status as the lists and pages show it: badge, and since when to the precision known. */
export type TCurrentStatusView = {
  status: Status;
  since: Date;
  hasExactStart: boolean;
  precision: "DAY" | "MONTH" | "YEAR";
  timeZone: string;
} | null;

/** "since 22 November 2019" (to the day, month or year known), or "since 23 November 2019, 00:00 GMT+9" for a stated instant. */
export function SinceText({ current }: { current: NonNullable<TCurrentStatusView> }) {
  return (
    <time dateTime={current.hasExactStart ? current.since.toISOString() : toLocalIsoDate(current.since, current.timeZone)}>
      {current.hasExactStart ? formatInstant(current.since, current.timeZone) : formatOccurred(current.since, current.precision, current.timeZone)}
    </time>
  );
}

export function CurrentStatus({ current, size = "md" }: { current: TCurrentStatusView; size?: "md" | "lg" }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <StatusBadge status={current?.status ?? null} size={size} />
      {current && (
        <span className="text-sm text-muted">
          since <SinceText current={current} />
        </span>
      )}
    </span>
  );
}
