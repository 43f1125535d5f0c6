// pgbench -f on a read's captured statements, their parameters written in as literals: the
// database's own rate for the read, with no HTTP and no JavaScript at all.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TStatement } from "./capture";
import { inlineParameters } from "./sql-literal";
import type { TMeasurement } from "./table";

const run = promisify(execFile);

export function pgbenchScript(statements: readonly TStatement[]): string {
  return statements.map((statement) => `${inlineParameters(statement.sql, statement.values).trim().replace(/;\s*$/, "")};`).join("\n");
}

export async function pgbenchAvailable(): Promise<boolean> {
  try {
    await run("pgbench", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

export async function runPgbench(options: {
  read: string;
  url: string;
  statements: readonly TStatement[];
  connections: number;
  seconds: number;
  round: number;
  directory: string;
}): Promise<TMeasurement> {
  fs.mkdirSync(options.directory, { recursive: true });
  const file = path.join(options.directory, `${options.read}.sql`);
  fs.writeFileSync(file, `${pgbenchScript(options.statements)}\n`);
  const args = ["-n", "-M", "simple", "-c", String(options.connections), "-j", String(Math.min(options.connections, 2)), "-T", String(options.seconds), "-f", file, "-r", options.url];
  const { stdout } = await run("pgbench", args, { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, PGOPTIONS: "-c jit=off" } });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? Number.NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  const processed = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
  return {
    read: options.read,
    target: "pgbench",
    connections: options.connections,
    round: options.round,
    requestsPerSecond: tps,
    p50Ms: latency,
    p99Ms: Number.NaN,
    cpuMsPerRequest: Number.NaN,
    rssMb: Number.NaN,
    requests: processed,
    errors: failed,
    timeouts: 0,
    non2xx: 0,
  };
}
