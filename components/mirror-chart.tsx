import { parseIsoDate, utcMidnightOf } from "@/lib/domain/calendar-date";
import { formatIsoDate } from "@/lib/domain/dates";
import { describeLag, type TMirrorMeasure, type TMirrorPair } from "@/lib/domain/mirror-pairing";

// The mirror view's chart (a server component: plain SVG, nothing for the browser to run). Each
// pair is a row of two lanes, the original above its answer, on one time axis: a hollow circle
// for the announcement, a square for the entry into force, a diamond for the lifting, a solid bar
// while in force; the lags are written beside the answer. Shapes and words carry every meaning,
// colour only repeats them. The table beside it on the page holds the same facts.

const WIDTH = 960;
const GUTTER = 56;
const ROW = 78;
const TOP = 8;
const AXIS = 22;
const LABEL_ROOM = 230;

const timeOf = (date: string | null) => {
  const parsed = date ? parseIsoDate(date) : null;
  return parsed ? utcMidnightOf(parsed) : null;
};

/** One sentence per pair, for the chart's description (screen readers) and its caption. */
export function describePair(pair: TMirrorPair, index: number): string {
  const when = (measure: TMirrorMeasure) =>
    [measure.announcedOn && `announced ${formatIsoDate(measure.announcedOn)}`, measure.inForceOn && `in force ${formatIsoDate(measure.inForceOn)}`, measure.liftedOn && `lifted ${formatIsoDate(measure.liftedOn)}`]
      .filter(Boolean)
      .join(", ") || "no dates recorded";
  const lags = [
    pair.lags.announcement !== null && `announced ${describeLag(pair.lags.announcement)}`,
    pair.lags.inForce !== null && `in force ${describeLag(pair.lags.inForce)}`,
    pair.lags.lifting !== null && `lifted ${describeLag(pair.lags.lifting)}`,
  ].filter(Boolean);
  return `Pair ${index + 1} (${pair.basis === "LINKED" ? "linked as retaliation" : "proposed, not confirmed"}): ${pair.original.title} (${pair.original.imposingCode}; ${when(pair.original)}) and ${pair.answer.title} (${pair.answer.imposingCode}; ${when(pair.answer)})${lags.length ? `: the answer was ${lags.join(", ")}` : ""}.`;
}

export function MirrorChart({ id, pairs, title }: { id: string; pairs: TMirrorPair[]; title: string }) {
  const times = pairs.flatMap((pair) => [pair.original, pair.answer].flatMap((measure) => [measure.announcedOn, measure.inForceOn, measure.liftedOn].map(timeOf))).filter((time): time is number => time !== null);
  if (times.length === 0) return null;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 365 * 86_400_000);
  const domain = { start: first - span * 0.03, end: last + span * 0.03 };
  const plotWidth = WIDTH - GUTTER - LABEL_ROOM;
  const x = (time: number) => Math.round((GUTTER + ((time - domain.start) / (domain.end - domain.start)) * plotWidth) * 10) / 10;
  const height = TOP + pairs.length * ROW + AXIS;
  const years: number[] = [];
  for (let year = new Date(domain.start).getUTCFullYear() + 1; year <= new Date(domain.end).getUTCFullYear(); year += 1) years.push(year);

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="block" fontSize={11}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{pairs.map(describePair).join(" ")}</desc>
      {years.map((year) => {
        const at = x(Date.UTC(year, 0, 1));
        return (
          <g key={year}>
            <line x1={at} x2={at} y1={TOP} y2={height - AXIS + 4} stroke="#d1d5db" strokeWidth="1" />
            <text x={at + 2} y={height - 6} fill="#4b5563">
              {year}
            </text>
          </g>
        );
      })}
      {pairs.map((pair, index) => (
        <PairRow key={`${pair.original.id}-${pair.answer.id}`} pair={pair} y={TOP + index * ROW} x={x} end={domain.end} index={index} />
      ))}
    </svg>
  );
}

function PairRow({ pair, y, x, end, index }: { pair: TMirrorPair; y: number; x: (time: number) => number; end: number; index: number }) {
  const labelX = WIDTH - LABEL_ROOM + 8;
  const lags = [`announced ${describeLag(pair.lags.announcement)}`, `in force ${describeLag(pair.lags.inForce)}`, `lifted ${describeLag(pair.lags.lifting)}`];
  return (
    <g>
      <text x={4} y={y + 12} fill="#1a1f2b" fontWeight="bold">
        {`Pair ${index + 1}${pair.basis === "PROPOSED" ? " (proposed)" : ""}`}
      </text>
      <Lane measure={pair.original} y={y + 30} x={x} end={end} tone="#991b1b" />
      <Lane measure={pair.answer} y={y + 54} x={x} end={end} tone="#1d4ed8" />
      <text x={labelX} y={y + 30} fill="#1a1f2b">
        The answer was:
      </text>
      {lags.map((lag, line) => (
        <text key={lag} x={labelX} y={y + 44 + line * 12} fill="#1a1f2b">
          {lag}
        </text>
      ))}
    </g>
  );
}

function Lane({ measure, y, x, end, tone }: { measure: TMirrorMeasure; y: number; x: (time: number) => number; end: number; tone: string }) {
  const announced = timeOf(measure.announcedOn);
  const inForce = timeOf(measure.inForceOn);
  const lifted = timeOf(measure.liftedOn);
  // Not lifted: still in force, so the bar runs to the edge of the chart.
  const barEnd = lifted ?? end;
  return (
    <g>
      <text x={4} y={y + 4} fill="#1a1f2b">
        {measure.imposingCode}
      </text>
      {announced !== null && inForce !== null && <line x1={x(announced)} x2={x(inForce)} y1={y} y2={y} stroke={tone} strokeWidth="1.5" strokeDasharray="3 2" />}
      {inForce !== null && <rect x={x(inForce)} y={y - 4} width={Math.max(x(barEnd) - x(inForce), 1)} height={8} fill={tone} fillOpacity="0.35" stroke={tone} />}
      {announced !== null && <circle cx={x(announced)} cy={y} r={4.5} fill="#ffffff" stroke={tone} strokeWidth="2" />}
      {inForce !== null && <rect x={x(inForce) - 4.5} y={y - 4.5} width={9} height={9} fill={tone} />}
      {lifted !== null && <path d={`M${x(lifted)} ${y - 6}L${x(lifted) + 6} ${y}L${x(lifted)} ${y + 6}L${x(lifted) - 6} ${y}Z`} fill="#ffffff" stroke={tone} strokeWidth="2" />}
    </g>
  );
}

/** The chart's key, in words beside each shape. */
export function MirrorChartLegend() {
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
      <span>
        <span aria-hidden="true">○</span> announced
      </span>
      <span>
        <span aria-hidden="true">■</span> in force (the bar runs until the lifting)
      </span>
      <span>
        <span aria-hidden="true">◆</span> lifted
      </span>
      <span>In each pair the upper lane is the original measure, the lower its answer.</span>
    </p>
  );
}
