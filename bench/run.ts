// npm run bench: measures Pactwatch's reads against their floor (the same SQL on bare node:http +
// pg), pgbench on the same statements and PostGraphile 4 as a peer, on a database it fills itself;
// then the write path and the embedded default. See BENCHMARKS.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureProductionBuild } from "../scripts/lib/build";
import { applyMigrations } from "../prisma/tooling/migrations";
import { parseCapture, writeMarker, type TCaptured } from "./lib/capture";
import { measureEmbedded } from "./lib/embedded";
import { explainAll, type TPlanReport } from "./lib/explain";
import { createAndFill, databaseUrlFor, dropDatabase, fillPlan, isFilled, vacuumDatabase } from "./lib/fill";
import { closeDrain, measure, type TRequestSpec } from "./lib/load";
import { parseOptions, type TOptions } from "./lib/options";
import { ensurePeerInstalled, historyQuery } from "./lib/peer";
import { pgbenchAvailable, runPgbench } from "./lib/pgbench";
import { processTree } from "./lib/proc";
import { startProcess, stopProcess, type TStarted } from "./lib/processes";
import { readsFor, type TRead } from "./lib/reads";
import { runSoak, type TSoakReport } from "./lib/soak";
import { embeddedTable, markdownTable, type TMeasurement } from "./lib/table";
import { runWrites, type TWriteReport } from "./lib/writes";
import { updateBenchmarksDoc, reportMarkdown } from "./lib/report";

/** The request rate limits switched off (0), for a load generated from one address. */
const BENCH_WITHOUT_RATE_LIMITS = { RATE_LIMIT_SEARCHES_PER_MINUTE: "0", RATE_LIMIT_EXPORTS_PER_MINUTE: "0", RATE_LIMIT_WRITES_PER_MINUTE: "0" };
const SEQ_SCAN_THRESHOLD = 10_000;
const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** What a write run that lost, doubled or left incomplete an acknowledged write records as a failure. */
function writeFailure(label: string, report: TWriteReport): string {
  return `${label}: ${report.incomplete} acknowledged writes incomplete, ${report.doubled} doubled, ${report.acknowledged} acknowledged`;
}

function serverUrlOrExit(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      "npm run bench measures a PostgreSQL server, not the embedded database: set DATABASE_URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench",
    );
    process.exit(2);
  }
  return url;
}

const running: TStarted[] = [];

// Ctrl-C or a timeout must not leave the app, the floor or the peer running: they are in their own process groups.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping what the benchmark started…`);
    void Promise.all(running.map((started) => stopProcess(started))).finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const PORTS = options.ports;
  const serverUrl = serverUrlOrExit();
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const resultsDir = path.resolve(import.meta.dirname, "results");
  const runDir = path.join(resultsDir, stamp);
  const plansDir = path.join(resultsDir, "plans", stamp);
  fs.mkdirSync(runDir, { recursive: true });
  const jsonl = path.join(resultsDir, `${stamp}.jsonl`);
  const record = (type: string, data: unknown) => fs.appendFileSync(jsonl, `${JSON.stringify({ type, ...(data as object) })}\n`);

  const plan = fillPlan(options.scale);
  const dbName = options.keep ? `pactwatch_bench_${options.scale}` : `pactwatch_bench_${stamp.replace("-", "_")}`;
  const benchUrl = databaseUrlFor(serverUrl, dbName);
  const machine = await machineFacts(serverUrl);
  record("machine", { ...machine, options, database: dbName });
  log(`${machine.nproc} cores, ${machine.memoryGb} GB, PostgreSQL ${machine.postgres}; results in ${path.relative(process.cwd(), jsonl)}`);

  const failures: string[] = [];
  const measurements: TMeasurement[] = [];
  const writes: TWriteReport[] = [];
  let soak: TSoakReport | undefined;
  let plans: TPlanReport[] = [];
  let peerProblem: string | undefined;
  let captured: TCaptured = {};
  try {
    if (options.reuse && (await isFilled(serverUrl, dbName, plan))) {
      log(`reusing ${dbName}: already filled for this scale; applying any migration added since…`);
      await applyMigrations(benchUrl, { onProgress: (message) => log(`migrate: ${message}`) });
      log("VACUUM (ANALYZE), as autovacuum would have done since the last run's writes…");
      await vacuumDatabase(benchUrl);
    } else {
      log(`filling ${dbName} at ${options.scale.toLocaleString("en")} changes, histories of ${plan.histories.join(", ")} entries…`);
      await createAndFill(serverUrl, dbName, plan, log);
    }
    if (options.fillOnly) {
      log(`${dbName} is filled; measure it with --reuse${options.scale === 1_000_000 ? "" : ` --scale ${options.scale}`}`);
      return 0;
    }

    ensureProductionBuild(log);
    const captureFile = path.join(runDir, "captured-sql.jsonl");
    const appUrl = `http://127.0.0.1:${PORTS.app}`;
    log("starting the production app (npm start, pool of 10, SQL capture on)…");
    const app = await startProcess({
      name: "the app",
      command: "npm",
      args: ["start"],
      env: {
        ...process.env,
        DATABASE_URL: benchUrl,
        AUTH_SECRET: randomBytes(32).toString("base64"),
        PORT: String(PORTS.app),
        HOST: "127.0.0.1",
        DATABASE_POOL_SIZE: "10",
        PACTWATCH_SQL_CAPTURE: captureFile,
        // A load test from one address: the per-address rate limits (README "Limits") off.
        ...BENCH_WITHOUT_RATE_LIMITS,
      },
      logFile: path.join(runDir, "app.log"),
      readyUrl: `${appUrl}/api/health`,
    });
    running.push(app);

    const { reads: allReads, typical } = await readsFor(benchUrl, appUrl, plan);
    const reads = allReads.filter((read) => !options.quick || read.quick);
    log(`typical agreement: ${typical}; ${reads.length} reads`);

    captured = await captureReads(appUrl, reads, captureFile);
    const serverPid = processTree(app.pid).find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.mjs"));
    if (!serverPid) throw new Error("could not find the app server process (scripts/serve.mjs) under npm start");
    process.kill(serverPid, "SIGUSR2"); // capture off: the same process is measured from here on
    const statementsFile = path.join(runDir, "statements.json");
    fs.writeFileSync(statementsFile, JSON.stringify(captured, null, 1));
    for (const read of reads) record("capture", { read: read.name, path: read.path, statements: captured[read.name]?.length ?? 0 });
    log(`captured ${Object.values(captured).reduce((sum, list) => sum + list.length, 0)} statements for ${reads.length} reads`);

    const floor = await startProcess({
      name: "the floor server",
      command: process.execPath,
      args: ["--import", "tsx", path.join(import.meta.dirname, "floor-server.ts"), statementsFile, String(PORTS.floor), benchUrl],
      env: process.env,
      logFile: path.join(runDir, "floor.log"),
      readyUrl: `http://127.0.0.1:${PORTS.floor}/health`,
    });
    running.push(floor);

    let peer: TStarted | undefined;
    if (options.peer) {
      peerProblem = await ensurePeerInstalled(log);
      if (!peerProblem) {
        try {
          peer = await startProcess({
            name: "PostGraphile",
            command: process.execPath,
            args: ["--import", "tsx", path.join(import.meta.dirname, "peer-server.ts"), String(PORTS.peer), benchUrl],
            env: process.env,
            logFile: path.join(runDir, "peer.log"),
            readyUrl: `http://127.0.0.1:${PORTS.peer}/health`,
          });
          running.push(peer);
          const probe = await fetch(`http://127.0.0.1:${PORTS.peer}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: historyQuery(typical) });
          const answer = (await probe.json()) as { errors?: { message: string }[]; data?: { allAgreements?: { nodes: { statusChangesByAgreementId?: { nodes: unknown[] } }[] } } };
          if (answer.errors?.length) throw new Error(`PostGraphile refused the history query: ${answer.errors[0]!.message}`);
          log(`PostGraphile answers the history query with ${answer.data?.allAgreements?.nodes[0]?.statusChangesByAgreementId?.nodes.length ?? 0} entries`);
        } catch (error) {
          peerProblem = (error as Error).message;
          await stopProcess(peer);
          peer = undefined;
        }
      }
      if (peerProblem) log(`no peer: ${peerProblem}`);
    }

    log("EXPLAIN (ANALYZE, BUFFERS) of every captured statement…");
    plans = await explainAll(benchUrl, captured, plansDir, SEQ_SCAN_THRESHOLD);
    for (const report of plans) {
      record("plan", { read: report.read, statement: report.index, executionMs: report.executionMs, file: path.relative(process.cwd(), report.file), seqScans: report.violations });
      for (const violation of report.violations) {
        failures.push(
          `sequential scan of "${violation.table}" (${Math.round(violation.tableRows).toLocaleString("en")} rows) in ${report.read} statement ${report.index} (${path.relative(process.cwd(), report.file)}): ${report.sql.replace(/\s+/g, " ").slice(0, 160)}…`,
        );
      }
    }
    log(`saved ${plans.length} plans in ${path.relative(process.cwd(), plansDir)}; ${failures.length} sequential scans of large tables`);

    const targets = (read: TRead): { target: TMeasurement["target"]; request: TRequestSpec; pid: number; databaseUrl: string }[] => [
      { target: "app", request: { url: `${appUrl}${read.path}` }, pid: app.pid, databaseUrl: benchUrl },
      // The same app rendering every answer: what a page costs when the cache cannot help (a write just landed, a signed-in reader).
      { target: "rendered", request: { url: `${appUrl}${read.path}`, headers: { "cache-control": "no-cache" } }, pid: app.pid, databaseUrl: benchUrl },
      { target: "floor", request: { url: `http://127.0.0.1:${PORTS.floor}/${read.name}` }, pid: floor.pid, databaseUrl: benchUrl },
      ...(read.peer && peer
        ? [{ target: "peer" as const, request: { url: `http://127.0.0.1:${PORTS.peer}/graphql`, method: "POST" as const, body: historyQuery(typical), headers: { "content-type": "application/json" } }, pid: peer.pid, databaseUrl: benchUrl }]
        : []),
    ];

    // --quick relies on the capture's two requests per read to warm the app. The "app" target is
    // warmed by "rendered" (the same process and code; a hit costs no warming).
    if (!options.quick) log("warm-up: every read on every target for 1 s at 1 connection…");
    if (!options.quick) for (const read of reads) for (const target of targets(read).filter((one) => one.target !== "app")) await measure({ read: read.name, ...target, connections: 1, seconds: 1, round: 0 });
    // "rendered" is measured at one concurrency only (16 where it is measured): it is what a page
    // costs without the cache, a per-request figure that 1 and 32 connections would only repeat,
    // and measuring it thrice would not let three rounds fit 15 minutes.
    const renderedConnections = options.connections.includes(16) ? 16 : options.connections[0]!;

    const hasPgbench = await pgbenchAvailable();
    if (!hasPgbench) log("pgbench is not on PATH (apt-get install postgresql-client): its column stays empty");
    for (let round = 1; round <= options.rounds; round++) {
      if (round > 1 && options.budgetMinutes && Date.now() - started > options.budgetMinutes * 60_000) {
        log(`time budget of ${options.budgetMinutes} min spent: stopping after ${round - 1} round(s)`);
        failures.push(`only ${round - 1} of ${options.rounds} rounds fitted the ${options.budgetMinutes}-minute budget (--budget)`);
        break;
      }
      for (const read of reads) {
        for (const connections of options.connections) {
          // Alternate who goes first, so neither always meets a warmer database.
          const all = targets(read).filter((target) => target.target !== "rendered" || connections === renderedConnections);
          const order = round % 2 ? all : all.reverse();
          for (const target of order) {
            const result = await measure({ read: read.name, ...target, connections, seconds: options.seconds, round });
            measurements.push(result);
            record("measurement", result);
          }
        }
        if (hasPgbench && captured[read.name]?.length) {
          const connections = options.connections.includes(16) ? 16 : options.connections[0]!;
          const result = await runPgbench({ read: read.name, url: benchUrl, statements: captured[read.name]!, connections, seconds: options.seconds, round, directory: path.join(runDir, "pgbench") });
          measurements.push(result);
          record("measurement", result);
        }
        const app16 = measurements.filter((row) => row.read === read.name && row.round === round && row.target === "app").at(-1);
        const floor16 = measurements.filter((row) => row.read === read.name && row.round === round && row.target === "floor").at(-1);
        const rendered16 = measurements.filter((row) => row.read === read.name && row.round === round && row.target === "rendered").at(-1);
        log(
          `round ${round}/${options.rounds} ${read.name}: app ${app16?.requestsPerSecond.toFixed(1)} req/s, rendered ${rendered16?.requestsPerSecond.toFixed(1)} req/s, floor ${floor16?.requestsPerSecond.toFixed(1)} req/s at ${app16?.connections} connections`,
        );
      }
    }

    // Two shapes: eight analysts each on an agreement of their own, and all eight on one (every
    // publish then waits for the one before it on that agreement's current status, decision 026).
    // A warm-up first, as the reads have: the write path's code has not run in this process yet.
    const warmUp = await runWrites({ appUrl, databaseUrl: benchUrl, writers: 8, seconds: Math.min(5, options.writeSeconds), subjects: 8 });
    log(`write path warm-up: ${warmUp.acknowledged} publishes (not counted)`);
    if (!warmUp.ok) failures.push(writeFailure("write path warm-up", warmUp));
    for (const subjects of [8, 1]) {
      log(`write path: 8 writers on ${subjects === 1 ? "one agreement" : `${subjects} agreements`}, publishing with two citations each for ${options.writeSeconds} s…`);
      const report = await runWrites({ appUrl, databaseUrl: benchUrl, writers: 8, seconds: options.writeSeconds, subjects });
      writes.push(report);
      record("writes", report);
      log(
        `write path (${subjects} subject(s)): ${report.acknowledged} acknowledged, ${report.publishesPerSecond.toFixed(1)} publishes/s, p99 ${report.p99Ms.toFixed(0)} ms; stored ${report.stored}, incomplete ${report.incomplete}, doubled ${report.doubled}, failures ${JSON.stringify(report.failures)}`,
      );
      if (!report.ok) failures.push(writeFailure(`write path (${subjects} subject(s))`, report));
    }

    if (options.soak) {
      log(`soak: ${options.soakSeconds} s of mixed load at 16 connections…`);
      soak = await runSoak({ appUrl, reads, pid: app.pid, seconds: options.soakSeconds, log });
      record("soak", soak);
      log(`soak: app resident memory ${soak.finalRssMb.toFixed(0)} MB at the end (target ≤ 400 MB after 10 minutes: ${soak.ok ? "met" : "missed"})`);
    }
  } finally {
    await closeDrain();
    for (const started of running.splice(0).reverse()) await stopProcess(started);
  }

  if (options.embedded) {
    const embedded = await measureEmbedded({ port: PORTS.embedded, seconds: options.quick ? 3 : 10, logDir: runDir, log, track: (started) => running.push(started) });
    for (const result of embedded) {
      measurements.push(result);
      record("measurement", result);
      if (result.errors + result.timeouts + result.non2xx > 0) failures.push(`embedded default: ${result.read} had ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
    }
  }

  if (!options.keep) {
    log(`dropping ${dbName} (keep it with --keep or --reuse)`);
    await dropDatabase(serverUrl, dbName);
  }

  const markdown = reportMarkdown({ machine, options, measurements, writes, soak, plans, peerProblem, failures, stamp, captured });
  const mdFile = path.join(resultsDir, `${stamp}.md`);
  fs.writeFileSync(mdFile, markdown);
  console.log(`\n${markdownTable(measurements)}\n\n${embeddedTable(measurements)}\n`);
  if (!options.quick) {
    updateBenchmarksDoc(markdown);
    // The latest full run's plans are kept in the repository beside BENCHMARKS.md (bench/plans/).
    const kept = path.join(import.meta.dirname, "plans");
    fs.rmSync(kept, { recursive: true, force: true });
    if (fs.existsSync(plansDir)) fs.cpSync(plansDir, kept, { recursive: true });
  }
  log(`wrote ${path.relative(process.cwd(), jsonl)} and ${path.relative(process.cwd(), mdFile)}${options.quick ? "" : "; BENCHMARKS.md updated"}`);
  if (failures.length) {
    console.error(`\nnpm run bench FAILED (${failures.length}):`);
    for (const failure of failures) console.error(`  ✗ ${failure}`);
    return 1;
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

/** Each read once to warm it, then once between markers: the statements of one request. */
async function captureReads(appUrl: string, reads: TRead[], file: string): Promise<TCaptured> {
  for (const read of reads) {
    const warm = await fetch(`${appUrl}${read.path}`);
    await warm.arrayBuffer();
    if (!warm.ok) throw new Error(`GET ${read.path} answered ${warm.status}: the app cannot serve this read (see bench/results/…/app.log)`);
    writeMarker(file, `begin:${read.name}`);
    // Rendered, not answered from the page cache: the statements of a render are what the floor runs.
    const response = await fetch(`${appUrl}${read.path}`, { headers: { "cache-control": "no-cache" } });
    await response.arrayBuffer();
    writeMarker(file, `end:${read.name}`);
  }
  // Statements are appended synchronously by the app before it answers; nothing is left in flight.
  return parseCapture(fs.readFileSync(file, "utf8"));
}

export type TMachine = { nproc: number; memoryGb: number; postgres: string; node: string; commit: string; cpu: string };

async function machineFacts(serverUrl: string): Promise<TMachine> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let postgres = "?";
  try {
    postgres = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
  let commit = "?";
  try {
    const { execFileSync } = await import("node:child_process");
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  return { nproc: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), postgres, node: process.version, commit, cpu: os.cpus()[0]?.model ?? "?" };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[bench] ${error.message}`);
    process.exit(1);
  },
);

export type { TOptions };
