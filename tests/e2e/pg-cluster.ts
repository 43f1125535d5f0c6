import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

// A PostgreSQL cluster of a test's own, made and controlled with Debian's postgresql-common
// tools, so a test can restart, stop and freeze (SIGSTOP) a real server without touching
// anyone else's. Asynchronous throughout: the test's own load keeps running meanwhile.

const run = promisify(execFile);
const ctl = (version: string, name: string, action: string) => run("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, action]);

export type TPgCluster = {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** SIGSTOPs the postmaster and every backend: connections stay open and nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  isFrozen(): boolean;
  /** Stops and removes the cluster with its data (thawing it first). */
  drop(): Promise<void>;
};

/** The newest installed server version ("15"). */
function serverVersion(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  return fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(`${root}/${version}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a))[0];
}

async function exists(version: string, name: string): Promise<boolean> {
  const { stdout } = await run("pg_lsclusters", ["-h"]);
  return stdout.split("\n").some((line) => line.split(/\s+/)[0] === version && line.split(/\s+/)[1] === name);
}

async function dataDirectory(version: string, name: string): Promise<string> {
  const { stdout } = await run("pg_lsclusters", ["-h", version, name]);
  const directory = stdout.trim().split(/\s+/)[5];
  if (!directory) throw new Error(`pg_lsclusters does not know ${version}/${name}`);
  return directory;
}

async function childrenOf(pid: number): Promise<number[]> {
  const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(pid)]).catch(() => ({ stdout: "" }));
  return stdout.split("\n").map((line) => Number(line.trim())).filter((child) => child > 0);
}

export const pgCluster = {
  /** Root with pg_createcluster and a server installed (as in .ci/run). */
  isAvailable(): boolean {
    return fs.existsSync("/usr/bin/pg_createcluster") && process.getuid?.() === 0 && serverVersion() !== undefined;
  },

  /** Creates (after removing a leftover of a crashed run) and starts the cluster, trusting local connections. */
  async create(name: string, port: number): Promise<TPgCluster> {
    const version = serverVersion()!;
    if (await exists(version, name)) await run("pg_dropcluster", ["--stop", version, name]);
    await run("pg_createcluster", [version, name, "-p", String(port), "--", "--auth=trust", "--no-sync"]);
    await ctl(version, name, "start");
    let frozen: number[] = [];
    const thaw = async () => {
      for (const pid of frozen) {
        try {
          process.kill(pid, "SIGCONT");
        } catch {
          // already gone
        }
      }
      frozen = [];
    };
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      start: async () => void (await ctl(version, name, "start")),
      stop: async () => void (await ctl(version, name, "stop")),
      restart: async () => void (await ctl(version, name, "restart")),
      async freeze() {
        const postmaster = Number(fs.readFileSync(`${await dataDirectory(version, name)}/postmaster.pid`, "utf8").split("\n")[0]);
        // The postmaster first: once it is stopped, it forks no backend that the list would miss.
        process.kill(postmaster, "SIGSTOP");
        frozen = [postmaster];
        for (const pid of await childrenOf(postmaster)) {
          process.kill(pid, "SIGSTOP");
          frozen.push(pid);
        }
      },
      thaw,
      isFrozen: () => frozen.length > 0,
      async drop() {
        await thaw();
        if (await exists(version, name)) await run("pg_dropcluster", ["--stop", version, name]);
      },
    };
  },
};
