// tsx bench/report-jsonl.ts <run>.jsonl: prints the tables of a run's measurements recorded so far
// (e.g. of a run that was interrupted).
import fs from "node:fs";
import { embeddedTable, markdownTable, type TMeasurement } from "./lib/table";

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx bench/report-jsonl.ts bench/results/<run>.jsonl");
  process.exit(2);
}
const rows = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { type: string } & TMeasurement)
  .filter((row) => row.type === "measurement")
  .map((row) => ({ ...row, p50Ms: row.p50Ms ?? Number.NaN, p99Ms: row.p99Ms ?? Number.NaN, cpuMsPerRequest: row.cpuMsPerRequest ?? Number.NaN, rssMb: row.rssMb ?? Number.NaN }));
console.log(`${markdownTable(rows)}\n\n${embeddedTable(rows)}`);
