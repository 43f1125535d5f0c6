// Pure: the Markdown table of a run, medians with min–max over rounds and the ratios.
import { formatNumber, formatSummary, ratio, summarize, type TSummary } from "./stats";

/**
 * One measurement of one target for one read at one concurrency: the app as deployed ("app", its
 * page cache on), the app rendering every answer ("rendered": each request asks for a fresh one
 * with Cache-Control: no-cache), the floor, the peer, pgbench, the embedded default.
 */
export type TMeasurement = {
  read: string;
  target: "app" | "rendered" | "floor" | "peer" | "pgbench" | "embedded";
  connections: number;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the target's process tree per request, ms; NaN where not measured (pgbench). */
  cpuMsPerRequest: number;
  rssMb: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

type TCell = { rps: TSummary; p50: TSummary; p99: TSummary; cpu: TSummary; rss: TSummary; faults: number };

function cellOf(rows: readonly TMeasurement[]): TCell | undefined {
  if (rows.length === 0) return undefined;
  return {
    rps: summarize(rows.map((row) => row.requestsPerSecond)),
    p50: summarize(rows.map((row) => row.p50Ms)),
    p99: summarize(rows.map((row) => row.p99Ms)),
    cpu: summarize(rows.map((row) => row.cpuMsPerRequest)),
    rss: summarize(rows.map((row) => row.rssMb)),
    faults: rows.reduce((sum, row) => sum + row.errors + row.timeouts + row.non2xx, 0),
  };
}

const HEADER = [
  "read",
  "conns",
  "app req/s",
  "floor req/s",
  "app ÷ floor",
  "pgbench tps",
  "peer req/s",
  "app ÷ peer",
  "rendered req/s",
  "rendered ÷ floor",
  "rendered p50 ms",
  "rendered CPU ms/req",
  "app p50 ms",
  "app p99 ms",
  "app CPU ms/req",
  "floor CPU ms/req",
  "app RSS MB",
  "errors + non-2xx",
];

/** The table of a run: one row per read and concurrency, in the order the reads were measured. */
export function markdownTable(measurements: readonly TMeasurement[]): string {
  const keys: string[] = [];
  for (const row of measurements) {
    if (row.target === "embedded") continue;
    const key = `${row.read}\u0000${row.connections}`;
    if (!keys.includes(key)) keys.push(key);
  }
  const lines = [`| ${HEADER.join(" | ")} |`, `| ${HEADER.map((_, index) => (index < 2 ? "---" : "---:")).join(" | ")} |`];
  for (const key of keys) {
    const [read, connectionsText] = key.split("\u0000") as [string, string];
    const connections = Number(connectionsText);
    const pick = (target: TMeasurement["target"]) =>
      cellOf(measurements.filter((row) => row.read === read && row.connections === connections && row.target === target));
    const app = pick("app");
    const floor = pick("floor");
    const pgbench = pick("pgbench");
    const peer = pick("peer");
    const rendered = pick("rendered");
    const faults = (app?.faults ?? 0) + (rendered?.faults ?? 0) + (floor?.faults ?? 0) + (peer?.faults ?? 0);
    lines.push(
      `| ${[
        read.replaceAll("|", "\\|"),
        String(connections),
        app ? formatSummary(app.rps) : "—",
        floor ? formatSummary(floor.rps) : "—",
        formatNumber(ratio(app?.rps.median ?? Number.NaN, floor?.rps.median ?? Number.NaN)),
        pgbench ? formatSummary(pgbench.rps) : "—",
        peer ? formatSummary(peer.rps) : "—",
        formatNumber(ratio(app?.rps.median ?? Number.NaN, peer?.rps.median ?? Number.NaN)),
        rendered ? formatSummary(rendered.rps) : "—",
        formatNumber(ratio(rendered?.rps.median ?? Number.NaN, floor?.rps.median ?? Number.NaN)),
        rendered ? formatSummary(rendered.p50) : "—",
        rendered ? formatSummary(rendered.cpu) : "—",
        app ? formatSummary(app.p50) : "—",
        app ? formatSummary(app.p99) : "—",
        app ? formatSummary(app.cpu) : "—",
        floor ? formatSummary(floor.cpu) : "—",
        app ? formatNumber(app.rss.max) : "—",
        String(faults),
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

/** The embedded default's lines: req/s, p50 and p99 at its concurrency, and every fault. */
export function embeddedTable(measurements: readonly TMeasurement[]): string {
  const rows = measurements.filter((row) => row.target === "embedded");
  if (rows.length === 0) return "";
  const lines = ["| read (embedded) | conns | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const row of rows) {
    lines.push(
      `| ${row.read} | ${row.connections} | ${formatNumber(row.requestsPerSecond)} | ${formatNumber(row.p50Ms)} | ${formatNumber(row.p99Ms)} | ${row.errors} | ${row.timeouts} | ${row.non2xx} |`,
    );
  }
  return lines.join("\n");
}
