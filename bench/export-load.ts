// npx tsx bench/export-load.ts --base http://127.0.0.1:3120 --pid <server pid> [--exports 4] [--rate BYTES_PER_S] [--bytes N]
// Issue 10 item 5's measurement: ordinary API read latency and the server's memory while N
// citation-level CSV exports run at once (each read as fast as the network allows, or at
// --rate bytes a second, a slow client). Prints one JSON report. Point it at a running
// production server (scripts/serve.mjs) on a database with a large history (db:generate-large).
import fs from "node:fs";

type TOptions = { base: string; pid: number; exports: number; rate: number | null; bytes: number | null; baselineSeconds: number; maxSeconds: number };

function parseOptions(argv: string[]): TOptions {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index === -1 ? undefined : argv[index + 1];
  };
  const pid = Number(value("pid"));
  if (!Number.isInteger(pid)) throw new Error("--pid <the server's process id> is required (its memory is sampled)");
  return {
    base: value("base") ?? "http://127.0.0.1:3120",
    pid,
    exports: Number(value("exports") ?? 4),
    rate: value("rate") ? Number(value("rate")) : null,
    // Stop reading each export after this many bytes (a slow client need not read 128 MB to show its cost).
    bytes: value("bytes") ? Number(value("bytes")) : null,
    baselineSeconds: Number(value("baseline") ?? 10),
    maxSeconds: Number(value("max") ?? 600),
  };
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
function residentMegabytes(pid: number): number {
  const pids = [pid, ...childrenOf(pid)];
  let kilobytes = 0;
  for (const one of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${one}/status`, "utf8"));
      kilobytes += match ? Number(match[1]) : 0;
    } catch {
      // gone
    }
  }
  return Math.round(kilobytes / 1024);
}

function childrenOf(pid: number): number[] {
  try {
    const direct = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((child) => [child, ...childrenOf(child)]);
  } catch {
    return [];
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1) ?? NaN) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ordinary reads, one after another with a short pause, until `stop` says so. */
async function readLoop(base: string, stop: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  const paths = ["/api/v1/agreements", "/api/v1/status-changes", "/api/v1/parties?limit=5"];
  let index = 0;
  while (!stop()) {
    const started = performance.now();
    const response = await fetch(`${base}${paths[index++ % paths.length]}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`read answered ${response.status}`);
    latencies.push(performance.now() - started);
    await sleep(100);
  }
  return latencies;
}

type TExportResult = { status: number; bytes: number; seconds: number; retryAfter: string | null };

async function runExport(base: string, rate: number | null, limit: number | null, client: number): Promise<TExportResult> {
  const started = performance.now();
  // Each export as another client: run the server with TRUSTED_PROXY_HOPS=1 so X-Forwarded-For
  // names the client (without it all exports come from one address, one client of the limits).
  const response = await fetch(`${base}/exports/developments.csv?rows=citations`, { headers: { "x-forwarded-for": `10.9.0.${client + 1}` } });
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    const readStarted = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (limit && bytes >= limit) {
        await reader.cancel();
        break;
      }
      if (rate) {
        const due = readStarted + (bytes / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }
  }
  return { status: response.status, bytes, seconds: Math.round((performance.now() - started) / 100) / 10, retryAfter: response.headers.get("retry-after") };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const baselineStarted = Date.now();
  const baseline = await readLoop(options.base, () => Date.now() - baselineStarted > options.baselineSeconds * 1000);
  const baselineMemory = residentMegabytes(options.pid);

  let isExporting = true;
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(residentMegabytes(options.pid)), 500);
  const started = Date.now();
  const reads = readLoop(options.base, () => !isExporting || Date.now() - started > options.maxSeconds * 1000);
  const exports = await Promise.all(Array.from({ length: options.exports }, (_, client) => runExport(options.base, options.rate, options.bytes, client)));
  isExporting = false;
  const during = await reads;
  clearInterval(sampler);
  console.log(
    JSON.stringify(
      {
        exports: options.exports,
        rateBytesPerSecond: options.rate,
        baselineReads: summary(baseline),
        readsDuringExports: summary(during),
        serverMemoryMb: { before: baselineMemory, peak: Math.max(...memory, baselineMemory) },
        exportResults: exports,
        wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      },
      null,
      2,
    ),
  );
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
