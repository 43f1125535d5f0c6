import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

// Throwaway Debian PostgreSQL clusters for the replica journey: a primary with streaming
// replication allowed from 127.0.0.1, and a standby made from it with `pg_basebackup -R`. Needs
// root (CI runs as root) and postgresql-common's pg_createcluster, as the faults test does.

export type TCluster = { name: string; port: number; url: (database: string) => string };

const VERSION = fs.readdirSync("/etc/postgresql").sort((a, b) => Number(b) - Number(a))[0]!;

// Asynchronous, so the journey can start its app processes while the standby is being made.
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}): ${output}`))));
  });
}

/** Where a cluster of ours listens (made or not). */
export function clusterOf(name: string, port: number): TCluster {
  return { name, port, url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}` };
}

const dataDirectory = (name: string) => `/var/lib/postgresql/${VERSION}/${name}`;
const configDirectory = (name: string) => `/etc/postgresql/${VERSION}/${name}`;

/** Stops and removes a cluster of ours if it exists (also what a crashed earlier run left). */
export function dropCluster(name: string): void {
  if (fs.existsSync(configDirectory(name))) spawnSync("pg_dropcluster", ["--stop", VERSION, name], { encoding: "utf8" });
  fs.rmSync(dataDirectory(name), { recursive: true, force: true });
  fs.rmSync(configDirectory(name), { recursive: true, force: true });
}

export function assertCanCreateClusters(): void {
  if (process.getuid?.() !== 0) throw new Error("the replica journey creates PostgreSQL clusters with pg_createcluster: run it as root (CI does)");
}

async function createCluster(name: string, port: number, settings: string): Promise<void> {
  dropCluster(name);
  // fsync off: a throwaway cluster, and the journey is timed.
  await run("pg_createcluster", [VERSION, name, "-p", String(port), "--", "--auth=trust"]);
  fs.writeFileSync(`${configDirectory(name)}/conf.d/pactwatch-test.conf`, `listen_addresses = '127.0.0.1'\nfsync = off\n${settings}`);
}

/** A primary that lets a standby stream from it over 127.0.0.1. */
export async function createPrimary(name: string, port: number): Promise<TCluster> {
  await createCluster(name, port, "wal_level = replica\nmax_wal_senders = 4\n");
  fs.appendFileSync(`${configDirectory(name)}/pg_hba.conf`, "\nhost replication all 127.0.0.1/32 trust\n");
  await run("pg_ctlcluster", [VERSION, name, "start"]);
  return clusterOf(name, port);
}

/** A streaming standby of `primary`: pg_basebackup -R into a fresh cluster's data directory. */
export async function createReplica(name: string, port: number, primary: TCluster): Promise<TCluster> {
  await createCluster(name, port, "hot_standby = on\n");
  const data = dataDirectory(name);
  fs.rmSync(data, { recursive: true, force: true });
  await run("install", ["-d", "-o", "postgres", "-g", "postgres", "-m", "700", data]);
  await run("runuser", ["-u", "postgres", "--", "pg_basebackup", "-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-R", "-D", data, "--checkpoint=fast"]);
  await run("pg_ctlcluster", [VERSION, name, "start"]);
  return clusterOf(name, port);
}

/** Runs one statement and returns its rows. */
export async function query<T = Record<string, unknown>>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Waits until the standby has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 20_000): Promise<void> {
  const lsn = (await query<{ lsn: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn"))[0]!.lsn;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await query<{ caughtUp: boolean }>(replicaUrl, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS \"caughtUp\"", [lsn]);
    if (rows[0]?.caughtUp) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
}
