// One load measurement with autocannon (as a library), with the target's CPU and memory from /proc.
import autocannon from "autocannon";
import pg from "pg";
import { largestRssMb, treeCpuSeconds } from "./proc";
import type { TMeasurement } from "./table";

export type TRequestSpec = { url: string; method?: "GET" | "POST"; body?: string; headers?: Record<string, string> };

export async function measure(options: {
  read: string;
  target: TMeasurement["target"];
  request: TRequestSpec;
  connections: number;
  seconds: number;
  round: number;
  /** The measured server's process (group leader): its tree's CPU and memory are read. */
  pid?: number;
  /** The database behind it: after the measurement, its statements still running are waited for too. */
  databaseUrl?: string;
}): Promise<TMeasurement> {
  const cpuBefore = options.pid ? treeCpuSeconds(options.pid) : Number.NaN;
  const result = await autocannon({
    url: options.request.url,
    method: options.request.method ?? "GET",
    body: options.request.body,
    headers: options.request.headers,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  const cpuAfter = options.pid ? treeCpuSeconds(options.pid) : Number.NaN;
  // Requests still in flight when autocannon stops are answered anyway: wait until the target is
  // idle again, so the next measurement does not pay for this one's backlog.
  if (options.pid) await drain(options.pid, options.databaseUrl);
  const requests = result.requests.total;
  return {
    read: options.read,
    target: options.target,
    connections: options.connections,
    round: options.round,
    requestsPerSecond: requests / result.duration,
    // No answer within the measurement: latency unknown (longer than it), not zero.
    p50Ms: requests > 0 ? result.latency.p50 : Number.NaN,
    p99Ms: requests > 0 ? result.latency.p99 : Number.NaN,
    cpuMsPerRequest: requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / requests : Number.NaN,
    rssMb: options.pid ? largestRssMb(options.pid) : Number.NaN,
    requests,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

let watcher: { url: string; client: pg.Client } | undefined;

async function activeStatements(databaseUrl: string): Promise<number> {
  if (watcher?.url !== databaseUrl) {
    await watcher?.client.end().catch(() => {});
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "pactwatch-bench-drain" });
    await client.connect();
    watcher = { url: databaseUrl, client };
  }
  const result = await watcher.client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
  );
  return result.rows[0]?.n ?? 0;
}

/** Closes the connection drain() keeps. */
export async function closeDrain(): Promise<void> {
  await watcher?.client.end().catch(() => {});
  watcher = undefined;
}

/**
 * Waits (up to two minutes) until the process tree uses under 5% of a core over a quarter second
 * and, given its database, no statement of another session runs there.
 */
export async function drain(pid: number, databaseUrl?: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const before = treeCpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (treeCpuSeconds(pid) - before < 0.0125 && (!databaseUrl || (await activeStatements(databaseUrl)) === 0)) return;
  }
}
