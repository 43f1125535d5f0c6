import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded default (docs/decisions/003-embedded-database.md): PGlite, real PostgreSQL
// compiled to WebAssembly, served on a loopback port so the app talks to it exactly as it
// would to a server, through adapter-pg. It serves connections one query at a time.

export type TEmbeddedDatabase = {
  /** postgresql:// URL of the loopback server. */
  url: string;
  /** True when the data folder was created by this start (a brand-new database). */
  isNew: boolean;
  close: () => Promise<void>;
};

export type TEmbeddedDatabaseOptions = {
  /** Folder that keeps the data across restarts; omit for an in-memory database. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Connections served at once; set it to the app's pool size (plus scripts). */
  maxConnections?: number;
};

/** Starts PGlite and its loopback socket server; close() stops both and flushes to disk. */
export async function startEmbeddedDatabase(options: TEmbeddedDatabaseOptions = {}): Promise<TEmbeddedDatabase> {
  const { dataDir, port = 0, maxConnections = 12 } = options;
  let releaseLock = () => {};
  let isNew = true;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
    isNew = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  }
  let database: PGlite;
  try {
    database = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    releaseLock();
    throw new Error(
      `cannot open the embedded database in ${dataDir ?? "memory"} (${(error as Error).message}): ` +
        `if the folder is damaged, move it away to start afresh, or set DATABASE_URL to use a PostgreSQL server`,
    );
  }
  const server = new PGLiteSocketServer({ db: database, host: "127.0.0.1", port, maxConnections });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    isNew,
    close: async () => {
      await server.stop();
      await database.close();
      releaseLock();
    },
  };
}

// PGlite has no postmaster to refuse a second process on the same folder, and two writers
// would corrupt it: a lock file with our pid stands in.
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && isRunning(holder)) {
      throw new Error(
        `the embedded database in ${dataDir} is in use by process ${holder}: stop that Pactwatch first, ` +
          `or set PACTWATCH_DATA_DIR to another folder`,
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
