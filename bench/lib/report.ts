// The run's Markdown report, and its copy into BENCHMARKS.md between the "latest run" markers.
import fs from "node:fs";
import path from "node:path";
import type { TCaptured } from "./capture";
import type { TPlanReport } from "./explain";
import type { TOptions } from "./options";
import type { TSoakReport } from "./soak";
import { formatNumber } from "./stats";
import { embeddedTable, markdownTable, type TMeasurement } from "./table";
import type { TWriteReport } from "./writes";

type TReport = {
  machine: { nproc: number; memoryGb: number; postgres: string; node: string; commit: string; cpu: string };
  options: TOptions;
  measurements: TMeasurement[];
  writes: TWriteReport[];
  soak?: TSoakReport;
  plans: TPlanReport[];
  peerProblem?: string;
  failures: string[];
  stamp: string;
  captured: TCaptured;
};

export function reportMarkdown(report: TReport): string {
  const { machine, options } = report;
  const lines = [
    `Run ${report.stamp} (UTC) at commit ${machine.commit}: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGb} GB, PostgreSQL ${machine.postgres}, Node ${machine.node}.`,
    `Scale ${options.scale.toLocaleString("en")} changes; ${options.rounds} round(s) of ${options.seconds} s at ${options.connections.join(", ")} connections; medians with min–max over rounds.`,
    "",
    markdownTable(report.measurements),
    "",
    `Statements per read (captured from the app): ${Object.entries(report.captured).map(([read, list]) => `${read} ${list.length}`).join(", ")}.`,
  ];
  const silent = [...new Set(report.measurements.filter((row) => row.requests === 0 && row.round > 0).map((row) => `${row.read} (${row.target}, ${row.connections} conns)`))];
  if (silent.length) lines.push("", `No answer within a ${options.seconds} s measurement (0 req/s, latency longer than the measurement): ${silent.join(", ")}.`);
  if (report.peerProblem) lines.push("", `PostGraphile was not measured: ${report.peerProblem}`);
  for (const w of report.writes) {
    lines.push(
      "",
      `Write path, ${w.writers} writers on ${w.subjects === 1 ? "one agreement" : `${w.subjects} agreements`}, for ${formatNumber(w.seconds)} s: ${w.acknowledged} publishes acknowledged (${formatNumber(w.publishesPerSecond)}/s), p50 ${formatNumber(w.p50Ms)} ms, p99 ${formatNumber(w.p99Ms)} ms; ` +
        `in SQL: ${w.stored} stored, ${w.incomplete} acknowledged but incomplete, ${w.doubled} doubled; failures ${JSON.stringify(w.failures)} — ${w.ok ? "every acknowledged write landed exactly once with its two citations, two audit events and its revision" : "**FAILED**"}.`,
    );
  }
  const embedded = embeddedTable(report.measurements);
  if (embedded) lines.push("", "Embedded default (fresh PGlite, demo data):", "", embedded);
  if (report.soak) lines.push("", `Soak: ${report.soak.requests} requests in ${formatNumber(report.soak.seconds)} s of mixed load; app resident memory ${report.soak.samplesMb.map((mb) => mb.toFixed(0)).join(" → ")} MB, ${formatNumber(report.soak.finalRssMb)} MB at the end (target ≤ 400: ${report.soak.ok ? "met" : "missed"}).`);
  const slowest = [...report.plans].sort((a, b) => b.executionMs - a.executionMs).slice(0, 8);
  if (slowest.length) {
    const kept = !options.quick;
    lines.push("", `Slowest statements by EXPLAIN ANALYZE (${kept ? "every plan of this run is kept in [bench/plans/](bench/plans/)" : `plans in bench/results/plans/${report.stamp}/`}):`, "");
    for (const plan of slowest) {
      const scans = plan.violations.map((violation) => `sequential scan of ${violation.table}`).join(", ");
      lines.push(`- ${plan.read} #${plan.index}: ${formatNumber(plan.executionMs)} ms${scans ? ` (**${scans}**)` : ""} — ${kept ? `[${path.basename(plan.file)}](bench/plans/${path.basename(plan.file)})` : path.basename(plan.file)}`);
    }
  }
  lines.push("", report.failures.length ? `**Failures:**\n\n${report.failures.map((failure) => `- ${failure}`).join("\n")}` : "No sequential scan of a table over 10,000 rows; no failure.");
  return `${lines.join("\n")}\n`;
}

const START = "<!-- bench:latest:start -->";
const END = "<!-- bench:latest:end -->";

/** Replaces the "latest run" section of BENCHMARKS.md (full runs only). */
export function updateBenchmarksDoc(markdown: string): void {
  const file = path.resolve(import.meta.dirname, "..", "..", "BENCHMARKS.md");
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end === -1) return;
  fs.writeFileSync(file, `${text.slice(0, start + START.length)}\n${markdown}${text.slice(end)}`);
}
