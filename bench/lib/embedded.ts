// The embedded default, measured as a reader gets it: `npm start` with no DATABASE_URL on a
// scratch data folder (fresh PGlite, demo data), then the GSOMIA page and history API at 4 connections.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measure } from "./load";
import { startProcess, stopProcess, type TStarted } from "./processes";
import type { TMeasurement } from "./table";

export async function measureEmbedded(options: {
  port: number;
  seconds: number;
  logDir: string;
  log: (message: string) => void;
  /** Told of the started app, so an interrupted run can stop it. */
  track: (started: TStarted) => void;
}): Promise<TMeasurement[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-bench-embedded-"));
  // A load from one address: the per-address rate limits (README "Limits") off.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PACTWATCH_DATA_DIR: dataDir,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    RATE_LIMIT_SEARCHES_PER_MINUTE: "0",
    RATE_LIMIT_EXPORTS_PER_MINUTE: "0",
    RATE_LIMIT_WRITES_PER_MINUTE: "0",
  };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  delete env.PACTWATCH_SQL_CAPTURE;
  options.log(`starting the embedded default (npm start, PACTWATCH_DATA_DIR=${dataDir})…`);
  const base = `http://127.0.0.1:${options.port}`;
  const app = await startProcess({
    name: "the embedded app",
    command: "npm",
    args: ["start"],
    env,
    logFile: path.join(options.logDir, "embedded-app.log"),
    readyUrl: `${base}/api/health`,
    timeoutMs: 300_000,
  });
  options.track(app);
  try {
    const reads = [
      { name: "embedded gsomia page", path: "/agreements/gsomia" },
      { name: "embedded gsomia history api", path: "/api/v1/status-changes?agreement=gsomia&limit=50" },
    ];
    const results: TMeasurement[] = [];
    for (const read of reads) {
      await measure({ read: read.name, target: "embedded", request: { url: `${base}${read.path}` }, connections: 4, seconds: 1, round: 0, pid: app.pid });
      const result = await measure({ read: read.name, target: "embedded", request: { url: `${base}${read.path}` }, connections: 4, seconds: options.seconds, round: 1, pid: app.pid });
      options.log(`${read.name}: ${result.requestsPerSecond.toFixed(1)} req/s, p99 ${result.p99Ms} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
      results.push(result);
    }
    return results;
  } finally {
    await stopProcess(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
