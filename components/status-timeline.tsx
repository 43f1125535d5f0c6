import Link from "next/link";
import type { DatePrecision, Status } from "@/lib/generated/prisma/enums";
import type { StatusTimeline as TTimeline } from "@/lib/domain/status-timeline";
import { formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { DIRECTION_LABELS, STATUS_LABELS } from "@/lib/domain/statuses";
import type { TSkeletonChange } from "@/lib/server/subject-sql";
import { TONE_BY_STATUS } from "./status-badge";

/** A breached condition, drawn as an escalation beside the developments (decision 031). */
export type TTimelineBreach = { id: string; occurredAt: Date; occurredPrecision: DatePrecision; timeZone: string; statement: string };

/** One row of the picture: a subject's status bands, the developments that made them, and breaches of their conditions. */
export type TTimelineLane = { key: string; label: string; href?: string; timeZone: string; timeline: TTimeline; changes: TSkeletonChange[]; breaches?: TTimelineBreach[] };

type TProps = { lanes: TTimelineLane[]; now: Date; caption: string; id: string };

const DAY = 86_400_000;
/** Periods listed per subject in the text equivalent (the latest ones). */
const TEXT_BANDS = 30;
// Colour never carries meaning alone: each tone has its own fill pattern, and markers differ in shape.
const TONE_FILL = {
  active: { fill: "#dcfce7", stroke: "#166534", pattern: "solid" },
  warning: { fill: "#fef3c7", stroke: "#92400e", pattern: "hatch" },
  ended: { fill: "#fee2e2", stroke: "#991b1b", pattern: "cross" },
  neutral: { fill: "#e5e7eb", stroke: "#374151", pattern: "dots" },
} as const;

/** The status timeline: bands of status over time and a marker per development, as SVG with a text equivalent. */
export function StatusTimeline({ lanes, now, caption, id }: TProps) {
  const drawn = lanes.filter((lane) => lane.timeline.bands.length > 0 || lane.changes.length > 0 || (lane.breaches?.length ?? 0) > 0);
  if (drawn.length === 0) return null;
  const times = drawn.flatMap((lane) => [
    ...lane.timeline.bands.map((band) => band.from.getTime()),
    ...lane.timeline.scheduled.map((band) => band.from.getTime()),
    ...lane.changes.map((change) => change.occurredAt.getTime()),
    ...(lane.breaches ?? []).map((breach) => breach.occurredAt.getTime()),
  ]);
  const first = Math.min(...times);
  const last = Math.max(now.getTime(), ...times);
  const span = Math.max(last - first, 30 * DAY);
  const domain = { start: first - span * 0.03, end: last + span * 0.06 };

  return (
    <figure aria-labelledby={`${id}-caption`} className="mt-3">
      <figcaption id={`${id}-caption`} className="text-sm text-muted">
        {caption}
      </figcaption>
      {/* Drawn once (it was drawn twice, wide and narrow, doubling the page's largest part and
          its RSC payload): a narrow screen scrolls it sideways at a readable size. */}
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="group" aria-labelledby={`${id}-caption`}>
        <div className="min-w-[640px]">
          <TimelineSvg lanes={drawn} now={now} domain={domain} width={960} id={`${id}-svg`} caption={caption} />
        </div>
      </div>
      <Legend />
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent">The timeline as text</summary>
        {drawn.map((lane) => (
          <TimelineText key={lane.key} lane={lane} showLabel={drawn.length > 1} />
        ))}
      </details>
    </figure>
  );
}

type TDomain = { start: number; end: number };

function TimelineSvg({ lanes, now, domain, width, id, caption }: { lanes: TTimelineLane[]; now: Date; domain: TDomain; width: number; id: string; caption: string }) {
  const isNarrow = width < 500;
  const laneHeight = lanes.length > 1 ? 86 : 72;
  const top = 8;
  const axisHeight = 22;
  const height = top + lanes.length * laneHeight + axisHeight;
  // One decimal is finer than a pixel at any width and keeps long histories light.
  const x = (time: number) => Math.round(((time - domain.start) / (domain.end - domain.start)) * width * 10) / 10;
  const nowX = x(now.getTime());
  const ticks = yearTicks(domain, isNarrow ? 4 : 9);

  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`} className="block overflow-visible" fontSize={11}>
      <title id={`${id}-title`}>{caption}</title>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={TONE_FILL.warning.fill} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={TONE_FILL.warning.stroke} strokeWidth="1.2" strokeOpacity="0.5" />
        </pattern>
        <pattern id={`${id}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={TONE_FILL.ended.fill} />
          <path d="M0 0L6 6M6 0L0 6" stroke={TONE_FILL.ended.stroke} strokeWidth="0.8" strokeOpacity="0.5" />
        </pattern>
        <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill={TONE_FILL.neutral.fill} />
          <circle cx="2.5" cy="2.5" r="0.9" fill={TONE_FILL.neutral.stroke} fillOpacity="0.6" />
        </pattern>
      </defs>
      {ticks.map((tick) => (
        <g key={tick.time}>
          <line x1={x(tick.time)} x2={x(tick.time)} y1={top} y2={height - axisHeight + 4} stroke="#d1d5db" strokeWidth="1" />
          <text x={x(tick.time) + 2} y={height - 6} fill="#4b5563">
            {tick.label}
          </text>
        </g>
      ))}
      {lanes.map((lane, index) => (
        <Lane key={lane.key} lane={lane} y={top + index * laneHeight} x={x} width={width} nowX={nowX} id={id} showLabel={lanes.length > 1} />
      ))}
      <line x1={nowX} x2={nowX} y1={top - 4} y2={height - axisHeight + 4} stroke="#1a1f2b" strokeWidth="1.5" strokeDasharray="3 3" />
      <text x={Math.min(nowX + 3, width - 30)} y={top + 2} fill="#1a1f2b" fontWeight="bold">
        today
      </text>
    </svg>
  );
}

function Lane({ lane, y, x, width, nowX, id, showLabel }: { lane: TTimelineLane; y: number; x: (time: number) => number; width: number; nowX: number; id: string; showLabel: boolean }) {
  const bandTop = y + (showLabel ? 16 : 8);
  const bandHeight = 22;
  const markerY = bandTop + bandHeight + 12;
  return (
    <g>
      {showLabel && (
        <text x={2} y={y + 11} fontWeight="bold" fill="#1a1f2b">
          {truncate(lane.label, width < 500 ? 48 : 120)}
        </text>
      )}
      {segmentsOf(lane, x, nowX).map((segment) => {
        if (segment.kind === "dense") {
          return (
            <rect key={segment.key} x={segment.start} y={bandTop} width={round(Math.max(segment.end - segment.start, 1))} height={bandHeight} fill={`url(#${id}-dots)`} stroke="#374151" strokeWidth="0.5" />
          );
        }
        const { band, start, end } = segment;
        const tone = TONE_FILL[TONE_BY_STATUS[band.status]];
        const label = STATUS_LABELS[band.status];
        return (
          <g key={segment.key}>
            <rect x={start} y={bandTop} width={round(Math.max(end - start, 1))} height={bandHeight} fill={fillOf(tone.pattern, tone.fill, id)} stroke={tone.stroke} strokeWidth="0.75" />
            {end - start > label.length * 6.4 + 6 && (
              <text x={start + 4} y={bandTop + 15} fill={tone.stroke} fontWeight="600">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {lane.timeline.scheduled.map((band) => {
        const start = x(band.from.getTime());
        const tone = TONE_FILL[TONE_BY_STATUS[band.status]];
        return (
          <g key={band.changeId}>
            <rect x={start} y={bandTop} width={round(Math.max(width - start - 2, 2))} height={bandHeight} fill="none" stroke={tone.stroke} strokeDasharray="4 3" />
            <text x={Math.min(start + 4, width - 80)} y={bandTop + 15} fill={tone.stroke}>
              {`scheduled: ${STATUS_LABELS[band.status]}`}
            </text>
          </g>
        );
      })}
      {markersOf([...lane.changes, ...(lane.breaches ?? []).map((breach) => ({ id: breach.id, occurredAt: breach.occurredAt, direction: "ESCALATION" as const }))], x, width).map((marker) => (
        <Marker key={marker.key} x={marker.x} y={markerY + marker.row * 9} direction={marker.direction} count={marker.count} />
      ))}
    </g>
  );
}

type TSegment =
  | { kind: "band"; key: string; band: TTimeline["bands"][number]; start: number; end: number }
  | { kind: "dense"; key: string; start: number; end: number };

// Bands narrower than two units are drawn as one dotted "many changes" stretch: a long, busy
// history stays a picture of a few hundred shapes, not thousands of slivers.
function segmentsOf(lane: TTimelineLane, x: (time: number) => number, nowX: number): TSegment[] {
  const segments: TSegment[] = [];
  for (const band of lane.timeline.bands) {
    const start = x(band.from.getTime());
    const end = band.to ? x(band.to.getTime()) : nowX;
    const previous = segments.at(-1);
    if (end - start >= 2) {
      segments.push({ kind: "band", key: band.changeId, band, start, end });
    } else if (previous?.kind === "dense") {
      previous.end = end;
    } else {
      segments.push({ kind: "dense", key: band.changeId, start, end });
    }
  }
  return segments;
}

type TMarker = { key: string; x: number; row: number; direction: TSkeletonChange["direction"]; count: number };

// Developments closer than a marker's width stack in up to three rows; beyond that, and when a
// history is too long to draw one by one, they are grouped and the group shows its size.
function markersOf(changes: Pick<TSkeletonChange, "id" | "occurredAt" | "direction">[], x: (time: number) => number, width: number): TMarker[] {
  const sorted = [...changes].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const gap = width < 500 ? 7 : 9;
  if (sorted.length > width / gap) {
    const buckets = new Map<string, TMarker>();
    for (const change of sorted) {
      const bucket = Math.floor(x(change.occurredAt.getTime()) / (gap * 2));
      const key = `${bucket}-${change.direction}`;
      const row = change.direction === "ESCALATION" ? 0 : change.direction === "DE_ESCALATION" ? 1 : 2;
      const existing = buckets.get(key);
      if (existing) existing.count += 1;
      else buckets.set(key, { key, x: bucket * gap * 2 + gap, row, direction: change.direction, count: 1 });
    }
    return [...buckets.values()];
  }
  const lastXByRow = [-Infinity, -Infinity, -Infinity];
  return sorted.map((change) => {
    const position = x(change.occurredAt.getTime());
    let row = lastXByRow.findIndex((lastX) => position - lastX >= gap);
    if (row === -1) row = 2;
    lastXByRow[row] = position;
    return { key: change.id, x: position, row, direction: change.direction, count: 1 };
  });
}

function Marker({ x, y, direction, count }: { x: number; y: number; direction: TSkeletonChange["direction"]; count: number }) {
  const shape =
    direction === "ESCALATION" ? (
      <path d={`M${x} ${y - 4}L${x + 4} ${y + 3}L${x - 4} ${y + 3}Z`} fill="#991b1b" />
    ) : direction === "DE_ESCALATION" ? (
      <path d={`M${x - 4} ${y - 3}L${x + 4} ${y - 3}L${x} ${y + 4}Z`} fill="#1d4ed8" />
    ) : (
      <circle cx={x} cy={y} r={3} fill="#ffffff" stroke="#374151" strokeWidth="1.5" />
    );
  return (
    <g>
      {shape}
      {count > 1 && (
        <text x={x + 5} y={y + 3} fontSize={8} fill="#1a1f2b">
          {count}
        </text>
      )}
    </g>
  );
}

function Legend() {
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
      <span>
        <span aria-hidden="true" className="text-status-ended">▲</span> escalation (a development, or a breached condition)
      </span>
      <span>
        <span aria-hidden="true" className="text-accent">▼</span> de-escalation
      </span>
      <span>
        <span aria-hidden="true">○</span> neutral
      </span>
      <span>dashed outline: scheduled, not yet in effect</span>
    </p>
  );
}

function TimelineText({ lane, showLabel }: { lane: TTimelineLane; showLabel: boolean }) {
  const precisionOf = new Map(lane.changes.map((change) => [change.id, change]));
  const date = (at: Date, changeId?: string) => {
    const change = changeId ? precisionOf.get(changeId) : undefined;
    const precision = change && !change.effectiveAt ? change.occurredPrecision : "DAY";
    return <time dateTime={toLocalIsoDate(at, lane.timeZone)}>{formatOccurred(at, precision, lane.timeZone)}</time>;
  };
  const escalations = lane.changes.filter((change) => change.direction === "ESCALATION").length;
  const deEscalations = lane.changes.filter((change) => change.direction === "DE_ESCALATION").length;
  return (
    <div className="mt-2">
      {showLabel && <p className="font-semibold">{lane.href ? <Link href={lane.href}>{lane.label}</Link> : lane.label}</p>}
      {lane.timeline.bands.length > TEXT_BANDS && (
        <p className="text-muted">The latest {TEXT_BANDS} of {lane.timeline.bands.length} periods; the history below has every development.</p>
      )}
      <ol className="list-disc pl-6">
        {lane.timeline.bands.slice(-TEXT_BANDS).map((band, index, shown) => {
          const next = shown[index + 1];
          return (
            <li key={band.changeId}>
              {STATUS_LABELS[band.status as Status]}: from {date(band.from, band.changeId)}
              {band.to ? <> until {date(band.to, next?.changeId)}</> : " to today"}
            </li>
          );
        })}
        {lane.timeline.scheduled.map((band) => (
          <li key={band.changeId}>
            Scheduled: {STATUS_LABELS[band.status as Status]} from {date(band.from)}
          </li>
        ))}
      </ol>
      <p className="text-muted">
        {lane.changes.length} {lane.changes.length === 1 ? "development" : "developments"}: {escalations} {DIRECTION_LABELS.ESCALATION.toLowerCase()}
        {escalations === 1 ? "" : "s"}, {deEscalations} {DIRECTION_LABELS.DE_ESCALATION.toLowerCase()}
        {deEscalations === 1 ? "" : "s"}.
      </p>
      {(lane.breaches?.length ?? 0) > 0 && (
        <ul className="list-disc pl-6">
          {lane.breaches!.map((breach) => (
            <li key={breach.id}>
              Escalation: condition breached on{" "}
              <time dateTime={toLocalIsoDate(breach.occurredAt, breach.timeZone)}>{formatOccurred(breach.occurredAt, breach.occurredPrecision, breach.timeZone)}</time>: {breach.statement}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function fillOf(pattern: "solid" | "hatch" | "cross" | "dots", fill: string, id: string): string {
  return pattern === "solid" ? fill : `url(#${id}-${pattern})`;
}

function yearTicks({ start, end }: TDomain, maxTicks: number) {
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  const years = Math.max(lastYear - firstYear + 1, 1);
  const step = [1, 2, 5, 10, 20, 50].find((candidate) => years / candidate <= maxTicks) ?? 100;
  const ticks: { time: number; label: string }[] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    ticks.push({ time: Date.UTC(year, 0, 1), label: String(year) });
  }
  return ticks;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
